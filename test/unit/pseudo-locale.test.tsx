/** @jest-environment jsdom */
// Pseudo-locale: every page (popup answer, details report, options, welcome)
// runs from its real entry module with a catalogue whose every message is
// wrapped in ⟦…⟧, and the real dataset's reports. Any visible text that is
// neither inside a marked message nor a data string fails: English left in a
// component, a raw key, a raw token. Data strings are allowed by where they
// come from (the report's names, statements, headlines, sources; dates and
// country names from Intl), never by what they look like.
import path from "node:path";
import { fireEvent, waitFor } from "@testing-library/preact";
import { compileData } from "../../tools/data/compile";
import { catalogue } from "../../tools/i18n/catalogue.mjs";
import { buildReport, type Report } from "../../src/core/report";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { COUNTRY_CODES } from "../../src/core/country-codes";
import { CONTINENTS } from "../../src/core/continents";
import { userLawStatuses } from "../../src/core/tiers";
import { defaults } from "../../src/core/settings";
import { countryName, formatDate } from "../../src/core/text";
import type { Message } from "../../src/core/messages";
import { fakeBrowser } from "./fake-browser";

const TODAY = "2026-11-30";
const compiled = compileData(path.resolve(__dirname, "../../src/data"), TODAY);
if (!compiled.dataset) throw new Error("the dataset does not compile");
const ds = compiled.dataset;

const PSEUDO = Object.fromEntries(Object.entries(catalogue("en")).map(([k, v]) => [k, `⟦${v}⟧`]));
const mockFake = fakeBrowser(PSEUDO);
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));
// jsdom has no structuredClone (the fake storage uses it).
(globalThis as unknown as { structuredClone: unknown }).structuredClone ??= (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
// The map loads lazily; no map here.
(globalThis as unknown as { fetch: unknown }).fetch = async () => ({ ok: false });

const COUNTRY = "FR";
const reports: Report[] = [];
mockFake.browser.runtime.sendMessage = async (raw: unknown) => {
  const m = raw as Message;
  switch (m.type) {
    case "getReport": {
      const r = buildReport(ds, (m.payload as { url: string }).url, COUNTRY, DEFAULT_CONCERNS, TODAY, "en");
      reports.push(r);
      return { ok: true, value: r };
    }
    case "getDataInfo":
      return { ok: true, value: { version: ds.version, hash: ds.hash, services: ds.services.length, domains: 1, entities: 1, laws: ds.laws.length, userLaws: userLawStatuses(ds, COUNTRY_CODES) } };
    case "updateSettings":
      return { ok: true, value: { ...defaults, ...(m.payload as { patch: object }).patch } };
    default:
      return { ok: false, error: `not in this test: ${m.type}` };
  }
};

/** Data strings a report may show, by field; dates as the page formats them. */
function dataStrings(r: Report): string[] {
  const out: Array<string | undefined> = [r.service?.name, r.domain ?? undefined, r.dataVersion, r.confidence?.reason];
  const dates: string[] = [];
  const source = (s: { publisher: string; title?: string; date: string }) => { out.push(s.publisher, s.title); dates.push(s.date); };
  const entity = (e: { name: string; sources: Array<{ publisher: string; title?: string; date: string }> }) => { out.push(e.name); e.sources.forEach(source); };
  r.ownershipChain.forEach(entity);
  r.minorityStakes.forEach((s) => { entity(s.holder); out.push(s.in.name); });
  if (r.operator) source(r.operator.operatorSource);
  if (r.operatorFallback) source(r.operatorFallback.fallbackSource);
  for (const s of [...r.storage, ...r.remoteAccess]) { out.push(s.statement, s.provider); source(s.source); }
  for (const p of r.processors) { out.push(p.statement); source(p.source); p.chain.forEach(entity); }
  for (const l of r.laws) { out.push(l.shortName, l.summary); l.sources.forEach(source); dates.push(l.status.checked); }
  for (const n of r.news) { out.push(n.headline, n.outlet); dates.push(n.date); }
  out.push(...Object.values(r.names.entities), ...Object.values(r.names.laws));
  if (r.reviewed) dates.push(r.reviewed);
  return [...out.filter((s): s is string => typeof s === "string"), ...dates.map((d) => formatDate(d, "en"))];
}

/** Punctuation around a piece of text (separators the components put between data strings). */
const EDGE = /^[\s·,;:.()→—–\-/]+|[\s·,;:.()→—–\-/]+$/g;

function allowed(): Set<string> {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return new Set([
    ...reports.flatMap(dataStrings),
    ...COUNTRY_CODES.map((c) => countryName(c, "en")),
    ...Object.keys(CONTINENTS).map((c) => names.of(c)!),
    ...ds.services.map((s) => s.name),
  ].map((s) => s.replace(EDGE, "")));
}

/** Visible text and labels that are neither a marked message nor an allowed data string. */
function unmarked(): string[] {
  const nodes: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && ["SCRIPT", "STYLE"].includes(parent.tagName)) continue;
    nodes.push(n.textContent ?? "");
  }
  // A message can host an element (Slot): its ⟦ and ⟧ then sit in different text nodes.
  let text = nodes.join("\n");
  for (let prev = ""; prev !== text;) {
    prev = text;
    text = text.replace(/⟦[^⟦⟧]*⟧/g, "");
  }
  const ok = allowed();
  const left = text.split("\n").map((s) => s.replace(EDGE, "")).filter((s) => s !== "" && !/^[\d\s.,%+]+$/.test(s) && !ok.has(s));
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
    for (const a of ["aria-label", "title", "placeholder", "alt"]) {
      const v = el.getAttribute(a);
      if (v && !/^⟦[^]*⟧$/.test(v) && !ok.has(v.replace(EDGE, ""))) left.push(`${a}="${v}"`);
    }
  }
  return left;
}

