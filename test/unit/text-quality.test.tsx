/** @jest-environment jsdom */
// Text quality on the real dataset: ten services for users in four countries,
// in English, French, German and Spanish, the popup answer and the full
// report. Fails on a doubled word, "not stated" after a preposition, a raw
// token, nested parentheses, or the same source link twice in one card.
import path from "node:path";
import { render, cleanup } from "@testing-library/preact";
import { compileData } from "../../tools/data/compile";
import { translator } from "../../tools/i18n/translate";
import { catalogue } from "../../tools/i18n/catalogue.mjs";
import { buildReport } from "../../src/core/report";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { UiContext } from "../../src/ui/context";
import { PopupAnswer } from "../../src/ui/report/PopupAnswer";
import { ReportView } from "../../src/ui/report/ReportView";

const TODAY = "2026-11-30";
const compiled = compileData(path.resolve(__dirname, "../../src/data"), TODAY);
if (!compiled.dataset) throw new Error("the dataset does not compile");
const ds = compiled.dataset;

(globalThis as unknown as { fetch: unknown }).fetch = async () => ({ ok: false });
afterEach(cleanup);

const SERVICES = ["tiktok", "deepseek", "google-search", "facebook", "temu", "chatgpt", "gmail", "microsoft-365", "shein", "wechat"];
const COUNTRIES = ["FR", "US", "GB", "JP"];
const LANGS = ["en", "fr", "de", "es"] as const;

/** Prepositions after which "not stated" (in each language) would make a sentence like "Run from not stated". */
const AFTER_PREPOSITION: Record<(typeof LANGS)[number], RegExp> = {
  en: new RegExp(`\\b(in|from|of|by|at|to|on)\\s+${catalogue("en").placeUnknown}`, "i"),
  fr: new RegExp(`(^|\\s)(à|au|aux|en|de|du|des|depuis|dans|par|sur)\\s+${catalogue("fr").placeUnknown}`, "i"),
  de: new RegExp(`(^|\\s)(in|im|aus|von|bei|an|zu|auf)\\s+${catalogue("de").placeUnknown}`, "i"),
  es: new RegExp(`(^|\\s)(en|de|desde|por|a|del)\\s+${catalogue("es").placeUnknown}`, "i"),
};
const RAW_TOKEN = /\bunknown\b|\bEEA\b|\bnot-web\b|\$\d|\bundefined\b|\bnull\b|\bNaN\b|\[object /;
// A name followed by its domain ("Facebook facebook.com") is not a doubled word.
const DOUBLED = /(^|[^\p{L}])(\p{L}{2,})\s+\2(?!\p{L}|\.\p{L})/iu;
const NESTED = /\([^()]*\(/;
/**
 * Elements that hold data strings as written in the dataset (paraphrases, headlines, law summaries,
 * source titles; the confidence reason the build writes): checked for doubled words only.
 */
const DATA = ".paraphrase, .summary, .headline, .outlet, .all-sources li, .law-sources li, .reason";
/** One card: a company of the chain, a statement, a law, an event, the popup answer. */
const CARDS = ".chain > li, .statements > li, .laws > li, .timeline > li, .answer";

function problems(lang: (typeof LANGS)[number], where: string): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll("p, li, dd, dt, h1, h2, h3, summary, span.pct")) {
    if (el.querySelector("p, li, dd, ul, ol")) continue; // leaf blocks only
    const all = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (all === "") continue;
    if (DOUBLED.test(all)) found.push(`${where}: doubled word: ${all}`);
    if (el.closest(DATA)) continue;
    // The component's own words: the element without the data strings inside it.
    const own = el.cloneNode(true) as Element;
    own.querySelectorAll(DATA).forEach((d) => d.remove());
    const text = (own.textContent ?? "").replace(/\s+/g, " ").trim();
    if (AFTER_PREPOSITION[lang].test(text)) found.push(`${where}: "not stated" after a preposition: ${text}`);
    if (RAW_TOKEN.test(text)) found.push(`${where}: raw token: ${text}`);
    if (NESTED.test(text)) found.push(`${where}: nested parentheses: ${text}`);
  }
  for (const card of document.querySelectorAll(CARDS)) {
    const hrefs = [...card.querySelectorAll("a[href]")].filter((a) => a.closest(CARDS) === card).map((a) => a.getAttribute("href"));
    const twice = hrefs.filter((h, i) => hrefs.indexOf(h) !== i);
    if (twice.length > 0) found.push(`${where}: the same source twice in one card: ${twice.join(", ")} in ${card.textContent?.slice(0, 80)}`);
  }
  return found;
}

describe("text quality on the real dataset", () => {
  test("the services are in the dataset", () => {
    for (const id of SERVICES) expect([id, ds.services.some((s) => s.id === id)]).toEqual([id, true]);
  });

  test.each(LANGS)("popup answers and full reports in %s", (lang) => {
    const t = translator(lang);
    const found: string[] = [];
    for (const id of SERVICES) {
      const url = `https://${ds.services.find((s) => s.id === id)!.domains[0]}/`;
      for (const country of COUNTRIES) {
        const report = buildReport(ds, url, country, DEFAULT_CONCERNS, TODAY, lang);
        for (const [view, node] of [["popup", <PopupAnswer report={report} />], ["report", <ReportView report={report} />]] as const) {
          render(<UiContext.Provider value={{ t, lang, asset: (p) => p }}>{node}</UiContext.Provider>);
          found.push(...problems(lang, `${id} ${country} ${view}`));
          cleanup();
        }
      }
    }
    expect(found).toEqual([]);
  });
});
