import { assess, DEFAULT_CONCERNS, levelRank, severityFor, type Finding, type FindingKind, type Level, type Profile } from "../../src/core/assess";
import { isCompiledDataset, type CompiledDataset, type Entity } from "../../src/core/dataset";
import { buildReport } from "../../src/core/report";
import { entity, miniDataset, SRC } from "../fixtures/mini-dataset";
import { operatorFallback, pickOperator, unlinkedOwner } from "../../src/core/context";
import { controlChain } from "../../src/core/ownership";
import { evidenceSources } from "../../src/core/evidence";
import { userZone } from "../../src/core/regions";
import { userLawStatuses, userLegalProfile } from "../../src/core/tiers";

const ds = miniDataset();
const TODAY = "2026-06-01";
const service = (id: string) => ds.services.find((s) => s.id === id)!;
const profile = (country: string, concerns = DEFAULT_CONCERNS): Profile => ({ country, concerns });
const kinds = (findings: Finding[]) => findings.map((f) => f.kind).sort();
const find = (findings: Finding[], kind: FindingKind) => findings.find((f) => f.kind === kind);
const findIn = (findings: Finding[], kind: FindingKind, country: string) => findings.find((f) => f.kind === kind && f.countries.includes(country));
/** The mini dataset plus some companies and one service run worldwide by `operator`: its findings for a user. */
function extended(companies: Entity[], operator: string, extraLaws: CompiledDataset["laws"] = []) {
  const base = miniDataset();
  const svc = { ...service("euroshop"), id: "extra", domains: ["extra.example"], operators: [{ entity: operator, regions: ["*"], source: SRC }], storage: [] };
  const data: CompiledDataset = {
    ...base, entities: { ...base.entities, ...Object.fromEntries(companies.map((e) => [e.id, e])) }, services: [...base.services, svc], laws: [...base.laws, ...extraLaws],
  };
  return (user: string) => assess(data, svc, profile(user), TODAY).findings;
}

describe("severity table", () => {
  // Rows: how the user's law sees the state. Columns: control, stored/access (compelling law there), stored/access (none), processor, possible.
  const table: Array<[Parameters<typeof severityFor>[0], Level, Level, Level, Level, Level]> = [
    ["of-concern", "high", "high", "high", "medium", "medium"],
    ["not-recognised", "medium", "high", "medium", "medium", "low"],
    ["recognised", "low", "low", "low", "low", "low"],
    ["unconditioned", "medium", "medium", "low", "medium", "low"],
  ];
  test.each(table)("%s", (tier, control, storedCompels, storedNot, processor, possible) => {
    expect(severityFor(tier, "control", true, false)).toBe(control);
    expect(severityFor(tier, "storage", true, false)).toBe(storedCompels);
    expect(severityFor(tier, "access", true, false)).toBe(storedCompels);
    expect(severityFor(tier, "storage", false, false)).toBe(storedNot);
    expect(severityFor(tier, "processor", true, false)).toBe(processor);
    expect(severityFor(tier, "possible-processing", true, false)).toBe(possible);
  });

  test("recognised storage needs the certification the decision requires, when the dataset records it missing", () => {
    expect(severityFor("recognised", "storage", true, true)).toBe("medium");
    expect(severityFor("recognised", "storage", true, false)).toBe("low");
  });

  test("control by a recognised or unconditioned state without a compelling law is low", () => {
    expect(severityFor("not-recognised", "control", false, false)).toBe("low");
    expect(severityFor("unconditioned", "control", false, false)).toBe("low");
  });
});

