import fs from "node:fs";
import path from "node:path";
import { MESSAGES } from "../../tools/i18n/messages.mjs";
import { catalogue, LANGS, rawCatalogue } from "../../tools/i18n/catalogue.mjs";
import { FINDING_KINDS, LEVELS } from "../../src/core/assess";
import { concernMessageKey, levelMessageKey, schemeKey } from "../../src/core/text";

const ROOT = path.resolve(__dirname, "../..");

describe("locales", () => {
  const slots = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

  test("every language's catalogue has every English key, no other, with the English placeholders (en, fr, de, es)", () => {
    expect([...LANGS]).toEqual(["en", "fr", "de", "es"]);
    const en = catalogue("en");
    expect(Object.keys(en)).toEqual(Object.keys(MESSAGES));
    for (const lang of LANGS) {
      const table = catalogue(lang);
      expect([lang, Object.keys(table).sort()]).toEqual([lang, Object.keys(en).sort()]);
      for (const [key, text] of Object.entries(table)) {
        expect([lang, key, text.trim().length > 0]).toEqual([lang, key, true]);
        expect([lang, key, slots(text)]).toEqual([lang, key, slots(en[key]!)]);
      }
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
