// One report per (tab, URL, settings version): the shape the background keeps
// in session storage for each tab, and the checks every reader applies before
// trusting it. Pure: the browser side lives in platform/tab-reports.ts.
import { LEVELS, type Concerns } from "./assess";
import { LETTER_LAWS } from "./letter-law";
import type { Report } from "./report-types";
import { effectiveCountry, type Settings } from "./settings";

/** Bumped whenever the stored shape (or the report's) changes: older entries are then ignored. */
export const STORED_REPORT_VERSION = 1;

export interface StoredReport {
  v: number;
  /** The page the report is for: the tab's address when it was computed. */
  url: string;
  /** The settings version it was computed under (see reportKey). */
  key: string;
  report: Report;
}

/** The session storage key of one tab's report. */
export function tabReportKey(tabId: number): string {
  return `report:${tabId}`;
}

export const TAB_REPORT_PREFIX = "report:";

/** Today's date (UTC), as the background dates a report. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The settings version of a report: everything besides the URL and the bundled
 * dataset that changes what the report says (the country it is for, the
 * concerns, the interface language, the day). Thresholds, the badge switch and
 * dismissed sites only decide what is shown, so changing them keeps the report.
 */
export function reportKey(settings: Pick<Settings, "country" | "concerns">, lang: string, day: string): string {
  const concerns = Object.keys(settings.concerns).sort().map((k) => `${k}=${settings.concerns[k as keyof Concerns] ? 1 : 0}`);
  return JSON.stringify([effectiveCountry(settings as Settings, lang), lang, day, concerns]);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringOrNull = (v: unknown) => v === null || typeof v === "string";
const isObjectOrNull = (v: unknown) => v === null || isObject(v);
const isListOf = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === "string");

const LIST_FIELDS = ["ownershipChain", "minorityStakes", "storage", "remoteAccess", "processors", "laws", "news"] as const;

/** A report's shape, checked as far as the pages read it without looking further (corrupt storage must not crash a page). */
function isReport(r: unknown): r is Report {
  if (!isObject(r)) return false;
  if (typeof r.input !== "string" || !isStringOrNull(r.host) || !isStringOrNull(r.domain) || typeof r.matched !== "boolean") return false;
  if (typeof r.country !== "string" || typeof r.dataVersion !== "string" || !isStringOrNull(r.reviewed) || !isObjectOrNull(r.confidence)) return false;
  if (r.reason !== undefined && typeof r.reason !== "string") return false;
  const service = r.service;
  if (service !== null && !(isObject(service) && typeof service.id === "string" && typeof service.name === "string" && isListOf(service.domains, (d) => typeof d === "string"))) return false;
  if (!isObjectOrNull(r.operator) || !isObjectOrNull(r.operatorFallback)) return false;
  if (!LIST_FIELDS.every((f) => isListOf(r[f], isObject))) return false;
  const verdict = r.verdict;
  if (!isObject(verdict) || !(LEVELS as readonly unknown[]).includes(verdict.level)) return false;
  if (!isListOf(verdict.findings, (f) => isObject(f) && typeof f.kind === "string" && (LEVELS as readonly unknown[]).includes(f.severity))) return false;
  const names = r.names;
  if (!isObject(names) || !isStringMap(names.entities) || !isStringMap(names.laws)) return false;
  if (r.privacyContact !== undefined && !isObjectOrNull(r.privacyContact)) return false;
  if (r.alternatives !== undefined && !(isObject(r.alternatives) && typeof r.alternatives.offered === "boolean" && isListOf(r.alternatives.list, isObject))) return false;
  return r.letterLaw === undefined || (LETTER_LAWS as readonly unknown[]).includes(r.letterLaw);
}

/** A stored entry, or null when it is missing, from another version, or corrupt. */
export function parseStoredReport(raw: unknown): StoredReport | null {
  if (!isObject(raw) || raw.v !== STORED_REPORT_VERSION) return null;
  if (typeof raw.url !== "string" || typeof raw.key !== "string" || !isReport(raw.report)) return null;
  if (raw.report.input !== raw.url) return null;
  return raw as unknown as StoredReport;
}

/** The entry's report when it answers this URL under this settings version, else null. */
export function freshReport(entry: StoredReport | null, url: string, key: string): Report | null {
  return entry && entry.url === url && entry.key === key ? entry.report : null;
}