describe("assess: level and finding kinds per profile", () => {
  const table: Array<[string, string, Level, FindingKind[]]> = [
    // Run from CN through a KY holding; staff in CN can access European data; an Irish fine about EEA data; a sale.
    ["clip", "FR", "high", ["controlled-from", "controlled-from", "ownership-change", "regulatory-action", "remote-access-from"]],
    // US users are served by a US joint venture in which the old parent keeps only a minority stake; the Irish fine is about EEA data.
    ["clip", "US", "low", ["ownership-change"]],
    // UK users fall back to the global operator (run from CN, incorporated in KY); storage SG/MY, which UK law does not recognise.
    ["clip", "GB", "medium", ["controlled-from", "controlled-from", "ownership-change", "stored-in"]],
    // Japan's law is not in this dataset: compelled access is medium, never high.
    ["clip", "JP", "medium", ["controlled-from", "controlled-from", "ownership-change", "stored-in"]],
    // A European shop with a Chinese minority investor is not foreign-controlled.
    ["euroshop", "FR", "none", []],
    // US law sets no transfer condition on France and France has no compelling law here.
    ["euroshop", "US", "low", ["controlled-from", "stored-in"]],
    // Stored in the EEA by an Irish subsidiary; the US parent is in a state the EU recognises.
    ["cloudy", "FR", "low", ["controlled-from"]],
    ["cloudy", "US", "none", []],
    // UK users: an Irish operator under a US parent, both recognised by UK law; their data is in the US and
    // the UK data bridge status is not recorded, which is "not stated", not a negative.
    ["cloudy", "GB", "low", ["controlled-from", "controlled-from", "stored-in"]],
    ["cloudy", "JP", "medium", ["controlled-from", "stored-in"]],
    // The same facts with the certification looked up and not found: the transfer lacks its tool.
    ["uncertified", "FR", "medium", ["controlled-from", "stored-in"]],
    // Sold to a US buyer: judged by the current owner, not the former Chinese one.
    ["chat", "FR", "low", ["controlled-from", "ownership-change", "stored-in"]],
    ["chat", "US", "low", ["ownership-change"]],
    // Run from and storing in a country a US law names as a foreign adversary.
    ["red", "US", "high", ["foreign-adversary-control", "stored-in"]],
    ["red", "FR", "high", ["controlled-from", "stored-in"]],
    ["red", "JP", "medium", ["controlled-from", "stored-in"]],
    ["jpsvc", "JP", "none", []],
    ["jpsvc", "FR", "low", ["controlled-from", "stored-in"]],
    ["jpsvc", "GB", "low", ["controlled-from", "stored-in"]],
    // Nothing stated is said, never counted: no level.
    ["mystery", "FR", "none", ["operator-unknown", "storage-unknown"]],
    ["mystery", "US", "none", ["operator-unknown", "storage-unknown"]],
    // A US operator whose provider is controlled from a country of concern: medium, not high.
    ["usvideo", "US", "medium", ["processor-in"]],
    ["usvideo", "FR", "low", ["controlled-from", "stored-in"]],
    // A company the user's own law names.
    ["named", "US", "high", ["foreign-adversary-control", "storage-unknown"]],
    // A British broadcaster: the UK is recognised by the EU; US law sets no condition but UK law can compel access.
    ["broadcaster", "FR", "low", ["controlled-from", "stored-in"]],
    ["broadcaster", "US", "medium", ["controlled-from", "stored-in"]],
  ];
  test.each(table)("%s for %s → %s", (id, country, level, expected) => {
    const v = assess(ds, service(id), profile(country), TODAY);
    expect(kinds(v.findings)).toEqual([...expected].sort());
    expect(v.level).toBe(level);
  });
});

describe("assess: typed reach in detail", () => {
  test("the place a group is run from counts as control, apart from where it is registered", () => {
    const v = assess(ds, service("market"), profile("FR"), TODAY);
    const cn = findIn(v.findings, "controlled-from", "CN")!;
    expect([cn.severity, cn.compels, cn.tier, cn.registeredOnly]).toEqual(["medium", true, "not-recognised", undefined]);
    expect(cn.laws).toEqual(["cn-intel"]);
    expect(findIn(v.findings, "controlled-from", "KY")!.registeredOnly).toBe(true);
    const us = assess(ds, service("market"), profile("US"), TODAY);
    expect(findIn(us.findings, "foreign-adversary-control", "CN")!.userLaws).toEqual(["us-adversary-apps"]);
  });

  test("a footprint list is shown as possible processing and never raises the level above medium", () => {
    const fr = assess(ds, service("market"), profile("FR"), TODAY);
    const possible = fr.findings.filter((f) => f.kind === "possible-processing");
    expect(possible.flatMap((f) => f.countries).sort()).toEqual(["CN", "HK", "SG", "US"]);
    expect(possible.every((f) => f.severity === "low")).toBe(true);
    expect(find(fr.findings, "storage-unknown")).toBeDefined();
    // For a US user, China is of concern: a possible processing there is medium, never high.
    const us = assess(ds, service("market"), profile("US"), TODAY);
    expect(findIn(us.findings, "possible-processing", "CN")!.severity).toBe("medium");
    expect(find(us.findings, "stored-in")).toBeUndefined();
  });

  test("a stored or access fact older than three years counts one step lower and carries its year", () => {
    const v = assess(ds, service("market"), profile("FR"), TODAY);
    const access = find(v.findings, "remote-access-from")!;
    expect([access.severity, access.reportedYear]).toEqual(["medium", "2020"]);
    const fresh = assess(ds, service("market"), profile("FR"), "2022-06-01");
    expect(find(fresh.findings, "remote-access-from")!.severity).toBe("high");
  });

  test("a foreign-adversary finding needs control or a designation, not storage", () => {
    const v = assess(ds, service("red"), profile("US"), TODAY);
    const fa = find(v.findings, "foreign-adversary-control")!;
    expect([fa.reach, fa.countries]).toEqual(["control", ["CN"]]);
    const stored = find(v.findings, "stored-in")!;
    expect([stored.tier, stored.severity]).toEqual(["of-concern", "high"]);
    const named = find(assess(ds, service("named"), profile("US"), TODAY).findings, "foreign-adversary-control")!;
    expect([named.designated, named.entities, named.userLaws]).toEqual([true, ["named-app-co"], ["us-adversary-apps"]]);
  });

  test("a named processor controlled from abroad is its own finding", () => {
    const v = assess(ds, service("usvideo"), profile("US"), TODAY);
    const p = find(v.findings, "processor-in")!;
    expect([p.countries, p.entities, p.tier]).toEqual([["CN"], ["red-services-llc", "red-app-co"], "of-concern"]);
  });

  test("an unrecorded certification is not stated; a recorded absence lowers nothing else", () => {
    const gb = assess(ds, service("cloudy"), profile("GB"), TODAY);
    expect(find(gb.findings, "stored-in")!.certification).toEqual({ scheme: "uk-us-data-bridge", status: "not-stated" });
    const fr = assess(ds, service("uncertified"), profile("FR"), TODAY);
    expect(find(fr.findings, "stored-in")!.certification).toEqual({ scheme: "eu-us-dpf", status: "not-listed" });
    expect(find(fr.findings, "controlled-from")!.severity).toBe("low");
  });

  test("no operator for the region: the company the service belongs to is named, never dropped", () => {
    const v = assess(ds, service("market"), profile("JP"), TODAY);
    expect(find(v.findings, "operator-unknown")!.entities).toEqual(["market-holdings"]);
    expect(findIn(v.findings, "controlled-from", "CN")!.severity).toBe("medium");
    const r = buildReport(ds, "https://market.example/", "JP", DEFAULT_CONCERNS, TODAY);
    expect([r.operator, r.operatorFallback?.id, r.operatorFallback?.basis]).toEqual([null, "market-holdings", "owner"]);
  });

  test("the user's law status is reported: restricted, unrestricted or not modelled", () => {
    expect(assess(ds, service("market"), profile("FR"), TODAY).userLaw.status).toBe("restricted");
    expect(assess(ds, service("market"), profile("IN"), TODAY).userLaw).toEqual({ status: "unrestricted", laws: ["in-dp"] });
    expect(assess(ds, service("market"), profile("JP"), TODAY).userLaw).toEqual({ status: "not-modelled", laws: [] });
  });

  test("a country that recognises only the EEA does not recognise the US", () => {
    const v = assess(ds, service("cloudy"), profile("BR"), TODAY);
    const us = find(v.findings, "stored-in")!;
    // Medium, not high: the US law in this dataset binds US companies (control), not whatever is stored in the US.
    expect([us.tier, us.severity, us.compels, us.userLaws]).toEqual(["not-recognised", "medium", false, ["br-transfers"]]);
    expect(find(v.findings, "controlled-from")!.severity).toBe("medium");
    // China's law reaches what is stored there.
    expect(find(assess(ds, service("red"), profile("BR"), TODAY).findings, "stored-in")!.severity).toBe("high");
    const eu = assess(ds, service("euroshop"), profile("BR"), TODAY);
    expect(find(eu.findings, "stored-in")!.tier).toBe("recognised");
  });
});

