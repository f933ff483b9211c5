// Sentences for people, built from findings with translatable templates
// (the _locales message files). Data strings never become sentence
// templates; only proper names (companies, laws) are inserted.
import type { Finding, FindingKind, Level } from "./assess";

/** browser.i18n.getMessage's shape: key and $1…$9 substitutions. */
export type Translate = (key: string, substitutions?: string[]) => string;

export interface Names {
  entity: (id: string) => string;
  law: (id: string) => string;
}

const KEY: Record<FindingKind, string> = {
  "foreign-adversary-control": "findingForeignAdversaryControl",
  "compelled-access": "findingCompelledAccess",
  "remote-access-from": "findingRemoteAccessFrom",
  "outside-adequacy": "findingOutsideAdequacy",
  "controlled-from": "findingControlledFrom",
  "stored-in": "findingStoredIn",
  "storage-unknown": "findingStorageUnknown",
  "operator-unknown": "findingOperatorUnknown",
  "regulatory-action": "findingRegulatoryAction",
  "ownership-change": "findingOwnershipChange",
  "data-breach": "findingDataBreach",
};

export function findingMessageKey(kind: FindingKind): string {
  return KEY[kind];
}

export function concernMessageKey(kind: FindingKind): string {
  return `concern${KEY[kind].slice("finding".length)}`;
}

export function levelMessageKey(level: Level): string {
  return `level${level[0]!.toUpperCase()}${level.slice(1)}`;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in the UI language; the code itself if the runtime has no name for it. */
export function countryName(code: string, lang: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  let dn = displayNames.get(lang);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([lang, "en"], { type: "region", fallback: "code" });
    } catch {
      dn = null;
    }
    displayNames.set(lang, dn);
  }
  try {
    return dn?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function listOf(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat([lang, "en"], { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

export function formatDate(date: string, lang: string): string {
  const parts = date.split("-").map(Number);
  const d = new Date(Date.UTC(parts[0]!, (parts[1] ?? 1) - 1, parts[2] ?? 1));
  const opts: Intl.DateTimeFormatOptions = parts.length === 3
    ? { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
    : { year: "numeric", month: "short", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat([lang, "en"], opts).format(d);
  } catch {
    return date;
  }
}

export function findingText(f: Finding, t: Translate, names: Names, lang: string): string {
  const countries = listOf(f.countries.map((c) => countryName(c, lang)), lang);
  const entities = listOf(f.entities.map(names.entity), lang);
  const laws = listOf(f.laws.map(names.law), lang);
  switch (f.kind) {
    case "foreign-adversary-control":
    case "compelled-access":
    case "outside-adequacy":
      return t(KEY[f.kind], [countries, laws]);
    case "controlled-from":
      return t(KEY[f.kind], [countries, entities]);
    case "remote-access-from":
    case "stored-in":
      return t(KEY[f.kind], [countries]);
    case "regulatory-action":
    case "ownership-change":
    case "data-breach":
      return t(KEY[f.kind], [f.date ? formatDate(f.date, lang) : ""]);
    case "storage-unknown":
    case "operator-unknown":
      return t(KEY[f.kind]);
  }
}

/** One or two sentences for the banner, badge title and popup headline. */
export function summarize(findings: readonly Finding[], t: Translate, names: Names, lang: string, max = 2): string {
  if (findings.length === 0) return t("summaryNoFindings");
  return findings.slice(0, max).map((f) => findingText(f, t, names, lang)).join(" ");
}
