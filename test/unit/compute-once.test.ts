// Compute once: one report per (tab, URL, settings version), built when the
// tab's address changes and reused by the badge, the banner, the banner's
// buttons, settings changes that do not move the settings version, and the
// popup; kept in session storage so a restarted worker does not rebuild it.
// The background runs as the browser runs it (`main()` against a fake browser,
// driven by its events); every computation of a report is counted.
//
// Mutations each test kills (each was tried by hand once):
//   M  reportForTab skips its memory (src/background/reports.ts)
//   R  reportForTab skips the stored entry (a restarted worker rebuilds)
//   K  the settings version ignores the country (src/core/report-store.ts)
//   D  a closed tab's entry stays in session storage
//   L  the worker reads the dataset at start (src/background/main.ts calls ready())
import type { Runtime } from "../../src/platform/browser";
import { fakeBrowser } from "./fake-browser";
import { BASE, ID, contentScript, datasetFiles, startWorker, tab } from "./worker-harness";
import { shardPath } from "../../src/core/dataset-split";
import { EN } from "./en-messages";
import { miniDataset } from "../fixtures/mini-dataset";
import { reportKey, today } from "../../src/core/report-store";
import { DEFAULT_CONCERNS } from "../../src/core/assess";

let mockFake = fakeBrowser(EN);
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));

/** Every report computation, by the URL it was for. */
const mockComputed: string[] = [];
jest.mock("../../src/core/report", () => {
  const actual: typeof import("../../src/core/report") = jest.requireActual("../../src/core/report");
  return { ...actual, buildReport: (...args: Parameters<typeof actual.buildReport>) => { mockComputed.push(args[1]); return actual.buildReport(...args); } };
});

const dataset = miniDataset();
/** The extension's dataset files, and those read (by URL). */
const files = datasetFiles(dataset);
const { reads } = files;
(globalThis as unknown as { fetch: unknown }).fetch = files.fetch;
/** What computing a service's report reads first: the index, then the shards of its category (sorted). */
const readsFor = (id: string) => [`${BASE}/data/index.json`, ...files.index.categories[dataset.services.find((s) => s.id === id)!.category]!.map((n) => `${BASE}/${shardPath(n)}`)].sort();

const FR = { version: 2, country: "FR", onboarded: true };
const CLIP = "https://www.clip.example/@someone";

const popupPage: Runtime.MessageSender = { id: ID, url: `${BASE}/popup.html`, frameId: 0 };

/** A fresh worker on `fake` (a new browser unless one is given: a restart keeps the browser's storage). */
async function boot({ stored, tabs = [], fake = fakeBrowser(EN) }: { stored?: Record<string, unknown>; tabs?: Array<{ id: number; url?: string }>; fake?: ReturnType<typeof fakeBrowser> } = {}) {
  mockFake = fake;
  if (stored) fake.browser.storage.sync._raw({ settings: stored });
  fake.tabs.push(...tabs);
  const { started, send } = await startWorker(fake);
  await started;
  return { fake, send };
}

/** The worker stops: its listeners go; the browser keeps its storage and tabs. */
function stopWorker(fake: ReturnType<typeof fakeBrowser>) {
  const b = fake.browser;
  for (const e of [b.runtime.onMessage, b.runtime.onInstalled, b.tabs.onUpdated, b.tabs.onRemoved, b.storage.onChanged]) e.listeners.clear();
}

/** Lets every pending event handler run to its end. */
const settle = () => new Promise((r) => setTimeout(r, 30));

async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`condition not reached: ${check.toString()}`);
}

const count = (url: string) => mockComputed.filter((u) => u === url).length;

beforeEach(() => {
  mockComputed.length = 0;
  reads.length = 0;
});