describe("assess: news that matters to this user", () => {
  test("an action by the user's own state is a finding of its own, at least medium", () => {
    const fr = assess(ds, service("market"), profile("FR"), TODAY);
    const own = find(fr.findings, "own-state-action")!;
    expect([own.severity, own.date, own.countries]).toEqual(["medium", "2026-04-01", ["FR"]]);
    const india = assess(ds, service("market"), profile("IN"), TODAY);
    expect(find(india.findings, "own-state-action")!.date).toBe("2026-02-01");
    expect(india.level).toBe("medium");
  });

  test("a ban by the user's own state stands until it is lifted; any other event counts while it is recent", () => {
    const india = find(assess(ds, service("red"), profile("IN"), TODAY).findings, "own-state-action")!;
    expect([india.severity, india.date]).toEqual(["medium", "2020-06-29"]);
    expect(find(assess(ds, service("red"), profile("FR"), TODAY).findings, "own-state-action")).toBeUndefined();
    // Before it was lifted, the French suspension counted for French users.
    expect(find(assess(ds, service("red"), profile("FR"), "2021-04-01").findings, "own-state-action")!.date).toBe("2021-03-01");
  });

  test("another state's action counts only when it concerns this user's data", () => {
    expect(find(assess(ds, service("market"), profile("DE"), TODAY).findings, "own-state-action")).toBeUndefined();
    expect(find(assess(ds, service("market"), profile("DE"), TODAY).findings, "regulatory-action")).toBeUndefined();
    expect(find(assess(ds, service("clip"), profile("DE"), TODAY).findings, "regulatory-action")!.severity).toBe("low");
    expect(find(assess(ds, service("clip"), profile("US"), TODAY).findings, "regulatory-action")).toBeUndefined();
  });

  test("topics outside data (an age rule) never feed the verdict", () => {
    const au = assess(ds, service("market"), profile("AU"), TODAY);
    expect(au.findings.some((f) => f.sources.some((s) => s.url === "https://example.org/au-age"))).toBe(false);
  });

  test("old news is not recent; future-dated news is ignored", () => {
    const v = assess(ds, service("clip"), profile("US"), TODAY);
    expect(find(v.findings, "data-breach")).toBeUndefined();
    const early = assess(ds, service("clip"), profile("US"), "2025-06-01");
    expect(find(early.findings, "ownership-change")).toBeUndefined();
  });

  test("the headline finding is structural when a structural reason exists", () => {
    const v = assess(ds, service("market"), profile("FR"), TODAY);
    expect(v.findings[0]!.kind).toBe("controlled-from");
    expect(v.findings[0]!.severity).toBe("medium");
  });
});

