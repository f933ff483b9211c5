// Country names inside sentences. English puts "the" before some names
// ("in the United States"); French needs the right preposition and article
// ("en Chine", "au Japon", "aux États-Unis", "à Singapour", "depuis la Chine").
// Names come from Intl.DisplayNames; only their grammar is kept here.

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

/** "in China" / "en Chine": a country as the place where something is. */
export function inCountry(code: string, lang: string): string {
  const name = countryName(code, lang);
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

/** "the United States" / "la Chine": a country as a noun, with its article where the language needs one. */
export function theCountry(code: string, lang: string): string {
  const name = countryName(code, lang);
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

/** "in China, Singapore and 2 other countries" / "en Chine, à Singapour et dans 2 autres pays": at most three names. */
export function inCountries(codes: readonly string[], lang: string, max = 3): string {
  const fr = lang.startsWith("fr");
  const shown = codes.length > max + 1 ? codes.slice(0, max) : codes;
  const items = shown.map((c) => (fr ? inCountry(c, lang) : theCountry(c, lang)));
  const rest = codes.length - shown.length;
  if (rest > 0) items.push(fr ? `dans ${rest} autres pays` : `${rest} other countries`);
  const list = listOf(items, lang);
  return fr ? list : `in ${list}`;
}

/** "China and the United States" / "la Chine et les États-Unis": at most three names. */
export function theCountries(codes: readonly string[], lang: string, max = 3): string {
  const fr = lang.startsWith("fr");
  const shown = codes.length > max + 1 ? codes.slice(0, max) : codes;
  const items = shown.map((c) => theCountry(c, lang));
  const rest = codes.length - shown.length;
  if (rest > 0) items.push(fr ? `${rest} autres pays` : `${rest} other countries`);
  return listOf(items, lang);
}

export function listOf(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat([lang, "en"], { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}