describe("one report per tab, URL and settings version", () => {
  test("badge, banner, its buttons, a settings change that keeps the version and the popup share one computation (kills M)", async () => {
    const { fake, send } = await boot({ stored: FR, tabs: [{ id: 1, url: "https://market.example/" }] });
    const page = contentScript(1, CLIP);
    // The tab navigates: the browser reports it several times while the content script asks for its banner.
    fake.tabs[0]!.url = CLIP;
    fake.browser.tabs.onUpdated.fire(1, { status: "loading", url: CLIP }, tab(1, CLIP));
    const verdict = send({ type: "getVerdict", payload: {} }, page);
    fake.browser.tabs.onUpdated.fire(1, { url: CLIP }, tab(1, CLIP));
    await expect(verdict).resolves.toMatchObject({ ok: true, value: { level: "high" } });
    // The user closes the banner; the content script asks again.
    await expect(send({ type: "bannerClosed", payload: {} }, page)).resolves.toEqual({ ok: true, value: true });
    await expect(send({ type: "getVerdict", payload: {} }, page)).resolves.toEqual({ ok: true, value: null });
    // A settings change that does not touch what the report says (the badge threshold): badges are set again, the banner asked again.
    await expect(send({ type: "updateSettings", payload: { patch: { badgeThreshold: "high" } } }, popupPage)).resolves.toMatchObject({ ok: true });
    await until(() => fake.badges.get(1)?.text === "!!");
    await send({ type: "getVerdict", payload: {} }, page);
    // The popup, when it found no stored report, asks for the tab's.
    await expect(send({ type: "getReport", payload: { url: CLIP, tab: 1 } }, popupPage)).resolves.toMatchObject({ ok: true, value: { matched: true, domain: "clip.example", alternatives: expect.any(Object) } });
    await settle();
    expect(count(CLIP)).toBe(1);
    expect(mockComputed).toEqual(["https://market.example/", CLIP]);
    // What the popup reads: the tab's entry, for this URL.
    const stored = (await fake.browser.storage.session.get("report:1"))["report:1"] as { url: string; report: { input: string } };
    expect(stored).toMatchObject({ v: 1, url: CLIP, report: { input: CLIP } });
  });

  test("a new address, another tab, or a new settings version computes once more (kills K)", async () => {
    const { fake, send } = await boot({ stored: FR, tabs: [{ id: 1, url: CLIP }] });
    const next = "https://www.clip.example/@other";
    fake.tabs[0]!.url = next;
    fake.browser.tabs.onUpdated.fire(1, { url: next }, tab(1, next));
    await until(() => count(next) === 1);
    await send({ type: "getVerdict", payload: {} }, contentScript(1, next));
    await send({ type: "getVerdict", payload: {} }, contentScript(2, next));
    await settle();
    expect(count(next)).toBe(2); // tab 1 and tab 2, once each
    expect(((await fake.browser.storage.session.get("report:1"))["report:1"] as { url: string }).url).toBe(next);
    // The country changes the report: one computation per open tab, then reused.
    await send({ type: "updateSettings", payload: { patch: { country: "US" } } }, popupPage);
    await until(() => fake.badges.get(1)?.text === "i");
    await expect(send({ type: "getVerdict", payload: {} }, contentScript(1, next))).resolves.toEqual({ ok: true, value: null });
    await settle();
    expect(count(next)).toBe(3);
    // Tab 2's report was for France: dropped, not served.
    expect(await fake.browser.storage.session.get("report:2")).toEqual({});
  });

  test("a restarted worker answers from the stored reports without computing, or reading the dataset (kills R, L)", async () => {
    const first = await boot({ stored: FR, tabs: [{ id: 1, url: CLIP }] });
    expect(count(CLIP)).toBe(1);
    expect([...reads].sort()).toEqual(readsFor("clip"));
    first.fake.badges.clear();
    stopWorker(first.fake);
    reads.length = 0;
    const { fake, send } = await boot({ fake: first.fake });
    expect(fake.badges.get(1)).toMatchObject({ text: "!!" });
    const page = contentScript(1, CLIP);
    await expect(send({ type: "getVerdict", payload: {} }, page)).resolves.toMatchObject({ ok: true, value: { level: "high" } });
    await expect(send({ type: "bannerClosed", payload: {} }, page)).resolves.toEqual({ ok: true, value: true });
    await expect(send({ type: "getReport", payload: { url: CLIP, tab: 1 } }, popupPage)).resolves.toMatchObject({ ok: true, value: { input: CLIP } });
    await settle();
    expect(count(CLIP)).toBe(1);
    expect(reads).toEqual([]);
    // The first answer that needs the dataset reads it.
    await expect(send({ type: "getVerdict", payload: {} }, contentScript(2, "https://market.example/"))).resolves.toMatchObject({ ok: true });
    expect([...reads].sort()).toEqual(readsFor("market"));
  });

  test("a corrupt or foreign stored entry is computed again and replaced; settings are untouched", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const fake = fakeBrowser(EN);
      // What the fake browser's language and these settings make the settings version today.
      const key = reportKey({ country: "FR", concerns: DEFAULT_CONCERNS }, "en-US", today());
      const corrupt: unknown[] = [
        { v: 1, url: CLIP, key, report: { input: CLIP, matched: true } },
        { v: 1, url: CLIP, key, report: "<b>high</b>" },
        "not an entry",
        { v: 1, url: CLIP, key: "x", report: { input: CLIP } },
        { v: 99, url: CLIP, key: "x", report: {} },
        null,
      ];
      for (const entry of corrupt) {
        mockComputed.length = 0;
        stopWorker(fake);
        fake.browser.storage.session._raw({ "report:1": entry, closedBanners: {} });
        fake.tabs.splice(0, fake.tabs.length, { id: 1, url: CLIP });
        fake.browser.storage.sync._raw({ settings: FR });
        const { send } = await boot({ fake });
        expect(count(CLIP)).toBe(1);
        expect(fake.badges.get(1)).toMatchObject({ text: "!!" });
        await expect(send({ type: "getVerdict", payload: {} }, contentScript(1, CLIP))).resolves.toMatchObject({ ok: true, value: { level: "high" } });
        expect((await fake.browser.storage.session.get("report:1"))["report:1"]).toMatchObject({ v: 1, url: CLIP, report: { matched: true } });
        expect((await fake.browser.storage.sync.get("settings")).settings).toEqual(FR);
      }
    } finally {
      warn.mockRestore();
    }
  });

  test("a closed tab, or one that leaves the dataset's sites, loses its stored report (kills D)", async () => {
    const { fake } = await boot({ stored: FR, tabs: [{ id: 1, url: CLIP }, { id: 2, url: "https://market.example/" }] });
    expect(Object.keys(await fake.browser.storage.session.get(null)).sort()).toEqual(["report:1", "report:2"]);
    fake.browser.tabs.onRemoved.fire(1, { windowId: 1, isWindowClosing: false });
    // Outside the dataset the browser does not tell the address.
    fake.browser.tabs.onUpdated.fire(2, { status: "loading" }, { ...tab(2, ""), url: undefined });
    await until(async () => Object.keys(await fake.browser.storage.session.get(null)).length === 0);
  });
});