describe("assess: hard cases", () => {
  test("a minority stake shows in the report but not as control", () => {
    const r = buildReport(ds, "https://www.clip.example/@someone", "US", DEFAULT_CONCERNS, TODAY);
    expect(r.ownershipChain.map((e) => e.id)).toEqual(["clip-us-jv"]);
    expect(r.minorityStakes.map((s) => [s.holder.id, s.share])).toEqual([["us-investor", 45], ["clip-group", 19.9]]);
  });

  test("storage in the user's zone does not hide a parent's foreign control", () => {
    const v = assess(ds, service("cloudy"), profile("DE"), TODAY);
    expect(find(v.findings, "stored-in")).toBeUndefined();
    const control = find(v.findings, "controlled-from")!;
    expect([control.countries, control.entities, control.compels, control.severity]).toEqual([["US"], ["cloudy-inc"], true, "low"]);
  });

  test("a repealed law never produces a finding", () => {
    const v = assess(ds, service("red"), profile("FR"), TODAY);
    expect(v.findings.flatMap((f) => f.laws)).not.toContain("ru-old");
  });

  test("region-specific statements win over global ones", () => {
    const r = buildReport(ds, "https://clip.example/", "FR", DEFAULT_CONCERNS, TODAY);
    expect(r.storage.map((s) => s.countries)).toEqual([["IE", "NO"]]);
    const jp = buildReport(ds, "https://clip.example/", "JP", DEFAULT_CONCERNS, TODAY);
    expect(jp.storage.map((s) => s.countries)).toEqual([["SG", "MY"]]);
  });

  test("turning a concern off removes its findings and lowers the level", () => {
    const concerns = { ...DEFAULT_CONCERNS, "remote-access-from": false, "controlled-from": false };
    const v = assess(ds, service("clip"), profile("FR", concerns), TODAY);
    expect(kinds(v.findings)).toEqual(["ownership-change", "regulatory-action"]);
    expect(v.level).toBe("low");
  });

  test("every finding that raises a level carries its sources", () => {
    for (const s of ds.services) {
      for (const c of ["FR", "US", "GB", "JP", "IN"]) {
        for (const f of assess(ds, s, profile(c), TODAY).findings) {
          if (f.severity === "none") continue;
          expect([s.id, c, f.kind, f.sources.length > 0]).toEqual([s.id, c, f.kind, true]);
        }
      }
    }
  });
});

describe("pickOperator: the most specific operator wins, whatever the file's order", () => {
  const src = { url: "https://example.org/p", publisher: "Example", date: "2026-01-01" };
  const op = (entity: string, regions: string[]) => ({ entity, regions, source: src });
  const world = op("world-co", ["*"]);
  const europe = op("europe-co", ["EEA", "CH"]);
  const france = op("france-co", ["FR"]);
  const americas = op("americas-co", ["US", "CA"]);
  const zone = (country: string) => userZone(ds.groups, country);

  test("a regional operator listed after the worldwide one still serves that region", () => {
    expect(pickOperator([world, europe, americas], zone("DE"))?.entity).toBe("europe-co");
    expect(pickOperator([world, europe, americas], zone("US"))?.entity).toBe("americas-co");
  });
  test("the user's own country beats their region, and the worldwide operator serves everyone else", () => {
    expect(pickOperator([europe, world, france], zone("FR"))?.entity).toBe("france-co");
    expect(pickOperator([europe, world, france], zone("JP"))?.entity).toBe("world-co");
  });
  test("no operator when none covers the user; the first listed wins among equals", () => {
    expect(pickOperator([europe, france], zone("JP"))).toBeUndefined();
    expect(pickOperator([op("first", ["*"]), op("second", ["*"])], zone("JP"))?.entity).toBe("first");
  });
});

