// The background as the browser runs it: `main()` against a fake browser,
// driven only through the browser's events (install, worker start, tab
// update, message, storage change) with the MessageSender values browsers
// really pass. Nothing here sets the background's state by hand.
//
// Mutations each test kills (each was tried by hand once):
//   T  trackSettings does nothing (src/background/state.ts)
//   S  senderInfo always reports "extension page" (src/platform/messaging.ts)
//   U  the tab-update listener ignores "loading" (only URL changes update the badge)
//   W  the first badge pass at worker start is dropped
//   I  the welcome page opens on every onInstalled reason, or for onboarded users
import type { Runtime } from "../../src/platform/browser";
import { fakeBrowser } from "./fake-browser";
import { BASE, ID, contentScript, datasetFiles, startWorker, tab } from "./worker-harness";
import { EN } from "./en-messages";
import { miniDataset } from "../fixtures/mini-dataset";

let mockFake = fakeBrowser(EN);
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));

const dataset = miniDataset();
(globalThis as unknown as { fetch: unknown }).fetch = datasetFiles(dataset).fetch;


const optionsPage: Runtime.MessageSender = { id: ID, url: `${BASE}/options.html`, frameId: 0, tab: tab(99, `${BASE}/options.html`) };

/** A fresh worker: fresh modules, a fresh fake browser holding `stored` settings and `tabs`, then `main()`. */
async function boot({ stored, tabs = [] }: { stored?: Record<string, unknown>; tabs?: Array<{ id: number; url?: string }> } = {}) {
  mockFake = fakeBrowser(EN);
  const fake = mockFake;
  if (stored) fake.browser.storage.sync._raw({ settings: stored });
  fake.tabs.push(...tabs);
  const { started, send } = await startWorker(fake);
  return { fake, started, send };
}

/** Waits (a few ms at a time, 2 s at most) until `check` holds; events are handled asynchronously. */
async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`condition not reached: ${check.toString()}`);
}

const FR = { version: 1, country: "FR", onboarded: true };

