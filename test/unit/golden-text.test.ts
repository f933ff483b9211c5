// The exact text people read and send, pinned: every request letter (each law
// in each language), the evidence report, the report every view renders (field
// for field), and country names in sentences in the four interface languages. Other tests check what the text must contain;
// these fail on any change at all, so a wording change is a reviewed snapshot
// diff (`npx jest -u test/unit/golden-text.test.ts`, then read the diff).
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { withActions } from "../../src/core/actions";
import { buildReport } from "../../src/core/report";
import { buildEvidence, evidenceMarkdown } from "../../src/core/evidence";
import { requestLetter, mailtoLink, LETTER_LAWS, LETTER_LANGS, type LetterLaw } from "../../src/core/letter";
import { countryName, fromCountries, inCountries, inCountry, listOf, theCountries, theCountry } from "../../src/core/country-grammar";
import { CONTINENTS, continentOf } from "../../src/core/continents";
import { formatDate, regionName } from "../../src/core/text";
import { miniDataset, SRC } from "../fixtures/mini-dataset";
import { EN, FR, translator } from "./en-messages";

const TODAY = "2026-06-01";

describe("request letters, word for word", () => {
  const base = { serviceName: "Clip", company: "Clip Europe Ltd", date: TODAY };
  /** A user's country under each law (the generic letter names it). */
  const COUNTRY: Record<LetterLaw, string> = { gdpr: "FR", "uk-gdpr": "GB", lgpd: "BR", ccpa: "US", appi: "JP", pipeda: "CA", "us-generic": "US", generic: "MX" };
  for (const law of LETTER_LAWS) {
    for (const lang of LETTER_LANGS) {
      test(`${law} in ${lang}`, () => {
        const letter = requestLetter({ ...base, country: COUNTRY[law], law, lang });
        expect(letter).toMatchSnapshot();
        expect(mailtoLink({ email: "privacy@clip.example" }, letter)).toMatchSnapshot();
      });
    }
  }
});

describe("evidence report, word for word", () => {
  const ds = miniDataset();
  test.each([
    ["https://clip.example/", "FR", "en", EN],
    ["https://clip.example/", "US", "fr", FR],
    ["https://market.example/", "EE", "en", EN],
    ["https://mystery.example/", "DE", "en", EN],
  ] as const)("%s for a user in %s (%s)", (url, country, lang, table) => {
    const report = withActions(ds, buildReport(ds, url, country, DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
    const ev = buildEvidence(report, translator(table), lang, TODAY);
    expect(evidenceMarkdown(ev)).toMatchSnapshot();
  });

  test("a provider, a privacy contact, table-breaking names, a page outside the dataset, and a batch section", () => {
    const base = miniDataset();
    const odd = { ...base.entities["clip-europe"]!, name: "Clip | Europe\nLtd", privacyContact: { email: "dpo@clip.example", url: "https://clip.example/privacy", source: SRC } };
    const withContact = { ...base, entities: { ...base.entities, "clip-europe": odd } };
    const report = (data: typeof base, url: string, country: string) => withActions(data, buildReport(data, url, country, DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
    const t = translator(EN);
    expect(evidenceMarkdown(buildEvidence(report(withContact, "https://clip.example/", "DE"), t, "en", TODAY))).toMatchSnapshot();
    expect(evidenceMarkdown(buildEvidence(report(base, "https://usvideo.example/", "US"), t, "en", TODAY), 2)).toMatchSnapshot();
    expect(evidenceMarkdown(buildEvidence(report(base, "https://not-listed.example/", "FR"), t, "en", TODAY))).toMatchSnapshot();
    // The company the service belongs to, off the operator's chain.
    const cut = { ...base, entities: { ...base.entities, "market-eu": { ...base.entities["market-eu"]!, owners: [] } } };
    expect(evidenceMarkdown(buildEvidence(report(cut, "https://market.example/", "DE"), t, "en", TODAY))).toMatchSnapshot();
  });
});

describe("the report every view renders, field for field", () => {
  const ds = miniDataset();
  test.each([
    ["https://www.clip.example/v/1", "FR", "fr"],
    ["https://clip.example/", "US", "en"],
    ["https://market.example/", "DE", "de"],
    ["https://usvideo.example/", "US", "en"],
    ["https://euroshop.example/", "JP", "es"],
    ["https://mystery.example/", "GB", "en"],
    ["https://not-listed.example/page", "FR", "en"],
    ["not a url", "FR", "en"],
  ] as const)("%s for a user in %s (%s)", (url, country, lang) => {
    expect(buildReport(ds, url, country, DEFAULT_CONCERNS, TODAY, lang)).toMatchSnapshot();
  });
});

describe("countries in sentences, in four languages", () => {
  const CODES = ["US", "GB", "FR", "DE", "CN", "JP", "IE", "NL", "SG", "HK", "KY", "IN", "BR", "MX", "CA", "AU", "KR", "RU", "TR", "ZA", "AE", "PH", "IL", "CH"];
  for (const lang of ["en", "fr", "de", "es"]) {
    test(lang, () => {
      const rows = CODES.map((c) => [c, countryName(c, lang), inCountry(c, lang), theCountry(c, lang)].join(" | "));
      const lists = [["CN"], ["US", "IE"], ["FR", "DE", "NL"], ["US", "CN", "SG", "HK", "JP"]].map((codes) =>
        [inCountries(codes, lang), theCountries(codes, lang), fromCountries(codes, lang), inCountries(codes, lang, 2), listOf(codes.map((c) => countryName(c, lang)), lang)].join(" | "),
      );
      expect([...rows, ...lists].join("\n")).toMatchSnapshot();
    });
  }
});

describe("continents for the country list", () => {
  test("every country code sits on exactly one continent, in the UN geoscheme's groups", () => {
    expect(Object.fromEntries(Object.entries(CONTINENTS).map(([code, members]) => [code, members.join(" ")]))).toMatchSnapshot();
    const all = Object.values(CONTINENTS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect([continentOf("FR"), continentOf("NG"), continentOf("BR"), continentOf("JP"), continentOf("AU"), continentOf("AQ"), continentOf("??")]).toEqual(["150", "002", "019", "142", "009", "ZZ", "ZZ"]);
  });
});

describe("regions and dates in words", () => {
  test("a region is never shown as its raw code", () => {
    const en = translator(EN);
    const fr = translator(FR);
    expect(["*", "EEA", "eea", "UK", "uk", "FR", "EU"].map((r) => regionName(r, en, "en"))).toEqual([EN.regionEverywhere, EN.regionEEA, EN.regionEEA, "United Kingdom", "United Kingdom", "France", "European Union"]);
    expect(["*", "EEA", "UK", "DE"].map((r) => regionName(r, fr, "fr"))).toEqual([FR.regionEverywhere, FR.regionEEA, "Royaume-Uni", "Allemagne"]);
  });

  test("a date with a day, with a month only, and in each language", () => {
    const rows = ["en", "fr", "de", "es"].map((lang) => [formatDate("2026-06-01", lang), formatDate("2026-06", lang), formatDate("2025-12-31", lang)].join(" | "));
    expect(rows.join("\n")).toMatchSnapshot();
    expect(formatDate("2026-06-01", "en")).toBe("Jun 1, 2026");
    expect(formatDate("2026-06", "en")).toBe("Jun 2026");
    // A language tag Intl refuses falls back to the date as written.
    expect(formatDate("2026-06-01", "not a language!")).toBe("2026-06-01");
  });
});
