import fs from "node:fs";
import path from "node:path";
import { MESSAGES } from "../../tools/i18n/messages.mjs";
import { catalogue, LANGS, rawCatalogue } from "../../tools/i18n/catalogue.mjs";
import { FINDING_KINDS, LEVELS } from "../../src/core/assess";
import { concernMessageKey, levelMessageKey, schemeKey } from "../../src/core/text";

const ROOT = path.resolve(__dirname, "../..");
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "src/_locales", lang, "messages.json"), "utf8")) as Record<string, { message: string }>;

describe("locales", () => {
  const slots = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

  test("the committed message files are generated from the catalogue (en, fr, de, es)", () => {
    expect([...LANGS]).toEqual(["en", "fr", "de", "es"]);
    for (const [i, lang] of ["en", "fr"].entries()) {
      const expected = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, { message: v[i] }]));
      expect(read(lang)).toEqual(expected);
    }
    for (const lang of LANGS) {
      expect(read(lang)).toEqual(Object.fromEntries(Object.entries(catalogue(lang)).map(([k, v]) => [k, { message: v }])));
    }
  });

  test.each(["de", "es"] as const)("%s has every key of the main table, no other key, and the English placeholders", (lang) => {
    const table = rawCatalogue(lang);
    const missing = Object.keys(MESSAGES).filter((k) => typeof table[k] !== "string" || table[k]!.trim() === "");
    expect(missing).toEqual([]);
    expect(Object.keys(table).filter((k) => !(k in MESSAGES))).toEqual([]);
    for (const [key, [en]] of Object.entries(MESSAGES)) expect([key, slots(table[key]!)]).toEqual([key, slots(en)]);
  });

  test("every message has a non-empty English and French text with the same placeholders", () => {
    for (const [key, [en, fr]] of Object.entries(MESSAGES)) {
      expect([key, en.length > 0, fr.length > 0]).toEqual([key, true, true]);
      expect([key, slots(fr)]).toEqual([key, slots(en)]);
    }
  });

  test("every key the code builds exists", () => {
    const keys = [
      ...FINDING_KINDS.map(concernMessageKey),
      ...["eu-us-dpf", "uk-us-data-bridge", "swiss-us-dpf"].map(schemeKey),
      ...LEVELS.map(levelMessageKey),
      "bannerRegionLabel", "bannerDetails", "bannerDismiss", "bannerOptions", "bannerClose", "summaryNoFindings",
    ];
    for (const k of keys) expect([k, k in MESSAGES]).toEqual([k, true]);
  });

  test("every t(\"key\") literal in src exists", () => {
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.tsx?$/.test(e.name) && files.push(path.join(d, e.name))));
    walk(path.join(ROOT, "src"));
    const used = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(f, "utf8").matchAll(/\b(?:t|message)\("([A-Za-z_]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(40);
    for (const k of used) expect([k, k in MESSAGES]).toEqual([k, true]);
  });
});
