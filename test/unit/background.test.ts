// The background's handlers and badge against a fake browser and the
// fictional dataset: banner decisions, dismissals, session memory, settings
// writes and badges. The wiring (listeners, settings tracking, sender checks)
// is tested through browser events in background-wiring.test.ts.
import { fakeBrowser } from "./fake-browser";
import { EN } from "./en-messages";
import { miniDataset } from "../fixtures/mini-dataset";
import type { SenderInfo } from "../../src/core/messages";
import { datasetFiles } from "./worker-harness";

const mockFake = fakeBrowser(EN);
const fake = mockFake;
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));

const dataset = miniDataset();
(globalThis as unknown as { fetch: unknown }).fetch = datasetFiles(dataset).fetch;

// Imported after the mock is in place.
import { handlers } from "../../src/background/handlers";
import { updateAllBadges, updateBadge } from "../../src/background/badge";
import { ready, trackSettings } from "../../src/background/state";
import { updateSettings, readSettings } from "../../src/platform/settings";

const tab = (url: string, tabId = 1): SenderInfo => ({ id: "own-extension-id", url, tabId, frameId: 0, fromExtensionPage: false });

beforeAll(() => trackSettings(() => undefined));
beforeEach(async () => {
  await fake.browser.storage.sync.clear();
  await fake.browser.storage.session.clear();
  const state = await ready();
  state.settings = await readSettings();
});

async function setSettings(patch: Parameters<typeof updateSettings>[0]) {
  const s = await updateSettings(patch);
  (await ready()).settings = s;
}

