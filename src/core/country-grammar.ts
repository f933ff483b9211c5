// Country names inside sentences. English puts "the" before some names
// ("in the United States"); French needs the right preposition and article
// ("en Chine", "au Japon", "aux États-Unis", "à Singapour", "depuis la Chine");
// German an article and case for some ("in der Schweiz", "im Vereinigten
// Königreich", "aus den USA"); Spanish an article for some ("en los Estados
// Unidos", "desde el Reino Unido"). Names come from Intl.DisplayNames; only
// their grammar (and German's inflected forms) is kept here.

/** English names read with "the" ("the United States", "the Cayman Islands"). */
const EN_THE = new Set([
  "US", "GB", "NL", "PH", "AE", "BS", "GM", "KM", "MV", "SC", "MH", "SB", "KY", "VG", "VI", "FO", "FK", "CK", "CF", "DO",
  "TC", "MP", "CC", "UM", "PS", "CD", "CG", "VA",
]);

/** Short forms where the long one is an administrative title ("Hong Kong SAR China"). */
const SHORT_STYLE = new Set(["HK", "MO", "PS"]);

/** French: no article, "à" ("à Singapour", "depuis Singapour"). */
const FR_NO_ARTICLE = new Set(["SG", "HK", "MO", "TW", "MC", "MT", "CY", "CU", "MG", "MU", "BH", "OM", "SM", "AD", "LI", "TO", "NR", "KI", "TV", "PW", "VU", "FJ", "ST", "BB", "GD", "LC", "VC", "AG", "KN", "DM", "TT", "CV"]);
/** French: no article but "en" ("en Israël", "en Haïti"). */
const FR_EN_NO_ARTICLE = new Set(["IL", "HT"]);
/** French masculine names ending in -e ("le Mexique", "au Mexique"). */
const FR_MASCULINE_E = new Set(["MX", "KH", "MZ", "ZW", "BZ", "SR"]);
/** French feminine names not ending in -e. */
const FR_FEMININE_OTHER = new Set<string>([]);

/**
 * German: names read with an article, as [gender, nominative, dative]; a name
 * is Intl's when left out. Every other country is neuter without article
 * ("in China", "aus Frankreich"). Island groups take "auf" ("auf den Kaimaninseln").
 */
type DeGender = "m" | "f" | "n" | "pl";
const DE: Record<string, [DeGender, string?, string?]> = {
  US: ["pl", "USA", "USA"],
  GB: ["n", "Vereinigte Königreich", "Vereinigten Königreich"],
  CH: ["f"], TR: ["f"], UA: ["f"], SK: ["f"], MN: ["f"], VA: ["f"],
  DO: ["f", "Dominikanische Republik", "Dominikanischen Republik"],
  CF: ["f", "Zentralafrikanische Republik", "Zentralafrikanischen Republik"],
  IR: ["m"], IQ: ["m"], LB: ["m"], SD: ["m"], SS: ["m"], YE: ["m"], NE: ["m"], TD: ["m"], SN: ["m"],
  NL: ["pl", "Niederlande", "Niederlanden"],
  AE: ["pl", "Vereinigten Arabischen Emirate", "Vereinigten Arabischen Emiraten"],
  PS: ["pl", "Palästinensischen Autonomiegebiete", "Palästinensischen Autonomiegebieten"],
  PH: ["pl"], KY: ["pl"], BS: ["pl"], MV: ["pl"], SC: ["pl"], KM: ["pl"], MH: ["pl"], SB: ["pl"], CK: ["pl"], FK: ["pl"],
  FO: ["pl", "Färöer", "Färöern"],
  VG: ["pl", "Britischen Jungferninseln", "Britischen Jungferninseln"],
  VI: ["pl", "Amerikanischen Jungferninseln", "Amerikanischen Jungferninseln"],
  TC: ["pl"], MP: ["pl", "Nördlichen Marianen", "Nördlichen Marianen"], CC: ["pl"],
};
const DE_ISLANDS = new Set(["PH", "KY", "BS", "MV", "SC", "KM", "MH", "SB", "CK", "FK", "FO", "VG", "VI", "TC", "MP", "CC"]);
const DE_NOMINATIVE: Record<DeGender, string> = { m: "der", f: "die", n: "das", pl: "die" };
const DE_DATIVE: Record<DeGender, string> = { m: "dem", f: "der", n: "dem", pl: "den" };

