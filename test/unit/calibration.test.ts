// Calibration: verdicts a careful analyst would sign, on the real dataset.
// Each row names the allowed levels and why; the committed calibration table
// (docs/verdicts.md) must be exactly what the code produces today.
import fs from "node:fs";
import path from "node:path";
import { assessContext, DEFAULT_CONCERNS, type Level } from "../../src/core/assess";
import { jurisdictionOf, serviceContext } from "../../src/core/context";
import { compileData } from "../../tools/data/compile";
import { CALIBRATION_COUNTRIES, verdictsMarkdown } from "../../tools/data/verdicts";

const ROOT = path.resolve(__dirname, "../..");
const compiled = compileData(path.join(ROOT, "src/data"), new Date().toISOString().slice(0, 10));
if (!compiled.dataset) throw new Error(`the dataset does not compile:\n${compiled.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n")}`);
const ds = compiled.dataset;

function levelOf(serviceId: string, country: string): Level {
  const service = ds.services.find((s) => s.id === serviceId);
  if (!service) throw new Error(`no service "${serviceId}" in the dataset`);
  return assessContext(ds, serviceContext(ds, service, country), DEFAULT_CONCERNS, ds.version).level;
}

const EEA = ["FR", "DE", "IE", "NL"];
const ANY: Level[] = ["none", "low", "medium", "high"];
const AT_MOST_MEDIUM: Level[] = ["none", "low", "medium"];
const AT_MOST_LOW: Level[] = ["none", "low"];
const AT_LEAST_MEDIUM: Level[] = ["medium", "high"];
const HIGH: Level[] = ["high"];

const rows: Array<[string, string, Level[], string]> = [
  // Mainstream US services for US users: domestic control and storage; a footprint list is at most medium.
  ["google-search", "US", AT_MOST_MEDIUM, "a US company serving a US user: nothing foreign reaches the data"],
  ["gmail", "US", AT_MOST_MEDIUM, "a US company serving a US user"],
  ["youtube", "US", AT_MOST_MEDIUM, "a US company serving a US user"],
  ["facebook", "US", AT_MOST_MEDIUM, "Meta's footprint list names no country of concern as where US data is kept"],
  ["instagram", "US", AT_MOST_MEDIUM, "as Facebook"],
  ["amazon-store", "US", AT_MOST_MEDIUM, "a US company serving a US user"],
  ["apple-icloud", "US", AT_MOST_MEDIUM, "Apple states US users' data is kept by Apple Inc. in the US"],
  ["netflix", "US", AT_MOST_MEDIUM, "a US company serving a US user"],
  ["reddit", "US", AT_MOST_MEDIUM, "a US company storing in the US; an Australian age rule is not about data location"],
  ["snapchat", "US", AT_MOST_MEDIUM, "an Australian age rule says nothing about where a US user's data goes"],
  ["chatgpt", "US", AT_MOST_MEDIUM, "a US company serving a US user"],
  // Microsoft and Zoom: a data-centre footprint that includes Hong Kong is possible processing, not storage or control.
  ["bing", "US", AT_MOST_MEDIUM, "Microsoft's footprint list is possible processing; a US company is not controlled from China"],
  ["microsoft-365", "US", AT_MOST_MEDIUM, "as Bing"],
  ["onedrive", "US", AT_MOST_MEDIUM, "as Bing"],
  ["microsoft-website", "US", AT_MOST_MEDIUM, "as Bing"],
  ["outlook-com", "US", AT_MOST_MEDIUM, "as Bing"],
  ["zoom", "US", AT_MOST_MEDIUM, "a 2020 report of a China-based employee is old and counts one step lower"],
  // DeepSeek stores in the PRC: high wherever the user's law names or does not recognise China.
  ["deepseek", "US", HIGH, "run from and storing in China, a US country of concern"],
  ...EEA.map((c): [string, string, Level[], string] => ["deepseek", c, HIGH, "stored in China, which the EU does not recognise, and Chinese law binds what is stored there"]),
  ["deepseek", "JP", HIGH, "APPI does not recognise China; data stored there"],
  ["deepseek", "KR", HIGH, "PIPA does not recognise China; data stored there"],
  // TikTok: a US joint venture for US users; staff access from China for Europeans.
  ["tiktok", "US", ["low", "medium"], "US users are served by a US joint venture; ByteDance keeps a minority stake"],
  ...EEA.map((c): [string, string, Level[], string] => ["tiktok", c, HIGH, "the Irish regulator found staff in China accessed European users' data"]),
  ["tiktok", "IN", AT_LEAST_MEDIUM, "run by ByteDance from China; India blocked it in 2020"],
  // Kaspersky: run from Russia, a US country of concern (and banned from US sale on those grounds).
  ["kaspersky", "US", HIGH, "controlled from Russia, which US law names as a foreign adversary"],
  // Chinese commerce and payments.
  ["temu", "FR", AT_LEAST_MEDIUM, "PDD's business is run from China, whose law can compel its companies"],
  ["temu", "US", AT_LEAST_MEDIUM, "PDD's business is run from China, a US country of concern"],
  ["taobao", "DE", AT_LEAST_MEDIUM, "Alibaba is run from Hangzhou; a Hong Kong office does not make it a Hong Kong group"],
  ["taobao", "US", AT_LEAST_MEDIUM, "run from China, a US country of concern"],
  ["tmall", "FR", AT_LEAST_MEDIUM, "as Taobao"],
  ["jd-com", "FR", AT_LEAST_MEDIUM, "JD.com is run from Beijing"],
  ["jd-com", "US", AT_LEAST_MEDIUM, "JD.com is run from Beijing, a US country of concern"],
  ["alipay", "FR", AT_LEAST_MEDIUM, "Ant Group is run from Hangzhou"],
  ["alipay", "US", AT_LEAST_MEDIUM, "Ant Group is run from China, a US country of concern"],
  // Russian services.
  ["vk", "DE", AT_LEAST_MEDIUM, "VK is run from Russia, whose SORM rules reach its companies"],
  ["ok", "DE", AT_LEAST_MEDIUM, "OK belongs to the VK group, run from Russia"],
  ["yandex", "FR", AT_LEAST_MEDIUM, "Yandex's Russian business is run from Russia"],
  // European and UK services for European users.
  ["bbc", "FR", AT_MOST_LOW, "the UK has an EU adequacy decision"],
  ["bbc", "DE", AT_MOST_LOW, "as France"],
  ["wikipedia", "FR", AT_MOST_MEDIUM, "a US non-profit storing in the US, which the EU recognises"],
  ["wikipedia", "DE", AT_MOST_MEDIUM, "as France"],
  ["deezer", "FR", AT_MOST_LOW, "a French company for a French user"],
  ["spotify", "DE", AT_MOST_LOW, "a Swedish company for a German user: home region"],
  ["le-monde", "FR", AT_MOST_LOW, "a French newspaper for a French user"],
  // Big US platforms for Europeans: recognised, and a certification that is not recorded is not stated.
  ...EEA.flatMap((c): Array<[string, string, Level[], string]> => [
    ["apple-icloud", c, AT_MOST_MEDIUM, "Apple Inc. is in the US, which the EU recognises"],
    ["whatsapp", c, AT_MOST_MEDIUM, "Meta is in the US, which the EU recognises"],
    ["google-search", c, AT_MOST_MEDIUM, "Google is in the US, which the EU recognises"],
  ]),
  // A domestic service is never flagged for its own country's law.
  ["line", "US", ANY, "(any level; the next row is the point)"],
  ["mistral-le-chat", "FR", AT_MOST_LOW, "a French AI assistant for a French user"],
];

