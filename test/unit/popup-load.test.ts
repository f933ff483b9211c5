// The popup's report: a fresh stored report (this tab, this URL, this settings
// version) is used as it is, with no message to the background (so no wait for
// a stopped worker); a stale, foreign or corrupt one, or an unreadable store,
// falls back to asking the background, never crashes and never touches the
// settings. The shape check itself is tested entry by entry.
import { fakeBrowser } from "./fake-browser";
import { EN } from "./en-messages";
import { miniDataset } from "../fixtures/mini-dataset";
import { buildReport, type Report } from "../../src/core/report";
import { withActions } from "../../src/core/actions";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { freshReport, parseStoredReport, reportKey, STORED_REPORT_VERSION, today } from "../../src/core/report-store";
import { defaults } from "../../src/core/settings";

const mockFake = fakeBrowser(EN);
const fake = mockFake;
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));

import { loadReport } from "../../src/popup/load";

const ds = miniDataset();
const URL_ = "https://www.clip.example/@someone";
const FR = { ...defaults, country: "FR", onboarded: true };
const report = (url = URL_, country = "FR"): Report => withActions(ds, buildReport(ds, url, country, DEFAULT_CONCERNS, today(), "en-US"), DEFAULT_CONCERNS, today());
const keyFor = (country: string) => reportKey({ country, concerns: DEFAULT_CONCERNS }, "en-US", today());
const entry = (over: Record<string, unknown> = {}) => ({ v: STORED_REPORT_VERSION, url: URL_, key: keyFor("FR"), report: report(), ...over });

const messages: unknown[] = [];
const answer = { ...report(), input: "answered by the background" };
fake.browser.runtime.sendMessage = async (m: unknown) => {
  messages.push(m);
  return { ok: true, value: answer };
};

beforeEach(async () => {
  messages.length = 0;
  fake.browser.storage.session._raw({});
  fake.browser.storage.sync._raw({ settings: structuredClone(FR) });
});

describe("popup: the tab's stored report", () => {
  test("a fresh stored report is shown without a message to the background", async () => {
    fake.browser.storage.session._raw({ "report:7": entry() });
    const got = await loadReport(URL_, 7);
    expect(got).toEqual(report());
    expect(messages).toEqual([]);
  });

  test.each([
    ["another URL", entry({ url: "https://www.clip.example/other", report: report("https://www.clip.example/other") })],
    ["another settings version (country)", entry({ key: keyFor("US"), report: report(URL_, "US") })],
    ["another day", entry({ key: reportKey({ country: "FR", concerns: DEFAULT_CONCERNS }, "en-US", "2020-01-01") })],
    ["another format version", entry({ v: STORED_REPORT_VERSION + 1 })],
    ["a string", "corrupt"],
    ["null", null],
    ["a report without a verdict", entry({ report: { ...report(), verdict: undefined } })],
    ["a report whose level is unknown", entry({ report: { ...report(), verdict: { level: "catastrophic", findings: [] } } })],
    ["a report for another page than its entry", entry({ report: report("https://www.clip.example/other") })],
    ["a report whose lists are not lists", entry({ report: { ...report(), storage: "Ireland" } })],
  ])("%s: the background is asked for the tab's report, and settings are untouched", async (_label, stored) => {
    fake.browser.storage.session._raw({ "report:7": stored });
    await expect(loadReport(URL_, 7)).resolves.toBe(answer);
    expect(messages).toEqual([{ type: "getReport", payload: { url: URL_, tab: 7 } }]);
    expect((await fake.browser.storage.sync.get("settings")).settings).toEqual(FR);
  });

  test("another tab's report is not this tab's", async () => {
    fake.browser.storage.session._raw({ "report:8": entry() });
    await expect(loadReport(URL_, 7)).resolves.toBe(answer);
    expect(messages).toHaveLength(1);
  });

  test("a settings change the report does not depend on (threshold, dismissed sites) keeps it fresh", async () => {
    fake.browser.storage.session._raw({ "report:7": entry() });
    fake.browser.storage.sync._raw({ settings: { ...FR, bannerThreshold: "never", dismissed: ["clip.example"], badge: false } });
    await expect(loadReport(URL_, 7)).resolves.toEqual(report());
    expect(messages).toEqual([]);
  });

  test("corrupt settings: the report is checked against the defaults' version (the country from the language), nothing crashes", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      fake.browser.storage.sync._raw({ settings: "corrupt" });
      fake.browser.storage.session._raw({ "report:7": entry({ key: keyFor(""), report: report(URL_, "US") }) });
      await expect(loadReport(URL_, 7)).resolves.toEqual(report(URL_, "US"));
      expect(messages).toEqual([]);
      expect((await fake.browser.storage.sync.get("settings")).settings).toBe("corrupt");
    } finally {
      warn.mockRestore();
    }
  });

  test("a session store that fails to read falls back to the background", async () => {
    const get = fake.browser.storage.session.get;
    fake.browser.storage.session.get = async () => { throw new Error("no session storage"); };
    try {
      await expect(loadReport(URL_, 7)).resolves.toBe(answer);
      expect(messages).toHaveLength(1);
    } finally {
      fake.browser.storage.session.get = get;
    }
  });

  test("without a tab (the page opened with ?url= only) the background is asked for the URL", async () => {
    fake.browser.storage.session._raw({ "report:7": entry() });
    await expect(loadReport(URL_, undefined)).resolves.toBe(answer);
    expect(messages).toEqual([{ type: "getReport", payload: { url: URL_ } }]);
  });
});