/** Spanish: names read with an article ("los Estados Unidos", "el Reino Unido"). */
const ES_ARTICLE: Record<string, string> = {
  US: "los", GB: "el", NL: "los", AE: "los", PS: "los", DO: "la", CF: "la", CD: "la",
  KY: "las", VG: "las", VI: "las", FO: "las", FK: "las", CK: "las", MH: "las", SB: "las", TC: "las", MP: "las", CC: "las", BS: "las",
};

const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(lang: string, style: "long" | "short"): Intl.DisplayNames | null {
  const key = `${lang}|${style}`;
  let dn = cache.get(key);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([lang, "en"], { type: "region", style, fallback: "code" });
    } catch {
      dn = null;
    }
    cache.set(key, dn);
  }
  return dn;
}

/** A country's name in the UI language; the code itself if the runtime has no name for it. */
export function countryName(code: string, lang: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return displayNames(lang, SHORT_STYLE.has(code) ? "short" : "long")?.of(code) ?? code;
  } catch {
    return code;
  }
}

type FrForm = "none" | "en-none" | "plural" | "elided" | "feminine" | "masculine";

function frForm(code: string, name: string): FrForm {
  if (FR_NO_ARTICLE.has(code)) return "none";
  if (FR_EN_NO_ARTICLE.has(code)) return "en-none";
  if (/^(Îles|États|Émirats|Pays-Bas)|s$/.test(name) && !/^(Maurice|Laos)$/.test(name)) return "plural";
  if (/^[AEIOUYÉÈÊÎÔ]/i.test(name)) return "elided";
  if (FR_FEMININE_OTHER.has(code)) return "feminine";
  if (name.endsWith("e") && !FR_MASCULINE_E.has(code)) return "feminine";
  return "masculine";
}

type Case = "nominative" | "dative";

/** German: the noun phrase in a case ("die Schweiz", "der Schweiz", "China"). */
function deNoun(code: string, kase: Case): string {
  const entry = DE[code];
  const name = countryName(code, "de");
  if (!entry) return name;
  const [gender, nom, dat] = entry;
  return kase === "nominative" ? `${DE_NOMINATIVE[gender]} ${nom ?? name}` : `${DE_DATIVE[gender]} ${dat ?? nom ?? name}`;
}

/** German: "in China", "im Vereinigten Königreich", "in der Schweiz", "auf den Kaimaninseln". */
function deIn(code: string): string {
  const dative = deNoun(code, "dative");
  if (DE_ISLANDS.has(code)) return `auf ${dative}`;
  return dative.startsWith("dem ") ? `im ${dative.slice(4)}` : `in ${dative}`;
}

function esNoun(code: string): string {
  const article = ES_ARTICLE[code];
  const name = countryName(code, "es");
  return article ? `${article} ${name}` : name;
}

/** "in China" / "en Chine" / "in der Schweiz" / "en los Estados Unidos": a country as the place where something is. */
export function inCountry(code: string, lang: string): string {
  const name = countryName(code, lang);
  if (lang.startsWith("de")) return deIn(code);
  if (lang.startsWith("es")) return `en ${esNoun(code)}`;
  if (lang.startsWith("fr")) {
    switch (frForm(code, name)) {
      case "none": return `à ${name}`;
      case "en-none":
      case "elided":
      case "feminine": return `en ${name}`;
      case "plural": return `aux ${name}`;
      case "masculine": return `au ${name}`;
    }
  }
  return withArticle(code, name, lang);
}

