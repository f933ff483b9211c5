// Sentences for the Page X-ray (the roll-up in xray.ts), with the country
// grammar of each language and plurals by Intl.PluralRules.
import { fromCountries } from "./country-grammar";

/** A country after "from" in the templates (German: "aus" takes the dative). */
const from = (cc: string, lang: string) => fromCountries([cc], lang);
import type { Translate } from "./text";
import type { Xray, XrayCompany } from "./xray";

/** "_one" or "_other" for a count in the UI language. */
export function pluralSuffix(n: number, lang: string): "_one" | "_other" {
  try {
    return new Intl.PluralRules(lang).select(n) === "one" ? "_one" : "_other";
  } catch {
    return n === 1 ? "_one" : "_other";
  }
}

/**
 * The one-line summary: "This page sent requests to 9 companies: 5 controlled from the United States, 1 from
 * China, 3 not in the dataset." Hosts outside the dataset count as one company per registrable domain.
 */
export function xraySummary(x: Xray, t: Translate, lang: string): string {
  const total = x.totals.companies + x.totals.unknownDomains;
  if (total === 0) return t("xraySummaryNone");
  const parts: string[] = [];
  for (const { country: cc, companies: n } of x.byCountry) {
    if (cc === "unknown") parts.push(t(`xrayPartUnstated${pluralSuffix(n, lang)}`, [String(n)]));
    else if (parts.length === 0) parts.push(t(`xrayPartFirst${pluralSuffix(n, lang)}`, [String(n), from(cc, lang)]));
    else parts.push(t("xrayPartNext", [String(n), from(cc, lang)]));
  }
  if (x.totals.unknownDomains > 0) parts.push(t(`xrayPartUnknown${pluralSuffix(x.totals.unknownDomains, lang)}`, [String(x.totals.unknownDomains)]));
  return t(`xraySummary${pluralSuffix(total, lang)}`, [String(total), parts.join(", ")]);
}

/** "Controlled from the United States", or "Home country not stated". */
export function controlledFromText(x: XrayCompany, t: Translate, lang: string): string {
  return x.controlledFrom === "unknown" ? t("xrayHomeUnstated") : t("xrayControlledFrom", [from(x.controlledFrom, lang)]);
}

/** "3 requests" / "1 requête". */
export function requestsText(n: number, t: Translate, lang: string): string {
  return t(`xrayRequests${pluralSuffix(n, lang)}`, [String(n)]);
}