describe("assess: every branch of the news rules", () => {
  // Each case: one service (the mini dataset's French shop) carrying the given news, judged on 1 June 2026.
  type NewsItem = CompiledDataset["services"][number]["news"][number];
  let serial = 0;
  const item = (over: Partial<NewsItem>): NewsItem => ({
    date: "2026-03-01", headline: `item ${++serial}`, outlet: "Outlet", url: `https://example.org/news/${serial}`, kind: "other", topic: "privacy", jurisdiction: "none", ...over,
  });
  const withNews = (...news: NewsItem[]) => ({ ...service("euroshop"), news });
  const newsOf = (country: string, ...news: NewsItem[]) =>
    assess(ds, withNews(...news), profile(country), TODAY).findings.filter((f) => ["ownership-change", "data-breach", "own-state-action", "regulatory-action"].includes(f.kind));
  const summary = (country: string, ...news: NewsItem[]) => newsOf(country, ...news).map((f) => `${f.kind}:${f.severity}:${f.countries.join(",")}`);

  test("a change of owner is low for everyone, with the country only when an authority is named", () => {
    expect(summary("DE", item({ kind: "ownership", topic: "ownership" }))).toEqual(["ownership-change:low:"]);
    expect(summary("DE", item({ kind: "other", topic: "ownership" }))).toEqual(["ownership-change:low:"]);
    expect(summary("DE", item({ kind: "ownership", topic: "ownership", jurisdiction: "US" }))).toEqual(["ownership-change:low:US"]);
    // A state's review of a deal that has not happened is not a change of owner.
    expect(summary("DE", item({ kind: "other", topic: "ownership", jurisdiction: "GB" }))).toEqual([]);
  });

  test("a breach counts only for the users whose data it concerns", () => {
    expect(summary("DE", item({ kind: "breach", topic: "security" }))).toEqual(["data-breach:low:"]);
    expect(summary("US", item({ kind: "breach", topic: "security", jurisdiction: "US", dataOf: ["US"] }))).toEqual(["data-breach:low:US"]);
    expect(summary("DE", item({ kind: "breach", topic: "security", jurisdiction: "US", dataOf: ["US"] }))).toEqual([]);
    expect(summary("DE", item({ kind: "breach", topic: "security", jurisdiction: "US" }))).toEqual([]);
  });

  test("an authority's action: the user's own state is medium; another's counts when it concerns the user (a ban medium, the rest low)", () => {
    const frenchFine = item({ kind: "fine", jurisdiction: "FR" });
    expect(summary("FR", frenchFine)).toEqual(["own-state-action:medium:FR"]);
    expect(summary("DE", frenchFine)).toEqual([]);
    // A regional authority is the user's own; it has no single country to name.
    expect(summary("DE", item({ kind: "law", jurisdiction: "EEA" }))).toEqual(["own-state-action:medium:"]);
    const irishFine = item({ kind: "fine", jurisdiction: "IE", dataOf: ["EEA"] });
    expect(summary("DE", irishFine)).toEqual(["regulatory-action:low:IE"]);
    expect(summary("US", irishFine)).toEqual([]);
    expect(summary("DE", item({ kind: "ban", jurisdiction: "IN", dataOf: ["*"] }))).toEqual(["regulatory-action:medium:IN"]);
    expect(summary("DE", item({ kind: "transfer", jurisdiction: "IN", dataOf: ["*"] }))).toEqual(["regulatory-action:low:IN"]);
    // Not an action (an inquiry opened, a statement): nothing, even from the user's own state.
    expect(summary("FR", item({ kind: "other", jurisdiction: "FR" }))).toEqual([]);
  });

  test("recent means 24 months to the month; a ban by the user's own state stands until the day it ends; the future and non-data topics never count", () => {
    expect(summary("FR", item({ kind: "fine", jurisdiction: "FR", date: "2024-06-30" }))).toEqual(["own-state-action:medium:FR"]);
    expect(summary("FR", item({ kind: "fine", jurisdiction: "FR", date: "2024-05-31" }))).toEqual([]);
    expect(summary("FR", item({ kind: "ban", jurisdiction: "FR", date: "2019-01-01" }))).toEqual(["own-state-action:medium:FR"]);
    expect(summary("FR", item({ kind: "ban", jurisdiction: "FR", date: "2019-01-01", ended: "2026-06-02" }))).toEqual(["own-state-action:medium:FR"]);
    expect(summary("FR", item({ kind: "ban", jurisdiction: "FR", date: "2019-01-01", ended: TODAY }))).toEqual([]);
    // Another state's old ban does not stand for this user.
    expect(summary("DE", item({ kind: "ban", jurisdiction: "IN", date: "2019-01-01", dataOf: ["*"] }))).toEqual([]);
    expect(summary("FR", item({ kind: "fine", jurisdiction: "FR", date: TODAY }))).toEqual(["own-state-action:medium:FR"]);
    expect(summary("FR", item({ kind: "fine", jurisdiction: "FR", date: "2026-06-02" }))).toEqual([]);
    expect(summary("FR", item({ kind: "fine", jurisdiction: "FR", topic: "competition" }))).toEqual([]);
  });

  test("items of one kind make one finding: newest first, every source kept, the highest severity", () => {
    const older = item({ kind: "ownership", topic: "ownership", date: "2025-01-01" });
    const newer = item({ kind: "ownership", topic: "ownership", date: "2026-01-01" });
    const [change] = newsOf("DE", older, newer);
    expect(change!.date).toBe("2026-01-01");
    expect(change!.headline).toBe(newer.headline);
    expect(change!.sources.map((s) => s.url)).toEqual([newer.url, older.url]);
    expect(change!.sources[0]).toEqual({ url: newer.url, publisher: "Outlet", date: "2026-01-01", title: newer.headline });
    const actions = newsOf("DE", item({ kind: "fine", jurisdiction: "IE", dataOf: ["EEA"], date: "2026-02-01" }), item({ kind: "ban", jurisdiction: "IN", dataOf: ["*"], date: "2025-02-01" }));
    expect(actions.map((f) => [f.kind, f.severity, f.sources.length, f.newsKind])).toEqual([["regulatory-action", "medium", 2, "fine"]]);
  });

  test("findings are ordered by severity, then structure before events", () => {
    const v = assess(ds, withNews(item({ kind: "fine", jurisdiction: "FR" }), item({ kind: "ownership", topic: "ownership" })), profile("FR"), TODAY);
    const order = v.findings.map((f) => f.kind);
    expect(order.indexOf("own-state-action")).toBeLessThan(order.indexOf("ownership-change"));
    for (let i = 1; i < v.findings.length; i++) expect(levelRank(v.findings[i - 1]!.severity)).toBeGreaterThanOrEqual(levelRank(v.findings[i]!.severity));
  });
});

