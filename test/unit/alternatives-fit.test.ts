// Alternatives drawn from the real dataset fit the service a user is leaving: the same kind of service
// (categories fine enough that a TikTok user is not sent to a dating app, nor a shopper to a furniture
// store), offered where the user lives (sourced `serves`), and judged by the same rules.
import path from "node:path";
import { compileData } from "../../tools/data/compile";
import { alternativesFor } from "../../src/core/alternatives";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { buildReport } from "../../src/core/report";

const ROOT = path.resolve(__dirname, "../..");
const compiled = compileData(path.join(ROOT, "src/data"), new Date().toISOString().slice(0, 10));
const ds = compiled.dataset!;
const TODAY = ds.version;
const service = (id: string) => ds.services.find((s) => s.id === id)!;

function alternatives(url: string, country: string) {
  const report = buildReport(ds, url, country, DEFAULT_CONCERNS, TODAY);
  const id = report.service!.id;
  return { level: report.verdict.level, list: alternativesFor(ds, id, report.verdict.level, country, DEFAULT_CONCERNS, TODAY).list };
}

test("TikTok for a French user: social networks that do better, never a dating app or a professional network", () => {
  const { level, list } = alternatives("https://www.tiktok.com/", "FR");
  expect(level).toBe("high");
  expect(list.length).toBeGreaterThan(0);
  for (const a of list) {
    expect([a.id, service(a.id).category]).toEqual([a.id, "social"]);
    expect(["none", "low"]).toContain(a.level);
  }
  for (const unfit of ["happn", "lovoo", "xing", "linkedin", "tinder"]) expect(list.map((a) => a.id)).not.toContain(unfit);
});

test("a shop offered only in some countries is suggested there and nowhere else (sourced serves)", () => {
  expect(service("allegro").serves?.regions).toEqual(["PL", "CZ", "SK", "HU"]);
  expect(alternatives("https://www.temu.com/", "PL").list.map((a) => a.id)).toContain("allegro");
  expect(alternatives("https://www.temu.com/", "RO").list.map((a) => a.id)).toContain("emag");
  for (const country of ["FR", "DE", "ES"]) {
    const ids = alternatives("https://www.temu.com/", country).list.map((a) => a.id);
    expect([country, ids.includes("allegro") || ids.includes("emag")]).toEqual([country, false]);
    expect([country, ids.includes("ikea")]).toEqual([country, false]);
  }
});

test("adult sites and video platforms are different kinds of service", () => {
  for (const id of ["pornhub", "xvideos", "onlyfans"]) expect([id, service(id).category]).toEqual([id, "adult"]);
  for (const id of ["youtube", "dailymotion", "vimeo"]) expect([id, service(id).category]).toEqual([id, "video"]);
});