async function page(entry: "popup" | "details" | "options" | "welcome", search = ""): Promise<void> {
  document.body.replaceChildren();
  const app = document.createElement("div");
  app.id = "app";
  document.body.append(app);
  window.history.replaceState({}, "", `/${entry}.html${search}`);
  await jest.isolateModulesAsync(async () => {
    await import(`../../src/${entry}/index.tsx`);
  });
}

const SITES = ["https://www.tiktok.com/", "https://chat.deepseek.com/", "https://www.google.com/", "https://www.facebook.com/", "https://www.temu.com/"];

describe("pseudo-locale: every visible string comes from the catalogue or the data", () => {
  beforeEach(() => { reports.length = 0; });

  test.each(SITES)("popup answer for %s", async (url) => {
    await page("popup", `?url=${encodeURIComponent(url)}`);
    await waitFor(() => expect(document.querySelector(".answer")).not.toBeNull());
    expect(unmarked()).toEqual([]);
  });

  test.each(["https://example.org/", "chrome://extensions/"])("popup for %s (not listed, browser page)", async (url) => {
    await page("popup", `?url=${encodeURIComponent(url)}`);
    await waitFor(() => expect(document.querySelector(".state")).not.toBeNull());
    expect(unmarked()).toEqual([]);
  });

  test.each(SITES)("details report for %s", async (url) => {
    await page("details", `?url=${encodeURIComponent(url)}`);
    await waitFor(() => expect(document.querySelector("#sources-title")).not.toBeNull());
    expect(unmarked()).toEqual([]);
  });

  test("options", async () => {
    await page("options");
    await waitFor(() => expect(document.querySelector(".data-info")).not.toBeNull());
    expect(unmarked()).toEqual([]);
  });

  test("welcome, before and after Save", async () => {
    await page("welcome");
    await waitFor(() => expect(document.querySelector("form")).not.toBeNull());
    expect(unmarked()).toEqual([]);
    fireEvent.submit(document.querySelector("form")!);
    await waitFor(() => expect(document.querySelector(".example")).not.toBeNull());
    expect(unmarked()).toEqual([]);
  });
});
