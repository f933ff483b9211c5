// Sentences for people, built from findings with translatable templates
// (the _locales message files). A finding reads as one sentence: what the
// fact is, then why it matters to this user ("Controlled by X from China;
// the law there can compel access to your data."). Data strings never become
// templates; only proper names (companies, laws) are inserted.
import type { Finding, FindingKind, Level } from "./assess";
import { headlineFinding } from "./assess";
import { fromCountries, inCountries, listOf } from "./country-grammar";

import { countryName } from "./country-grammar";

export { countryName, listOf } from "./country-grammar";

/** browser.i18n.getMessage's shape: key and $1…$9 substitutions. */
export type Translate = (key: string, substitutions?: string[]) => string;

export interface Names {
  entity: (id: string) => string;
  law: (id: string) => string;
}

const CONCERN_KEY: Record<FindingKind, string> = {
  "foreign-adversary-control": "concernForeignAdversaryControl",
  "stored-in": "concernStoredIn",
  "remote-access-from": "concernRemoteAccessFrom",
  "controlled-from": "concernControlledFrom",
  "processor-in": "concernProcessorIn",
  "own-state-action": "concernOwnStateAction",
  "regulatory-action": "concernRegulatoryAction",
  "possible-processing": "concernPossibleProcessing",
  "ownership-change": "concernOwnershipChange",
  "data-breach": "concernDataBreach",
  "storage-unknown": "concernStorageUnknown",
  "operator-unknown": "concernOperatorUnknown",
  "place-unknown": "concernPlaceUnknown",
};

/**
 * A region as the dataset writes it ("*", a country code, or a group's region
 * code EEA, EU, UK, or a group id as a law's jurisdiction), in words: never the raw code.
 */
export function regionName(region: string, t: Translate, lang: string): string {
  const code = region.toUpperCase();
  if (code === "*") return t("regionEverywhere");
  if (code === "EEA") return t("regionEEA");
  if (code === "UK") return countryName("GB", lang);
  // Intl names the European Union under "EU".
  return countryName(code, lang);
}

export function concernMessageKey(kind: FindingKind): string {
  return CONCERN_KEY[kind];
}

export function levelMessageKey(level: Level): string {
  return `level${level[0]!.toUpperCase()}${level.slice(1)}`;
}

export function formatDate(date: string, lang: string): string {
  const parts = date.split("-").map(Number);
  const d = new Date(Date.UTC(parts[0]!, (parts[1] ?? 1) - 1, parts[2] ?? 1));
  const opts: Intl.DateTimeFormatOptions = parts.length === 3
    ? { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
    : { year: "numeric", month: "short", timeZone: "UTC" };
  try {
    const key = `${lang}|${parts.length}`;
    let f = dateFormats.get(key);
    if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat([lang, "en"], opts)));
    return f.format(d);
  } catch {
    return date;
  }
}

/** Formatters are costly to build and a report formats many dates: one per language and precision. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "_one" or "_other", for templates that agree with the number of countries. */
function plural(n: number, lang: string): "_one" | "_other" {
  try {
    return new Intl.PluralRules(lang).select(n) === "one" ? "_one" : "_other";
  } catch {
    return n === 1 ? "_one" : "_other";
  }
}

/** The company a control finding names: the highest one in the chain located there. */
function controllingName(f: Finding, names: Names): string {
  return names.entity(f.entities.at(-1) ?? "");
}

function factText(f: Finding, t: Translate, names: Names, lang: string): string {
  const where = inCountries(f.countries, lang);
  // $2 always follows "from" in the templates (German: "aus", with the dative).
  const which = fromCountries(f.countries, lang);
  switch (f.reach) {
    case "control":
      return t(f.registeredOnly ? "factIncorporated" : "factControl", [controllingName(f, names), which, where]);
    case "storage":
      return t("factStored", [where]);
    case "access":
      return t("factAccess", [where, which]);
    case "processor":
      return t("factProcessor", [names.entity(f.entities[0] ?? ""), which]);
    case "possible-processing":
      return t("factPossible", [where]);
    default:
      return "";
  }
}

function reasonText(f: Finding, t: Translate, names: Names, lang: string): string | null {
  const n = plural(f.countries.length, lang);
  const userLaws = listOf((f.userLaws ?? []).map(names.law), lang);
  // "to your data" after a fact about a company, "to it" after a fact that already said "your data".
  const compelsKey = f.reach === "control" ? `reasonCompels${n}` : `reasonCompelsIt${n}`;
  if (f.designated) return t("reasonDesignated", [userLaws]);
  if (f.tier === "of-concern") return t(`reasonConcern${n}`, [userLaws]);
  if (f.certification?.status === "not-listed") return t("reasonCertificationMissing", [t(schemeKey(f.certification.scheme))]);
  // A state the user's law recognises: its power to compel is the premise of that recognition, not a finding.
  if (f.tier === "recognised") return null;
  if (f.compels) return t(compelsKey);
  if (f.tier === "not-recognised" && userLaws !== "" && (f.reach === "storage" || f.reach === "access")) return t(`reasonNotRecognised${n}`, [userLaws]);
  return null;
}

/** Message key of a certification scheme's name (ids are kebab-case; message keys cannot be). */
export function schemeKey(scheme: string): string {
  return `scheme_${scheme.replace(/-/g, "_")}`;
}

export function findingText(f: Finding, t: Translate, names: Names, lang: string): string {
  if (f.reach) {
    const fact = factText(f, t, names, lang);
    const reason = reasonText(f, t, names, lang);
    const reported = f.reportedYear ? t("reportedIn", [f.reportedYear]) : "";
    return t(reason ? "sentenceWithReason" : "sentence", [fact, reason ?? "", reported]).replace(/\s+\./g, ".").replace(/\.\.+/g, ".").trim();
  }
  const date = f.date ? formatDate(f.date, lang) : "";
  switch (f.kind) {
    case "own-state-action":
      return t("findingOwnStateAction", [date]);
    case "regulatory-action":
      return t("findingRegulatoryAction", [date]);
    case "ownership-change":
      return t("findingOwnershipChange", [date]);
    case "data-breach":
      return t("findingDataBreach", [date]);
    case "storage-unknown":
      return t("findingStorageUnknown");
    case "operator-unknown":
      return f.entities[0] ? t("findingOperatorFallback", [names.entity(f.entities[0])]) : t("findingOperatorUnknown");
    case "place-unknown":
      return t("findingPlaceUnknown", [names.entity(f.entities[0]!)]);
    default:
      return "";
  }
}

/** One plain sentence for the banner, badge title and popup: the fact that sets the level, structural before news. */
export function summarize(findings: readonly Finding[], t: Translate, names: Names, lang: string): string {
  const top = headlineFinding(findings);
  if (top && top.severity !== "none") return findingText(top, t, names, lang);
  // Nothing found because nothing is known is not reassurance: say so.
  // When operator-unknown names the company the service belongs to, place-unknown says whether that company is placed.
  const noPlace = findings.some((f) => f.kind === "place-unknown" || (f.kind === "operator-unknown" && f.entities.length === 0));
  const noStorage = findings.some((f) => f.kind === "storage-unknown");
  return t(noPlace && noStorage ? "summaryTooLittleKnown" : "summaryNoFindings");
}