describe("assess: which laws count as able to compel", () => {
  /** The mini dataset plus one service run by a company headquartered and incorporated in `country`, and extra laws. */
  const controlledFrom = (country: string, extraLaws: CompiledDataset["laws"] = []) => {
    const findings = extended([entity("far-co", country, country)], "far-co", extraLaws);
    return (user: string) => find(findings(user), "controlled-from");
  };
  const lawOf = (over: Partial<CompiledDataset["laws"][number]>): CompiledDataset["laws"][number] => ({
    ...ds.laws.find((l) => l.id === "ru-old")!, status: { value: "in-force", checked: "2026-01-01", source: SRC }, ...over,
  });

  test("a repealed law compels no one", () => {
    const ru = controlledFrom("RU")("JP")!;
    expect(ru.laws).toEqual([]);
    expect(ru.compels).toBe(false);
    const inForce = controlledFrom("RU", [lawOf({ id: "ru-new" })])("JP")!;
    expect([inForce.laws, inForce.compels]).toEqual([["ru-new"], true]);
  });

  test("a bloc's law reaches only the member countries its reach lists", () => {
    const bloc = lawOf({ id: "bloc-law", jurisdiction: "eea", reach: [{ basis: "headquarters", countries: ["FR"] }, { basis: "storage", countries: ["DE"] }] });
    expect(controlledFrom("FR", [bloc])("JP")!.laws).toContain("bloc-law");
    expect(controlledFrom("NL", [bloc])("JP")?.laws ?? []).not.toContain("bloc-law");
  });
});

describe("assess: storage statements in detail", () => {
  const withStorage = (storage: CompiledDataset["services"][number]["storage"]) => ({ ...service("euroshop"), storage });
  const stmt = (countries: string[], date: string, basis: "stated" | "possible" = "stated") =>
    ({ countries, basis, appliesTo: ["*"], statement: "Stored there.", source: { url: `https://example.org/storage/${date}/${countries.join("-")}`, publisher: "Example", date } });

  test("a footprint list is never read as where the data is stored", () => {
    const v = assess(ds, service("market"), profile("DE"), TODAY);
    expect(find(v.findings, "stored-in")).toBeUndefined();
    expect(find(v.findings, "storage-unknown")).toBeDefined();
    expect(v.findings.filter((f) => f.kind === "possible-processing").flatMap((f) => f.countries)).toEqual(expect.arrayContaining(["CN", "US", "SG", "HK"]));
  });

  test("a statement is reported with its year, one level lower, once it is more than 36 months old; the newest statement for a country decides", () => {
    const fresh = find(assess(ds, withStorage([stmt(["CN"], "2023-06-01")]), profile("DE"), TODAY).findings, "stored-in")!;
    expect(fresh.reportedYear).toBeUndefined();
    const stale = find(assess(ds, withStorage([stmt(["CN"], "2023-05-01")]), profile("DE"), TODAY).findings, "stored-in")!;
    expect(stale.reportedYear).toBe("2023");
    expect(levelRank(stale.severity)).toBe(levelRank(fresh.severity) - 1);
    const both = find(assess(ds, withStorage([stmt(["CN"], "2026-01-01"), stmt(["CN"], "2019-01-01")]), profile("DE"), TODAY).findings, "stored-in")!;
    expect(both.reportedYear).toBeUndefined();
    expect(both.sources).toHaveLength(2);
  });

  test("a possible location names the laws that reach data stored there", () => {
    const possible = find(assess(ds, withStorage([stmt(["CN"], "2026-01-01", "possible")]), profile("DE"), TODAY).findings, "possible-processing")!;
    expect(possible.laws).toEqual(["cn-intel"]);
    expect(possible.compels).toBe(true);
  });

  test("a provider named in the policy is judged by its own chain's laws", () => {
    const p = find(assess(ds, service("usvideo"), profile("US"), TODAY).findings, "processor-in")!;
    expect(p.countries).toContain("CN");
    expect(p.laws).toContain("cn-intel");
    expect(p.compels).toBe(true);
  });

  test("a chain's companies in one country are named ultimate parent first", () => {
    const parent = entity("top-co", "RU", "RU");
    const sub = entity("sub-co", "RU", "RU", [{ entity: "top-co", controls: true, share: 100, source: SRC }]);
    expect(find(extended([parent, sub], "sub-co")("JP"), "controlled-from")!.entities).toEqual(["top-co", "sub-co"]);
  });
});