describe("stored report shape", () => {
  test("a report as the background stores it passes, through a structured clone", () => {
    const e = structuredClone(entry());
    expect(parseStoredReport(e)).toEqual(e);
    const parsed = parseStoredReport(e);
    expect(freshReport(parsed, URL_, keyFor("FR"))).toEqual(report());
    expect(freshReport(parsed, URL_, keyFor("DE"))).toBeNull();
    expect(freshReport(parsed, "https://clip.example/", keyFor("FR"))).toBeNull();
  });

  test("reports outside the dataset pass too", () => {
    const r = report("https://example.org/");
    expect(parseStoredReport(entry({ url: "https://example.org/", report: r }))).not.toBeNull();
  });

  const broken: Array<[string, (r: Record<string, any>) => void]> = [
    ["service without a name", (r) => { r.service = { id: "x", domains: [] }; }],
    ["finding without a kind", (r) => { r.verdict.findings = [{ severity: "high" }]; }],
    ["finding with an unknown severity", (r) => { r.verdict.findings = [{ kind: "control", severity: "extreme" }]; }],
    ["names that are not strings", (r) => { r.names.entities = { a: 1 }; }],
    ["a list holding a string", (r) => { r.laws = ["CLOUD Act"]; }],
    ["matched that is not a boolean", (r) => { r.matched = "yes"; }],
    ["alternatives without a list", (r) => { r.alternatives = { offered: true }; }],
    ["an unknown letter law", (r) => { r.letterLaw = "martian"; }],
    ["an operator that is a string", (r) => { r.operator = "ByteDance"; }],
  ];
  test.each(broken)("%s is refused", (_label, breakIt) => {
    const r = structuredClone(report()) as unknown as Record<string, any>;
    breakIt(r);
    expect(parseStoredReport(entry({ report: r }))).toBeNull();
  });

  test("the settings version moves with what the report depends on, and only with that", () => {
    const base = reportKey(FR, "en-US", "2026-11-30");
    expect(reportKey({ ...FR, country: "US" }, "en-US", "2026-11-30")).not.toBe(base);
    expect(reportKey({ ...FR, concerns: { ...FR.concerns, "stored-in": false } }, "en-US", "2026-11-30")).not.toBe(base);
    expect(reportKey(FR, "fr-FR", "2026-11-30")).not.toBe(base);
    expect(reportKey(FR, "en-US", "2026-12-01")).not.toBe(base);
    const shownOnly: typeof FR = { ...FR, bannerThreshold: "never", badge: false, dismissed: ["clip.example"] };
    expect(reportKey(shownOnly, "en-US", "2026-11-30")).toBe(base);
    // No country chosen: the language's country.
    expect(reportKey({ ...FR, country: "" }, "fr-FR", "2026-11-30")).toBe(reportKey(FR, "fr-FR", "2026-11-30"));
  });
});
