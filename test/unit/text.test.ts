// The sentences people read: country grammar in English and French, plural
// agreement, short lists, and every finding variant rendered from the catalogue.
import { assess, DEFAULT_CONCERNS, FINDING_KINDS, type Finding } from "../../src/core/assess";
import { fromCountries, inCountries, inCountry, theCountries, theCountry } from "../../src/core/country-grammar";
import { findingText, summarize, type Names } from "../../src/core/text";
import { translator } from "../../tools/i18n/translate";
import { miniDataset, SRC } from "../fixtures/mini-dataset";

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

  test.each([
    ["CN", "in China", "aus China", "en China", "desde China"],
    ["US", "in den USA", "aus den USA", "en los Estados Unidos", "desde los Estados Unidos"],
    ["GB", "im Vereinigten Königreich", "aus dem Vereinigten Königreich", "en el Reino Unido", "desde el Reino Unido"],
    ["CH", "in der Schweiz", "aus der Schweiz", "en Suiza", "desde Suiza"],
    ["TR", "in der Türkei", "aus der Türkei", "en Turquía", "desde Turquía"],
    ["IR", "im Iran", "aus dem Iran", "en Irán", "desde Irán"],
    ["NL", "in den Niederlanden", "aus den Niederlanden", "en los Países Bajos", "desde los Países Bajos"],
    ["KY", "auf den Kaimaninseln", "aus den Kaimaninseln", "en las Islas Caimán", "desde las Islas Caimán"],
    ["AE", "in den Vereinigten Arabischen Emiraten", "aus den Vereinigten Arabischen Emiraten", "en los Emiratos Árabes Unidos", "desde los Emiratos Árabes Unidos"],
    ["SG", "in Singapur", "aus Singapur", "en Singapur", "desde Singapur"],
    ["HK", "in Hongkong", "aus Hongkong", "en Hong Kong", "desde Hong Kong"],
  ])("%s in German and Spanish", (code, deIn, deFrom, esIn, esFrom) => {
    expect(inCountry(code, "de")).toBe(deIn);
    expect(`aus ${fromCountries([code], "de")}`).toBe(deFrom);
    expect(inCountry(code, "es")).toBe(esIn);
    expect(`desde ${fromCountries([code], "es")}`).toBe(esFrom);
  });

  test("German and Spanish nouns as subjects", () => {
    expect(theCountry("CH", "de")).toBe("die Schweiz");
    expect(theCountry("GB", "de")).toBe("das Vereinigte Königreich");
    expect(theCountry("CN", "de")).toBe("China");
    expect(theCountries(["CN", "US"], "de")).toBe("China und die USA");
    expect(theCountries(["CN", "US"], "es")).toBe("China y los Estados Unidos");
    expect(theCountries(["CN", "IL"], "es")).toBe("China e Israel");
  });

  test("lists stop at three names and count the rest", () => {
    const ten = ["CN", "BR", "CA", "IL", "JP", "MY", "PH", "SG", "KR", "US"];
    expect(inCountries(ten, "en")).toBe("in China, Brazil, Canada, and 7 other countries");
    expect(inCountries(ten, "fr")).toBe("en Chine, au Brésil, au Canada et dans 7 autres pays");
    expect(inCountries(ten, "de")).toBe("in China, in Brasilien, in Kanada und in 7 weiteren Ländern");
    expect(inCountries(ten, "es")).toBe("en China, Brasil, Canadá y otros 7 países");
    expect(fromCountries(ten, "de")).toBe("China, Brasilien, Kanada und 7 weiteren Ländern");
    expect(theCountries(ten, "de")).toBe("China, Brasilien, Kanada und 7 weitere Länder");
    expect(fromCountries(ten, "es")).toBe("China, Brasil, Canadá y otros 7 países");
    expect(theCountries(ten, "fr")).toBe("la Chine, le Brésil, le Canada et 7 autres pays");
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

  test.each(["en", "fr", "de", "es"] as const)("every finding renders from the %s catalogue, with no raw token, doubled word or empty slot", (lang) => {
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

  test("German and Spanish sentences", () => {
    const one: Finding = { kind: "stored-in", severity: "high", reach: "storage", tier: "not-recognised", compels: true, countries: ["CN"], entities: [], laws: ["cn-intel"], sources: [] };
    expect(findingText(one, translator("de"), names, "de")).toBe("Ihre Daten werden in China gespeichert; das dortige Recht kann den Zugriff darauf erzwingen.");
    expect(findingText({ ...one, countries: ["CN", "US"] }, translator("es"), names, "es")).toBe("Sus datos se almacenan en China y los Estados Unidos; la ley de esos países puede obligar a dar acceso a ellos.");
    const control: Finding = { ...one, kind: "controlled-from", reach: "control", entities: ["x"], countries: ["TR"] };
    expect(findingText(control, translator("de"), names, "de")).toBe("Kontrolliert von Company x aus der Türkei; das dortige Recht kann den Zugriff auf Ihre Daten erzwingen.");
    expect(findingText(control, translator("es"), names, "es")).toBe("Controlado por Company x desde Turquía; la ley de ese país puede obligar a dar acceso a sus datos.");
    const registered: Finding = { ...control, severity: "low", compels: false, registeredOnly: true, countries: ["KY"] };
    expect(findingText(registered, translator("de"), names, "de")).toBe("Company x ist auf den Kaimaninseln eingetragen.");
    expect(findingText(registered, translator("es"), names, "es")).toBe("Company x está registrada en las Islas Caimán.");
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
      .toBe("Your data is stored in the United States; the company is not listed under the EU-U.S. Data Privacy Framework, so its transfers there must rely on other safeguards, such as contracts, which do not bind that country's authorities.");
  });

  test("the summary is one sentence that agrees with the level: structure before news", () => {
    const t = translator("en");
    const v = assess(ds, ds.services.find((s) => s.id === "market")!, { country: "FR", concerns: DEFAULT_CONCERNS }, "2026-06-01");
    expect(v.level).toBe("medium");
    expect(summarize(v.findings, t, names, "en")).toBe("Controlled by Company market-holdings from China; the law there can compel access to your data.");
    const gmailLike = assess(ds, ds.services.find((s) => s.id === "market")!, { country: "FR", concerns: { ...DEFAULT_CONCERNS, "controlled-from": false, "remote-access-from": false } }, "2026-06-01");
    expect(summarize(gmailLike.findings, t, names, "en")).toBe("Your country's authorities took action against this service (Apr 1, 2026).");
  });

  test("no concern because nothing is known is said as such, never as reassurance", () => {
    const t = translator("en");
    const verdict = (id: string, country: string) => assess(ds, ds.services.find((s) => s.id === id)!, { country, concerns: DEFAULT_CONCERNS }, "2026-06-01");
    // An operator is named but no company of its chain has a place, and storage is not stated.
    const faceless = verdict("faceless", "FR");
    expect(faceless.level).toBe("none");
    expect(faceless.findings[1]).toEqual({ kind: "place-unknown", severity: "none", countries: [], entities: ["shell-co"], laws: [], sources: [] });
    expect(faceless.findings.map((f) => f.kind)).toEqual(["storage-unknown", "place-unknown"]);
    // The operator has no place of its own, but its parent has: the chain is placed, so nothing is missing.
    const placedParent = { ...ds, entities: { ...ds.entities, "shell-co": { ...ds.entities["shell-co"]!, owners: [{ entity: "cloudy-inc", controls: true, share: 100, source: SRC }] } } };
    const owned = assess(placedParent, placedParent.services.find((s) => s.id === "faceless")!, { country: "FR", concerns: DEFAULT_CONCERNS }, "2026-06-01");
    expect(owned.findings.map((f) => f.kind)).not.toContain("place-unknown");
    expect(findingText(faceless.findings[1]!, t, names, "en")).toBe("Where Company shell-co is based is not stated.");
    const tooLittle = "Too little is known to judge: the dataset does not say where the company responsible is based or where your data is stored.";
    expect(summarize(faceless.findings, t, names, "en")).toBe(tooLittle);
    // No operator at all, and no owner to fall back on.
    expect(summarize(verdict("mystery", "FR").findings, t, names, "en")).toBe(tooLittle);
    // A French company for a French user: storage is not stated, but where the company is based is known.
    const euroshop = verdict("euroshop", "FR");
    expect(euroshop.findings.some((f) => f.kind === "place-unknown")).toBe(false);
    expect(summarize([{ kind: "storage-unknown", severity: "none", countries: [], entities: [], laws: [], sources: [] }], t, names, "en"))
      .toBe("Nothing in the dataset raises a concern for a user in your country.");
    // The operator is not stated but the company the service belongs to is, with its place: nothing to flag.
    const storageUnknown: Finding = { kind: "storage-unknown", severity: "none", countries: [], entities: [], laws: [], sources: [] };
    const fallback: Finding = { kind: "operator-unknown", severity: "none", countries: [], entities: ["owner-co"], laws: [], sources: [] };
    expect(summarize([storageUnknown, fallback], t, names, "en")).toBe("Nothing in the dataset raises a concern for a user in your country.");
    // Where the company is based is unknown but storage is stated: something is known.
    expect(summarize([faceless.findings[1]!], t, names, "en")).toBe("Nothing in the dataset raises a concern for a user in your country.");
    // A user who turned that finding off gets the plain sentence.
    const off = assess(ds, ds.services.find((s) => s.id === "faceless")!, { country: "FR", concerns: { ...DEFAULT_CONCERNS, "place-unknown": false } }, "2026-06-01");
    expect(summarize(off.findings, t, names, "en")).toBe("Nothing in the dataset raises a concern for a user in your country.");
  });
});