describe("operatorFallback: whom to name when no operator covers the user", () => {
  const company = (id: string, owner?: string, hq: string | null = "US") => entity(id, hq, null, owner ? [{ entity: owner, controls: true, share: 100, source: SRC }] : []);
  const entities = { top: company("top"), other: company("other"), bare: company("bare", undefined, null), "a-eu": company("a-eu", "top"), "a-us": company("a-us", "top"), "b-us": company("b-us", "other"), "c-eu": company("c-eu", "bare") };
  const topHeadOffice = entities.top.headquarters;
  const op = (entity: string, regions: string[]) => ({ entity, regions, source: { ...SRC, url: `https://example.org/policy/${entity}` } });
  const svc = (over: Partial<CompiledDataset["services"][number]>) => ({ ...service("euroshop"), owner: undefined, ...over });

  test("the recorded owner first, when it is in the dataset", () => {
    expect(operatorFallback(entities, svc({ owner: { entity: "other", source: SRC }, operators: [op("a-eu", ["EEA"])] }))).toEqual({ entity: "other", source: SRC, basis: "owner" });
    expect(operatorFallback(entities, svc({ owner: { entity: "missing", source: SRC }, operators: [] }))).toBeUndefined();
  });

  test("else the parent every operator's chain ends at, cited by its head office or else the first operator's source", () => {
    expect(operatorFallback(entities, svc({ operators: [op("a-eu", ["EEA"]), op("a-us", ["US"])] }))).toEqual({ entity: "top", source: topHeadOffice !== "unknown" && topHeadOffice.source, basis: "common-parent" });
    expect(operatorFallback(entities, svc({ operators: [op("c-eu", ["EEA"])] }))).toEqual({ entity: "bare", source: op("c-eu", []).source, basis: "common-parent" });
  });

  test("never a guess between different groups, and nothing without operators", () => {
    expect(operatorFallback(entities, svc({ operators: [op("a-eu", ["EEA"]), op("b-us", ["US"])] }))).toBeUndefined();
    expect(operatorFallback(entities, svc({ operators: [] }))).toBeUndefined();
  });
});

describe("unlinkedOwner: the company a service belongs to when the operator's chain does not reach it", () => {
  const company = (id: string, owner?: string) => entity(id, "US", null, owner ? [{ entity: owner, controls: true, share: 100, source: SRC }] : []);
  const entities = { top: company("top"), other: company("other"), "a-eu": company("a-eu", "top") };
  const svc = (owner?: string) => ({ ...service("euroshop"), owner: owner ? { entity: owner, source: SRC } : undefined });
  const chainOf = (id: string) => controlChain(entities, id);

  test("named when neither the operator's chain reaches the owner nor the owner controls the operator", () => {
    expect(unlinkedOwner(entities, svc("other"), chainOf("a-eu"))).toEqual({ entity: "other", source: SRC });
  });

  test("not named when the chain reaches it, when it sits below the operator, or when there is nothing to compare", () => {
    expect(unlinkedOwner(entities, svc("top"), chainOf("a-eu"))).toBeUndefined();
    expect(unlinkedOwner(entities, svc("a-eu"), chainOf("top"))).toBeUndefined();
    expect(unlinkedOwner(entities, svc("missing"), chainOf("a-eu"))).toBeUndefined();
    expect(unlinkedOwner(entities, svc(), chainOf("a-eu"))).toBeUndefined();
    expect(unlinkedOwner(entities, svc("other"), [])).toBeUndefined();
  });

  test("the report shows it beside the operator's chain, and the verdict does not read it", () => {
    const cut = { ...ds, entities: { ...ds.entities, "market-eu": { ...ds.entities["market-eu"]!, owners: [] } } };
    const linked = buildReport(ds, "https://market.example/", "DE", DEFAULT_CONCERNS, TODAY);
    expect(linked.unlinkedOwner).toBeNull();
    const r = buildReport(cut, "https://market.example/", "DE", DEFAULT_CONCERNS, TODAY);
    expect([r.operator?.id, r.ownershipChain.map((e) => e.id), r.unlinkedOwner?.id, r.unlinkedOwner?.ownerSource]).toEqual(["market-eu", ["market-eu"], "market-holdings", service("market").owner!.source]);
    expect(evidenceSources(r).map((x) => x.url)).toContain(service("market").owner!.source.url);
    const withoutOwner = { ...cut, services: cut.services.map((s) => (s.id === "market" ? { ...s, owner: undefined } : s)) };
    expect(r.verdict).toEqual(buildReport(withoutOwner, "https://market.example/", "DE", DEFAULT_CONCERNS, TODAY).verdict);
    expect(buildReport(cut, "https://market.example/", "JP", DEFAULT_CONCERNS, TODAY).unlinkedOwner).toBeNull();
  });
});