describe("background wiring", () => {
  test("worker start: every open tab's badge is computed (kills W)", async () => {
    const { fake, started } = await boot({ stored: FR, tabs: [{ id: 1, url: "https://www.clip.example/" }, { id: 2 }, { id: 3, url: "https://market.example/" }] });
    await started;
    expect(fake.badges.get(1)).toMatchObject({ text: "!!", color: "#b3261e" });
    expect(fake.badges.get(1)!.title).toMatch(/^Data Borders: Clip — High concern\./);
    expect(fake.badges.get(2)).toMatchObject({ text: "", title: "Data Borders: this site is not listed in the dataset" });
    expect(fake.badges.get(3)).toMatchObject({ text: "!" });
  });

  test("install opens the welcome page once, only for a new user (kills I)", async () => {
    const fresh = await boot();
    await fresh.started;
    fresh.fake.browser.runtime.onInstalled.fire({ reason: "update", previousVersion: "0.0.9" });
    fresh.fake.browser.runtime.onInstalled.fire({ reason: "install" });
    await until(() => fresh.fake.created.length > 0);
    expect(fresh.fake.created).toEqual([`${BASE}/welcome.html`]);

    const known = await boot({ stored: FR });
    await known.started;
    known.fake.browser.runtime.onInstalled.fire({ reason: "install" });
    await new Promise((r) => setTimeout(r, 50));
    expect(known.fake.created).toEqual([]);
  });

  test("a tab starting to load a dataset page gets its badge; other tab changes are ignored (kills U)", async () => {
    const { fake, started } = await boot({ stored: FR });
    await started;
    fake.browser.tabs.onUpdated.fire(4, { title: "Clip" }, tab(4, "https://www.clip.example/"));
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.badges.has(4)).toBe(false);
    // A reload: status "loading" without a URL change.
    fake.browser.tabs.onUpdated.fire(4, { status: "loading" }, tab(4, "https://www.clip.example/"));
    await until(() => fake.badges.get(4)?.text === "!!");
    fake.browser.tabs.onUpdated.fire(4, { url: "https://example.org/" }, tab(4, "https://example.org/"));
    await until(() => fake.badges.get(4)?.text === "");
  });

  test("a content script's message is answered for its own page only (kills S)", async () => {
    const { send, started } = await boot({ stored: FR });
    await started;
    const reply = await send({ type: "getVerdict", payload: {} }, contentScript(7, "https://www.clip.example/@x"));
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ level: "high", serviceName: "Clip", domain: "clip.example" }) });
    // Page-only messages from a content script are refused: reading another tab's report, or writing settings.
    await expect(send({ type: "getReport", payload: { url: "https://cloudy.example/" } }, contentScript(7, "https://www.clip.example/"))).resolves.toEqual({ ok: false, error: "getReport is not allowed from a content script" });
    await expect(send({ type: "updateSettings", payload: { patch: { bannerThreshold: "never" } } }, contentScript(7, "https://www.clip.example/"))).resolves.toMatchObject({ ok: false });
    // A content script in a sub-frame is refused too.
    await expect(send({ type: "getVerdict", payload: {} }, { ...contentScript(7, "https://www.clip.example/embed"), frameId: 3 })).resolves.toMatchObject({ ok: false });
  });

  test("the options page's message is answered (an extension page may read any report)", async () => {
    const { send, started } = await boot({ stored: FR });
    await started;
    const reply = await send({ type: "getReport", payload: { url: "https://cloudy.example/" } }, optionsPage);
    expect(reply).toMatchObject({ ok: true, value: { matched: true, domain: "cloudy.example" } });
  });

  test("a settings change from the options page reaches the next verdict and every badge (kills T)", async () => {
    const { fake, send, started } = await boot({ stored: FR, tabs: [{ id: 1, url: "https://www.clip.example/" }] });
    await started;
    const page = contentScript(1, "https://www.clip.example/");
    await expect(send({ type: "getVerdict", payload: {} }, page)).resolves.toMatchObject({ value: { level: "high" } });
    expect(fake.badges.get(1)!.text).toBe("!!");
    await expect(send({ type: "updateSettings", payload: { patch: { country: "US" } } }, optionsPage)).resolves.toMatchObject({ ok: true, value: { country: "US" } });
    // For a US user Clip is low (a US joint venture serves them): no banner, and the open tab's badge follows.
    await until(() => fake.badges.get(1)?.text === "i");
    await expect(send({ type: "getVerdict", payload: {} }, page)).resolves.toEqual({ ok: true, value: null });
  });

  test("a settings change written by another context (storage event only) is picked up (kills T)", async () => {
    const { fake, send, started } = await boot({ stored: FR, tabs: [{ id: 1, url: "https://www.clip.example/" }] });
    await started;
    await fake.browser.storage.sync.set({ settings: { ...FR, bannerThreshold: "never", badge: false } });
    await until(() => fake.badges.get(1)?.text === "" && /High concern/.test(fake.badges.get(1)?.title ?? ""));
    await expect(send({ type: "getVerdict", payload: {} }, contentScript(1, "https://www.clip.example/"))).resolves.toEqual({ ok: true, value: null });
  });

  test("dismissing from the banner is stored and ends the banner on that site", async () => {
    const { fake, send, started } = await boot({ stored: FR });
    await started;
    const page = contentScript(2, "https://m.clip.example/video");
    await expect(send({ type: "dismissSite", payload: {} }, page)).resolves.toEqual({ ok: true, value: true });
    expect(((await fake.browser.storage.sync.get("settings")).settings as { dismissed: string[] }).dismissed).toEqual(["clip.example"]);
    await until(async () => (await send({ type: "getVerdict", payload: {} }, page)).value === null);
  });

  test("stored settings with version 0 keep the user's choices in the running background", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { fake, started } = await boot({ stored: { version: 0, country: "US", badge: false, onboarded: true }, tabs: [{ id: 1, url: "https://cloudy.example/" }] });
      await started;
      // A US user with the badge off: no text, but the title carries the level.
      expect(fake.badges.get(1)).toMatchObject({ text: "" });
      expect(fake.badges.get(1)!.title).toMatch(/^Data Borders: cloudy — /);
      fake.browser.runtime.onInstalled.fire({ reason: "install" });
      await new Promise((r) => setTimeout(r, 50));
      expect(fake.created).toEqual([]); // onboarded was kept: no welcome page
      expect(warn.mock.calls.filter(([m]) => /no valid version/.test(String(m)))).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});
