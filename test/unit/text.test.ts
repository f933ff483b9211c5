// The sentences people read: country grammar in English and French, plural
// agreement, short lists, and every finding variant rendered from the catalogue.
import { assess, DEFAULT_CONCERNS, FINDING_KINDS, type Finding } from "../../src/core/assess";
import { inCountries, inCountry, theCountries, theCountry } from "../../src/core/country-grammar";
import { findingText, summarize, type Names } from "../../src/core/text";
import { translator } from "../../tools/i18n/translate";
import { miniDataset } from "../fixtures/mini-dataset";

const names: Names = { entity: (id) => `Company ${id}`, law: (id) => id.toUpperCase() };

describe("country names in sentences", () => {
  test.each([
    ["US", "the United States", "les États-Unis", "aux États-Unis"],
    ["GB", "the United Kingdom", "le Royaume-Uni", "au Royaume-Uni"],
    ["CN", "China", "la Chine", "en Chine"],
    ["JP", "Japan", "le Japon", "au Japon"],
    ["IE", "Ireland", "l'Irlande", "en Irlande"],
    ["SG", "Singapore", "Singapour", "à Singapour"],
    ["HK", "Hong Kong", "Hong Kong", "à Hong Kong"],
    ["KY", "the Cayman Islands", "les Îles Caïmans", "aux Îles Caïmans"],
    ["NL", "the Netherlands", "les Pays-Bas", "aux Pays-Bas"],
    ["IL", "Israel", "Israël", "en Israël"],
    ["MX", "Mexico", "le Mexique", "au Mexique"],
    ["AE", "the United Arab Emirates", "les Émirats arabes unis", "aux Émirats arabes unis"],
  ])("%s", (code, en, frNoun, frIn) => {
    expect(theCountry(code, "en")).toBe(en);
    expect(theCountry(code, "fr")).toBe(frNoun);
    expect(inCountry(code, "fr")).toBe(frIn);
  });

  test("lists stop at three names and count the rest", () => {
    const ten = ["CN", "BR", "CA", "IL", "JP", "MY", "PH", "SG", "KR", "US"];
    expect(inCountries(ten, "en")).toBe("in China, Brazil, Canada, and 7 other countries");
    expect(inCountries(ten, "fr")).toBe("en Chine, au Brésil, au Canada et dans 7 autres pays");
    expect(theCountries(["CN", "US"], "en")).toBe("China and the United States");
    // Four names are said in full: "and 1 other country" would be no shorter.
    expect(inCountries(["CN", "BR", "CA", "IL"], "en")).toBe("in China, Brazil, Canada, and Israel");
  });
});

describe("finding sentences", () => {
  const ds = miniDataset();
  const all: Finding[] = [];
  for (const s of ds.services) for (const c of ["FR", "US", "GB", "JP", "IN", "BR", "DE"]) all.push(...assess(ds, s, { country: c, concerns: DEFAULT_CONCERNS }, "2026-06-01").findings);

  test("the fixture exercises every finding kind", () => {
    expect(new Set(all.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS.filter((k) => k !== "data-breach")));
  });

  test.each(["en", "fr"] as const)("every finding renders from the %s catalogue, with no raw token, doubled word or empty slot", (lang) => {
    const t = translator(lang);
    for (const f of all) {
      const text = findingText(f, t, names, lang);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\$\d|undefined|null|\bnot-web\b|\bunknown\b|\bEEA\b|\s{2}|\s[.,]|\.\./);
      expect(text).not.toMatch(/\b(\w+) \1\b/i);
      expect(text).toMatch(/[.)]$/);
    }
  });

  test("French agrees with the number of countries", () => {
    const t = translator("fr");
    const one: Finding = { kind: "stored-in", severity: "high", reach: "storage", tier: "not-recognised", compels: true, countries: ["CN"], entities: [], laws: ["cn-intel"], sources: [] };
    expect(findingText(one, t, names, "fr")).toBe("Vos données sont stockées en Chine ; la loi de ce pays peut imposer l'accès à ces données.");
    const many = { ...one, countries: ["CN", "SG"] };
    expect(findingText(many, t, names, "fr")).toBe("Vos données sont stockées en Chine et à Singapour ; la loi de ces pays peut imposer l'accès à ces données.");
  });

  test("English sentences for each kind of reach", () => {
    const t = translator("en");
    const base = { severity: "medium" as const, entities: ["x"], laws: [], sources: [] };
    expect(findingText({ ...base, kind: "controlled-from", reach: "control", tier: "not-recognised", compels: true, countries: ["CN"] }, t, names, "en"))
      .toBe("Controlled by Company x from China; the law there can compel access to your data.");
    expect(findingText({ ...base, kind: "controlled-from", reach: "control", tier: "not-recognised", compels: false, registeredOnly: true, countries: ["KY"], severity: "low" }, t, names, "en"))
      .toBe("Company x is incorporated in the Cayman Islands.");
    expect(findingText({ ...base, kind: "stored-in", reach: "storage", tier: "not-recognised", compels: false, countries: ["IN"], userLaws: ["gdpr"] }, t, names, "en"))
      .toBe("Your data is stored in India; your law (GDPR) does not recognise its protection as adequate.");
    expect(findingText({ ...base, kind: "remote-access-from", reach: "access", tier: "of-concern", compels: true, countries: ["CN"], userLaws: ["doj"], reportedYear: "2020" }, t, names, "en"))
      .toBe("Your data can be accessed from China; your country's law (DOJ) names it as a country of concern. (Reported in 2020.)");
    expect(findingText({ ...base, kind: "processor-in", reach: "processor", tier: "of-concern", compels: true, countries: ["CN"], userLaws: ["doj"] }, t, names, "en"))
      .toBe("Company x, a provider controlled from China, receives your data; your country's law (DOJ) names it as a country of concern.");
    expect(findingText({ ...base, kind: "possible-processing", reach: "possible-processing", tier: "recognised", compels: true, countries: ["US", "IE", "SG", "JP", "BR"], severity: "low" }, t, names, "en"))
      .toBe("The company says your data may be processed in the United States, Ireland, Singapore, and 2 other countries, among other places.");
    expect(findingText({ ...base, kind: "stored-in", reach: "storage", tier: "recognised", compels: true, countries: ["US"], certification: { scheme: "eu-us-dpf", status: "not-listed" } }, t, names, "en"))
      .toBe("Your data is stored in the United States; the company is not listed under the EU-U.S. Data Privacy Framework, which transfers there need.");
  });

  test("the summary is one sentence that agrees with the level: structure before news", () => {
    const t = translator("en");
    const v = assess(ds, ds.services.find((s) => s.id === "market")!, { country: "FR", concerns: DEFAULT_CONCERNS }, "2026-06-01");
    expect(v.level).toBe("medium");
    expect(summarize(v.findings, t, names, "en")).toBe("Controlled by Company market-holdings from China; the law there can compel access to your data.");
    const gmailLike = assess(ds, ds.services.find((s) => s.id === "market")!, { country: "FR", concerns: { ...DEFAULT_CONCERNS, "controlled-from": false, "remote-access-from": false } }, "2026-06-01");
    expect(summarize(gmailLike.findings, t, names, "en")).toBe("Your country's authorities took action against this service (Apr 1, 2026).");
  });
});