describe("report views of companies, stakes and news", () => {
  const one = { url: "https://example.org/one", publisher: "P", date: "2026-01-01" };
  const two = { url: "https://example.org/two", publisher: "P", date: "2026-01-01" };

  test("each company's places as stated, their sources once each, and the share and votes of the controlling edge", () => {
    const d = structuredClone(ds);
    d.entities["cloudy-ireland"] = { ...d.entities["cloudy-ireland"]!, legalDomicile: "unknown", headquarters: { country: "IE", source: one }, owners: [{ entity: "cloudy-inc", controls: true, share: 60, voting: 90, source: one }] };
    d.entities["cloudy-inc"] = { ...d.entities["cloudy-inc"]!, legalDomicile: { country: "US", source: one }, headquarters: { country: "US", source: one }, operations: { country: "US", source: two }, owners: [{ entity: "holder", controls: false, voting: 20, source: one }] };
    d.entities.holder = entity("holder", null, "GB");
    const r = buildReport(d, "https://cloudy.example/", "FR", DEFAULT_CONCERNS, TODAY);
    expect(r.ownershipChain.map((e) => [e.id, e.legalDomicile, e.headquarters, e.operations, e.share, e.voting, e.sources.map((x) => x.url)])).toEqual([
      ["cloudy-ireland", "unknown", "IE", undefined, undefined, undefined, [one.url]],
      ["cloudy-inc", "US", "US", "US", 60, 90, [one.url, two.url]],
    ]);
    expect(r.minorityStakes).toEqual([{ holder: expect.objectContaining({ id: "holder", legalDomicile: "GB", headquarters: "unknown" }), in: { id: "cloudy-inc", name: "cloudy inc" }, voting: 20 }]);
  });

  test("news newest first; items of the same day keep the dataset's order", () => {
    const item = (date: string, headline: string) => ({ date, headline, outlet: "News", url: `https://example.org/${headline}`, kind: "other" as const, topic: "other" as const, jurisdiction: "none" });
    const d = { ...ds, services: ds.services.map((x) => (x.id === "euroshop" ? { ...x, news: [item("2024-05-01", "old"), item("2026-01-01", "a"), item("2025-03-01", "mid"), item("2026-01-01", "b")] } : x)) };
    expect(buildReport(d, "https://euroshop.example/", "FR", DEFAULT_CONCERNS, TODAY).news.map((n) => n.headline)).toEqual(["a", "b", "mid", "old"]);
  });
});

describe("userLawStatuses: how each country's own law is modelled", () => {
  test("restricted, unrestricted or not modelled, from in-force laws only", () => {
    expect(userLawStatuses(ds, ["FR", "GB", "IN", "NG"])).toEqual({ FR: "restricted", GB: "restricted", IN: "unrestricted", NG: "not-modelled" });
    const repealed = { ...ds, laws: ds.laws.map((l) => (l.id === "in-dp" ? { ...l, status: { ...l.status, value: "repealed" as const } } : l)) };
    expect(userLawStatuses(repealed, ["IN"])).toEqual({ IN: "not-modelled" });
  });

  test("a naming law lists its own laws; a recognised state names the transfer law and what it requires", () => {
    const fr = userLegalProfile(ds.groups, ds.laws.filter((l) => l.userRegions.includes("EEA")));
    expect(fr.standing("US")).toEqual({ tier: "recognised", laws: ["eu-transfers"], requires: "eu-us-dpf" });
    expect(fr.standing("JP")).toEqual({ tier: "recognised", laws: ["eu-transfers"] });
    expect(fr.standing("CN")).toEqual({ tier: "not-recognised", laws: ["eu-transfers"] });
    const us = userLegalProfile(ds.groups, ds.laws.filter((l) => l.userRegions.includes("US")));
    expect(us.standing("CN")).toEqual({ tier: "of-concern", laws: ["us-adversary-apps"] });
    expect(us.standing("GB")).toEqual({ tier: "unconditioned", laws: [] });
    // A law that only conditions transfers is not one that names countries of concern.
    expect(fr.laws).toEqual(["eu-transfers"]);
  });
});

describe("isCompiledDataset: the guard on the file read at run time", () => {
  test("accepts a compiled dataset and rejects anything else, field by field", () => {
    const good = miniDataset() as unknown as Record<string, unknown>;
    expect(isCompiledDataset(good)).toBe(true);
    for (const bad of [null, undefined, 1, "dataset", []]) expect(isCompiledDataset(bad)).toBe(false);
    const broken: Array<[string, unknown]> = [
      ["format", 2], ["version", 20261130], ["hash", null], ["domains", null], ["domains", "x"], ["hosts", null], ["hosts", 1],
      ["services", {}], ["entities", null], ["entities", "x"], ["laws", {}], ["groups", null], ["groups", 1],
    ];
    for (const [key, value] of broken) expect([key, isCompiledDataset({ ...good, [key]: value })]).toEqual([key, false]);
  });
});
