// The stored report's guard, field by field: corrupt or foreign session storage must be ignored,
// never rendered (a page would crash or show another page's answer).
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { withActions } from "../../src/core/actions";
import { buildReport } from "../../src/core/report";
import { freshReport, parseStoredReport, STORED_REPORT_VERSION } from "../../src/core/report-store";
import { miniDataset } from "../fixtures/mini-dataset";

const ds = miniDataset();
const PAGE = "https://clip.example/";
const report = withActions(ds, buildReport(ds, PAGE, "FR", DEFAULT_CONCERNS, "2026-06-01"), DEFAULT_CONCERNS, "2026-06-01") as unknown as Record<string, unknown>;
const entry = (r: Record<string, unknown> = report) => ({ v: STORED_REPORT_VERSION, url: PAGE, key: "k", report: r });

test("a whole entry is read back, and answers only its own URL and settings version", () => {
  const parsed = parseStoredReport(JSON.parse(JSON.stringify(entry())));
  expect(parsed?.report.input).toBe(PAGE);
  expect(freshReport(parsed, PAGE, "k")).toBe(parsed!.report);
  expect(freshReport(parsed, "https://other.example/", "k")).toBeNull();
  expect(freshReport(parsed, PAGE, "other")).toBeNull();
  expect(freshReport(null, PAGE, "k")).toBeNull();
  // An unlisted page's report is a report too.
  const unlisted = buildReport(ds, "https://not-listed.example/", "FR", DEFAULT_CONCERNS, "2026-06-01");
  expect(parseStoredReport({ v: STORED_REPORT_VERSION, url: unlisted.input, key: "k", report: unlisted })).not.toBeNull();
});

test.each<[string, unknown]>([
  ["not an object", "report"],
  ["another version", { ...entry(), v: STORED_REPORT_VERSION + 1 }],
  ["no URL", { ...entry(), url: 1 }],
  ["no key", { ...entry(), key: null }],
  ["another page's report", { ...entry(), url: "https://other.example/" }],
  ["a report that is an array", entry([] as never)],
  ...([
    ["input", 1], ["host", 1], ["domain", 1], ["matched", "yes"], ["country", null], ["dataVersion", 1], ["reviewed", 1], ["confidence", "high"],
    ["reason", 1], ["service", { id: "x", name: "x", domains: "x" }], ["service", { id: 1, name: "x", domains: [] }], ["service", { id: "x", name: 1, domains: [] }],
    ["operator", "x"], ["operatorFallback", 1], ["ownershipChain", [1]], ["storage", {}], ["news", null], ["laws", ["x"]],
    ["verdict", { level: "severe", findings: [] }], ["verdict", { level: "low", findings: [{ kind: "x", severity: "bad" }] }], ["verdict", { level: "low", findings: [{ severity: "low" }] }], ["verdict", null],
    ["names", { entities: { a: 1 }, laws: {} }], ["names", { entities: {}, laws: null }], ["names", null],
    ["privacyContact", "dpo@x"], ["alternatives", { offered: "yes", list: [] }], ["alternatives", { offered: true, list: [1] }], ["alternatives", null], ["letterLaw", "magna-carta"],
  ] as Array<[string, unknown]>).map(([field, value]): [string, unknown] => [`a report whose ${field} is ${JSON.stringify(value)}`, entry({ ...report, [field]: value })]),
])("ignores %s", (_name, raw) => {
  expect(parseStoredReport(raw)).toBeNull();
});