describe("calibration: levels a privacy lawyer would accept", () => {
  test("there are at least 40 rows", () => expect(rows.length).toBeGreaterThanOrEqual(40));

  test.each(rows)("%s for a user in %s is one of %j: %s", (service, country, allowed) => {
    expect(allowed).toContain(levelOf(service, country));
  });

  test("iCloud, WhatsApp and Google get the same level for every EEA user with the same facts", () => {
    for (const service of ["apple-icloud", "whatsapp", "google-search"]) {
      expect(new Set(["DE", "IE", "NL", "ES", "IT"].map((c) => levelOf(service, c))).size).toBe(1);
    }
  });

  test("no US-controlled service is high for a US user unless control, storage or access is in a country of concern", () => {
    for (const service of ds.services) {
      const ctx = serviceContext(ds, service, "US");
      const top = ctx.chain.at(-1)?.entity;
      const usControlled = top !== undefined && top.headquarters !== "unknown" && top.headquarters.country === "US" && ctx.chain.every((l) => l.entity.headquarters === "unknown" || l.entity.headquarters.country === "US");
      if (!usControlled) continue;
      const v = assessContext(ds, ctx, DEFAULT_CONCERNS, ds.version);
      if (v.level !== "high") continue;
      const highs = v.findings.filter((f) => f.severity === "high");
      expect([service.id, highs.every((f) => f.tier === "of-concern" && f.reach !== "possible-processing")]).toEqual([service.id, true]);
    }
  });
});

describe("a domestic service is never flagged for its own country's law", () => {
  test("no structural finding names a country of the user's home zone, nor a law of that zone", () => {
    for (const service of ds.services) {
      for (const country of CALIBRATION_COUNTRIES) {
        const ctx = serviceContext(ds, service, country);
        const v = assessContext(ds, ctx, DEFAULT_CONCERNS, ds.version);
        for (const f of v.findings.filter((x) => x.reach !== undefined)) {
          const homeCountries = f.countries.filter((c) => ctx.zone.home.has(c));
          const homeLaws = f.laws.filter((id) => {
            const law = ds.laws.find((l) => l.id === id)!;
            return jurisdictionOf(ds, law).some((c) => ctx.zone.home.has(c));
          });
          expect([service.id, country, f.kind, homeCountries, homeLaws]).toEqual([service.id, country, f.kind, [], []]);
        }
      }
    }
  });
});

describe("the committed calibration table", () => {
  test("docs/verdicts.md is what `npm run verdicts` produces (run it and review the diff)", () => {
    const committed = fs.readFileSync(path.join(ROOT, "docs/verdicts.md"), "utf8");
    expect(committed).toBe(verdictsMarkdown(ds));
  });

  test("no verdict contradicts its own headline", () => {
    const md = verdictsMarkdown(ds);
    const rowsMd = md.split("## Headlines")[1]!.split("\n").filter((l) => /^\| [A-Z][^|]+ \| (none|low|medium|high) \|/.test(l));
    expect(rowsMd.length).toBe(ds.services.length * CALIBRATION_COUNTRIES.length);
    for (const line of rowsMd) {
      const [, level, headline] = line.split(" | ").map((x) => x.trim());
      const reassuring = /Nothing in the dataset raises a concern|Too little is known to judge/;
      if (level === "none") expect(headline).toMatch(reassuring);
      else expect(headline).not.toMatch(reassuring);
    }
  });
});
