// Law names people read: every law has its short name in each interface
// language, and none holds parentheses, since sentences put a law's name in
// parentheses ("your law (GDPR) does not recognise…").
import fs from "node:fs";
import path from "node:path";
import { lawShortName } from "../../../src/core/report";

const DIR = path.resolve(__dirname, "../../../src/data/laws");
const laws = fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as { id: string; shortName: string; shortNames?: Record<string, string> });

describe("law short names", () => {
  test("every law has a French, German and Spanish short name", () => {
    expect(laws.length).toBeGreaterThan(40);
    const missing = laws.flatMap((l) => ["fr", "de", "es"].filter((lang) => !l.shortNames?.[lang]?.trim()).map((lang) => `${l.id} ${lang}`));
    expect(missing).toEqual([]);
  });

  test("no short name holds parentheses", () => {
    const names = laws.flatMap((l) => [l.shortName, ...Object.values(l.shortNames ?? {})]);
    expect(names.filter((n) => /[()]/.test(n))).toEqual([]);
  });

  test("the report takes the name in the page's language, English otherwise", () => {
    const gdpr = laws.find((l) => l.id === "eu-gdpr-chapter-v")!;
    expect([lawShortName(gdpr, "fr"), lawShortName(gdpr, "de-DE"), lawShortName(gdpr, "es-419"), lawShortName(gdpr, "it")]).toEqual(["RGPD", "DSGVO", "RGPD", gdpr.shortName]);
    const cloud = laws.find((l) => l.id === "us-cloud-act")!;
    expect(["en", "fr", "de", "es"].map((lang) => lawShortName(cloud, lang))).toEqual(["CLOUD Act", "CLOUD Act", "CLOUD Act", "CLOUD Act"]);
  });
});
