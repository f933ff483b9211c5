// Every language's messages as key → text. English and French come from the
// one two-language table (messages.mjs); German and Spanish from their own
// files. A key missing from a language is left out of its messages.json, so
// the browser falls back to English there, and test/unit/locales.test.ts fails.
import { MESSAGES } from "./messages.mjs";
import { MESSAGES_DE } from "./messages.de.mjs";
import { MESSAGES_ES } from "./messages.es.mjs";

export const LANGS = ["en", "fr", "de", "es"];

const column = (i) => Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[i]]));

const TABLES = { en: column(0), fr: column(1), de: MESSAGES_DE, es: MESSAGES_ES };

/** The messages of one language, in the main table's key order; keys the main table lacks are dropped. */
export function catalogue(lang) {
  const table = TABLES[lang];
  if (!table) throw new Error(`no catalogue for "${lang}"`);
  return Object.fromEntries(Object.keys(MESSAGES).filter((k) => typeof table[k] === "string").map((k) => [k, table[k]]));
}

/** The language's own file, as written (for the completeness test). */
export function rawCatalogue(lang) {
  const table = TABLES[lang];
  if (!table) throw new Error(`no catalogue for "${lang}"`);
  return table;
}