describe("background handlers", () => {
  test("a high-level page gets a banner built from its findings", async () => {
    await setSettings({ country: "FR" });
    const banner = await handlers.getVerdict({}, tab("https://www.clip.example/@x"));
    expect(banner).toMatchObject({ level: "high", serviceName: "Clip", domain: "clip.example" });
    expect(banner!.sentence).toBe("Your data can be accessed from China; the law there can compel access to it.");
  });

  test("below the threshold, or with threshold never, there is no banner", async () => {
    await setSettings({ country: "FR" });
    expect(await handlers.getVerdict({}, tab("https://market.example/"))).toBeNull(); // medium < high
    await setSettings({ bannerThreshold: "medium" });
    expect(await handlers.getVerdict({}, tab("https://market.example/"))).toMatchObject({ level: "medium" });
    await setSettings({ bannerThreshold: "never" });
    expect(await handlers.getVerdict({}, tab("https://www.clip.example/"))).toBeNull();
  });

  test("pages outside the dataset and look-alikes get nothing", async () => {
    await setSettings({ country: "FR" });
    expect(await handlers.getVerdict({}, tab("https://example.org/"))).toBeNull();
    expect(await handlers.getVerdict({}, tab("https://clip.example.evil.net/"))).toBeNull();
  });

  test("the country changes the verdict", async () => {
    await setSettings({ country: "FR" });
    expect(await handlers.getVerdict({}, tab("https://clip.example/"))).not.toBeNull();
    await setSettings({ country: "US" });
    expect(await handlers.getVerdict({}, tab("https://clip.example/"))).toBeNull();
  });

  test("dismissing a site is remembered in settings and undone by restoreSite", async () => {
    await setSettings({ country: "FR" });
    await handlers.dismissSite({}, tab("https://m.clip.example/video"));
    (await ready()).settings = await readSettings();
    expect((await readSettings()).dismissed).toEqual(["clip.example"]);
    expect(await handlers.getVerdict({}, tab("https://clip.example/"))).toBeNull();
    const restored = await handlers.restoreSite({ domain: "clip.example" }, tab("chrome-extension://own-extension-id/options.html"));
    (await ready()).settings = restored;
    expect(restored.dismissed).toEqual([]);
    expect(await handlers.getVerdict({}, tab("https://clip.example/"))).not.toBeNull();
  });

  test("a closed banner stays closed this session unless the level rises", async () => {
    await setSettings({ country: "FR", bannerThreshold: "medium" });
    expect(await handlers.getVerdict({}, tab("https://market.example/"))).not.toBeNull();
    await handlers.bannerClosed({}, tab("https://market.example/"));
    expect(await handlers.getVerdict({}, tab("https://market.example/page2"))).toBeNull();
    // The closed level was medium; a rise to high shows it again (for US users the group is run from a country of concern).
    await setSettings({ country: "US" });
    expect(await handlers.getVerdict({}, tab("https://market.example/"))).toMatchObject({ level: "high" });
  });

  test("dismissSite from a page outside the dataset is an error, not a stored entry", async () => {
    await expect(handlers.dismissSite({}, tab("https://example.org/"))).rejects.toThrow(/not in the dataset/);
    expect((await readSettings()).dismissed).toEqual([]);
  });

  test("openDetails opens the details page for the sender's own page", async () => {
    await handlers.openDetails({}, tab("https://www.clip.example/@x?y=1"));
    expect(fake.created.at(-1)).toBe(`chrome-extension://own-extension-id/details.html?url=${encodeURIComponent("https://www.clip.example/@x?y=1")}`);
  });

  test("concurrent settings writes do not lose updates", async () => {
    await Promise.all([
      updateSettings({ country: "DE" }),
      updateSettings({ badge: false }),
      updateSettings((s) => ({ dismissed: [...s.dismissed, "a.com"] })),
      updateSettings((s) => ({ dismissed: [...s.dismissed, "b.com"] })),
    ]);
    const s = await readSettings();
    expect(s).toMatchObject({ country: "DE", badge: false, dismissed: ["a.com", "b.com"] });
  });

  test("corrupt stored settings are replaced by defaults without a crash", async () => {
    fake.browser.storage.sync._raw({ settings: "}{ not an object" });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(readSettings()).resolves.toMatchObject({ bannerThreshold: "high", badge: true });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  test("each content script hears only about its own page", async () => {
    await setSettings({ country: "FR", bannerThreshold: "medium" });
    const [a, b] = await Promise.all([
      handlers.getVerdict({}, tab("https://www.clip.example/", 1)),
      handlers.getVerdict({}, tab("https://market.example/", 2)),
    ]);
    expect(a).toMatchObject({ serviceName: "Clip", domain: "clip.example" });
    expect(b).toMatchObject({ serviceName: "market", domain: "market.example" });
  });

  test.each([
    ["a string", "garbage"],
    ["an array", ["clip.example"]],
    ["null", null],
    ["wrong value types", { "clip.example": "high" }],
  ])("corrupt session state (%s) does not break the banner or the badge", async (_name, junk) => {
    await setSettings({ country: "FR" });
    fake.browser.storage.session._raw({ closedBanners: junk });
    await expect(handlers.getVerdict({}, tab("https://clip.example/"))).resolves.toMatchObject({ level: "high" });
    await updateBadge(await ready(), 9, "https://clip.example/");
    expect(fake.badges.get(9)!.text).toBe("!!");
    await handlers.bannerClosed({}, tab("https://clip.example/"));
    expect(await handlers.getVerdict({}, tab("https://clip.example/"))).toBeNull();
  });

  test("getXray rolls a page scan up for the user's country", async () => {
    await setSettings({ country: "FR" });
    const x = await handlers.getXray({ url: "https://euroshop.example/", hosts: [{ host: "cdn.clipcdn.example", requests: 2 }, { host: "ads.unknown.example", requests: 1 }] }, tab("chrome-extension://own-extension-id/popup.html"));
    expect(x.country).toBe("FR");
    expect(x.companies.map((c) => [c.id, c.level, c.requests])).toEqual([["clip-group", "high", 2]]);
    expect(x.unknown).toEqual([{ domain: "unknown.example", requests: 1 }]);
  });

  test("getDataInfo describes the bundled dataset", async () => {
    await expect(handlers.getDataInfo({}, tab("chrome-extension://own-extension-id/options.html"))).resolves.toMatchObject({ services: dataset.services.length, version: "2026-01-01" });
  });
});

describe("badge", () => {
  test("text, colour and title follow the level; leaving the dataset clears it", async () => {
    await setSettings({ country: "FR" });
    const state = await ready();
    await updateBadge(state, 5, "https://www.clip.example/");
    expect(fake.badges.get(5)).toMatchObject({ text: "!!", color: "#b3261e" });
    expect(fake.badges.get(5)!.title).toMatch(/^Data Borders: Clip — High concern\. Your data can be accessed from China/);
    await updateBadge(state, 5, undefined);
    expect(fake.badges.get(5)).toMatchObject({ text: "", title: "Data Borders: this site is not listed in the dataset" });
  });

  test("low, medium and high differ by text and colour; a listed site with no concern shows no text", async () => {
    await setSettings({ country: "FR" });
    const state = await ready();
    await updateBadge(state, 21, "https://cloudy.example/");
    await updateBadge(state, 22, "https://market.example/");
    await updateBadge(state, 23, "https://red.example/");
    await updateBadge(state, 24, "https://euroshop.example/");
    expect([21, 22, 23].map((id) => [fake.badges.get(id)!.text, fake.badges.get(id)!.color])).toEqual([["i", "#3b5b8c"], ["!", "#8a4b00"], ["!!", "#b3261e"]]);
    expect(fake.badges.get(24)).toMatchObject({ text: "" });
    expect(fake.badges.get(24)!.title).toMatch(/No concern found/);
  });

  test("the badge threshold hides lower levels; the title still tells", async () => {
    await setSettings({ country: "FR", badgeThreshold: "medium" });
    let state = await ready();
    await updateBadge(state, 31, "https://cloudy.example/");
    await updateBadge(state, 32, "https://market.example/");
    expect([fake.badges.get(31)!.text, fake.badges.get(32)!.text]).toEqual(["", "!"]);
    expect(fake.badges.get(31)!.title).toMatch(/Low concern/);
    await setSettings({ country: "FR", badgeThreshold: "high" });
    state = await ready();
    await updateBadge(state, 32, "https://market.example/");
    await updateBadge(state, 33, "https://red.example/");
    expect([fake.badges.get(32)!.text, fake.badges.get(33)!.text]).toEqual(["", "!!"]);
  });

  test("the badge setting hides the text but keeps the title", async () => {
    await setSettings({ country: "FR", badge: false });
    await updateBadge(await ready(), 6, "https://www.clip.example/");
    expect(fake.badges.get(6)).toMatchObject({ text: "" });
    expect(fake.badges.get(6)!.title).toMatch(/High concern/);
  });

  test("after a restart every open dataset tab is recomputed", async () => {
    await setSettings({ country: "FR" });
    fake.tabs.splice(0, fake.tabs.length, { id: 11, url: "https://clip.example/" }, { id: 12 }, { id: 13, url: "https://market.example/" });
    fake.badges.clear();
    await updateAllBadges(await ready());
    expect(fake.badges.get(11)!.text).toBe("!!");
    expect(fake.badges.get(12)!.text).toBe("");
    expect(fake.badges.get(13)!.text).toBe("!");
  });
});