/** "the United States" / "la Chine" / "die Schweiz" / "el Reino Unido": a country as a noun (subject), with its article where the language needs one. */
export function theCountry(code: string, lang: string): string {
  const name = countryName(code, lang);
  if (lang.startsWith("de")) return deNoun(code, "nominative");
  if (lang.startsWith("es")) return esNoun(code);
  if (lang.startsWith("fr")) {
    switch (frForm(code, name)) {
      case "none":
      case "en-none": return name;
      case "elided": return `l'${name}`;
      case "feminine": return `la ${name}`;
      case "plural": return `les ${name}`;
      case "masculine": return `le ${name}`;
    }
  }
  return withArticle(code, name, lang);
}

function withArticle(code: string, name: string, lang: string): string {
  return lang.startsWith("en") && EN_THE.has(code) ? `the ${name}` : name;
}

/** The names shown before "and N other countries": all of them up to max + 1 ("and 1 other country" would be no shorter). */
function shownOf(codes: readonly string[], max: number): { shown: readonly string[]; rest: number } {
  const shown = codes.length > max + 1 ? codes.slice(0, max) : codes;
  return { shown, rest: codes.length - shown.length };
}

/**
 * "in China, Singapore and 2 other countries" / "en Chine, à Singapour et dans 2 autres pays" /
 * "in China, in der Schweiz und in 2 weiteren Ländern" / "en China, Suiza y otros 2 países": at most three names.
 */
export function inCountries(codes: readonly string[], lang: string, max = 3): string {
  const { shown, rest } = shownOf(codes, max);
  if (lang.startsWith("fr")) {
    const items = shown.map((c) => inCountry(c, lang));
    if (rest > 0) items.push(`dans ${rest} autres pays`);
    return listOf(items, lang);
  }
  if (lang.startsWith("de")) {
    // One preposition per name: each takes its own ("in China, im Vereinigten Königreich, auf den Philippinen").
    const items = shown.map(deIn);
    if (rest > 0) items.push(`in ${rest} weiteren Ländern`);
    return listOf(items, lang);
  }
  return `${lang.startsWith("es") ? "en" : "in"} ${theCountries(codes, lang, max)}`;
}

/** "China and the United States" / "la Chine et les États-Unis" / "China und die USA": at most three names, as a subject. */
export function theCountries(codes: readonly string[], lang: string, max = 3): string {
  return countriesAs(codes, lang, max, "nominative");
}

/**
 * The countries after "from" in a template ("Controlled by $1 from $2", "accessed from $2"):
 * the same as theCountries, except in German, where "aus" and "von" take the dative
 * ("aus China und den USA", "aus 2 weiteren Ländern").
 */
export function fromCountries(codes: readonly string[], lang: string, max = 3): string {
  return countriesAs(codes, lang, max, "dative");
}

function countriesAs(codes: readonly string[], lang: string, max: number, kase: Case): string {
  const { shown, rest } = shownOf(codes, max);
  const de = lang.startsWith("de");
  const items = shown.map((c) => (de ? deNoun(c, kase) : theCountry(c, lang)));
  if (rest > 0) items.push(restText(rest, lang, kase));
  return listOf(items, lang);
}

function restText(rest: number, lang: string, kase: Case): string {
  if (lang.startsWith("fr")) return `${rest} autres pays`;
  if (lang.startsWith("de")) return kase === "dative" ? `${rest} weiteren Ländern` : `${rest} weitere Länder`;
  if (lang.startsWith("es")) return `otros ${rest} países`;
  return `${rest} other countries`;
}

const listFormats = new Map<string, Intl.ListFormat>();

export function listOf(items: readonly string[], lang: string): string {
  try {
    let f = listFormats.get(lang);
    if (!f) listFormats.set(lang, (f = new Intl.ListFormat([lang, "en"], { style: "long", type: "conjunction" })));
    return f.format(items);
  } catch {
    return items.join(", ");
  }
}
