import { assess, DEFAULT_CONCERNS, type Finding, type FindingKind, type Level, type Profile } from "../../src/core/assess";
import { buildReport } from "../../src/core/report";
import { miniDataset } from "../fixtures/mini-dataset";

const ds = miniDataset();
const TODAY = "2026-06-01";
const service = (id: string) => ds.services.find((s) => s.id === id)!;
const profile = (country: string, concerns = DEFAULT_CONCERNS): Profile => ({ country, concerns });
const kinds = (findings: Finding[]) => findings.map((f) => f.kind).sort();
const find = (findings: Finding[], kind: FindingKind) => findings.find((f) => f.kind === kind);

describe("assess: level and finding kinds per profile", () => {
  const table: Array<[string, string, Level, FindingKind[]]> = [
    // Foreign-run video app with remote access from China for Europeans.
    ["clip", "FR", "high", ["compelled-access", "controlled-from", "outside-adequacy", "ownership-change", "regulatory-action", "remote-access-from"]],
    // US users are served by a US joint venture in which the old parent keeps only a minority stake.
    ["clip", "US", "low", ["ownership-change", "regulatory-action"]],
    // UK users fall back to the global operator (run from CN, incorporated in KY), storage SG/MY.
    ["clip", "GB", "medium", ["compelled-access", "controlled-from", "outside-adequacy", "ownership-change", "regulatory-action", "stored-in"]],
    // Japan has no transfer law in this dataset: legal reach alone is medium.
    ["clip", "JP", "medium", ["compelled-access", "controlled-from", "ownership-change", "regulatory-action", "stored-in"]],
    // A European shop with a Chinese minority investor is not foreign-controlled.
    ["euroshop", "FR", "none", []],
    ["euroshop", "US", "low", ["controlled-from", "stored-in"]],
    // Stored in the EEA, but the parent can be compelled by the US.
    ["cloudy", "FR", "medium", ["compelled-access", "controlled-from"]],
    ["cloudy", "US", "none", []],
    // UK users' data is in the US, and cloudy has no UK data-bridge certification: reachable and unprotected.
    ["cloudy", "GB", "high", ["compelled-access", "controlled-from", "outside-adequacy", "stored-in"]],
    ["cloudy", "JP", "medium", ["compelled-access", "controlled-from", "stored-in"]],
    // Sold to a US buyer: judged by the current owner, not the former Chinese one (and uncertified US storage is unprotected for the EEA).
    ["chat", "FR", "high", ["compelled-access", "controlled-from", "outside-adequacy", "ownership-change", "stored-in"]],
    ["chat", "US", "low", ["ownership-change"]],
    // Run from a country a US law names as a foreign adversary.
    ["red", "US", "high", ["compelled-access", "controlled-from", "foreign-adversary-control", "stored-in"]],
    ["red", "FR", "high", ["compelled-access", "controlled-from", "outside-adequacy", "stored-in"]],
    ["red", "JP", "medium", ["compelled-access", "controlled-from", "stored-in"]],
    ["jpsvc", "JP", "none", []],
    ["jpsvc", "FR", "low", ["controlled-from", "stored-in"]],
    ["jpsvc", "GB", "low", ["controlled-from", "stored-in"]],
    // Nothing stated is reported as unknown, never as safe.
    ["mystery", "FR", "low", ["operator-unknown", "storage-unknown"]],
    ["mystery", "US", "low", ["operator-unknown", "storage-unknown"]],
  ];
  test.each(table)("%s for %s → %s", (id, country, level, expected) => {
    const v = assess(ds, service(id), profile(country), TODAY);
    expect(kinds(v.findings)).toEqual([...expected].sort());
    expect(v.level).toBe(level);
  });
});

describe("assess: hard cases in detail", () => {
  test("offshore holding is judged where it is run and where it is incorporated", () => {
    const v = assess(ds, service("clip"), profile("JP"), TODAY);
    expect(find(v.findings, "controlled-from")!.countries.sort()).toEqual(["CN", "KY"]);
    expect(find(v.findings, "compelled-access")!.laws).toEqual(["cn-intel"]);
  });

  test("a minority stake shows in the report but not as control", () => {
    const r = buildReport(ds, "https://www.clip.example/@someone", "US", DEFAULT_CONCERNS, TODAY);
    expect(r.ownershipChain.map((e) => e.id)).toEqual(["clip-us-jv"]);
    expect(r.minorityStakes.map((s) => [s.holder.id, s.share])).toEqual([["us-investor", 45], ["clip-group", 19.9]]);
  });

  test("storage in the user's zone does not hide a parent's foreign legal exposure", () => {
    const v = assess(ds, service("cloudy"), profile("DE"), TODAY);
    expect(find(v.findings, "stored-in")).toBeUndefined();
    const compelled = find(v.findings, "compelled-access")!;
    expect(compelled.countries).toEqual(["US"]);
    expect(compelled.entities).toEqual(["cloudy-inc"]);
    expect(compelled.severity).toBe("medium");
  });

  test("a certification named by an adequacy decision makes that country safe", () => {
    // cloudy holds eu-us-dpf; red does not and stores in CN.
    const cloudyFR = assess(ds, service("cloudy"), profile("FR"), TODAY);
    expect(find(cloudyFR.findings, "outside-adequacy")).toBeUndefined();
    const cloudyGB = assess(ds, service("cloudy"), profile("GB"), TODAY);
    // UK users' data goes to the US (appliesTo "*"), and cloudy holds no UK data-bridge certification.
    expect(find(cloudyGB.findings, "outside-adequacy")!.countries).toEqual(["US"]);
  });

  test("data reachable in the compelling country raises compelled access to high", () => {
    const v = assess(ds, service("clip"), profile("FR"), TODAY);
    expect(find(v.findings, "compelled-access")!.severity).toBe("high");
    expect(find(v.findings, "outside-adequacy")!.countries).toEqual(["CN"]);
  });

  test("a repealed law never produces a finding", () => {
    const v = assess(ds, service("red"), profile("FR"), TODAY);
    expect(v.findings.flatMap((f) => f.laws)).not.toContain("ru-old");
  });

  test("old news is not recent; future-dated news is ignored", () => {
    const v = assess(ds, service("clip"), profile("US"), TODAY);
    expect(find(v.findings, "data-breach")).toBeUndefined();
    const early = assess(ds, service("clip"), profile("US"), "2025-06-01");
    expect(find(early.findings, "ownership-change")).toBeUndefined();
  });

  test("region-specific statements win over global ones", () => {
    const r = buildReport(ds, "https://clip.example/", "FR", DEFAULT_CONCERNS, TODAY);
    expect(r.storage.map((s) => s.countries)).toEqual([["IE", "NO"]]);
    const jp = buildReport(ds, "https://clip.example/", "JP", DEFAULT_CONCERNS, TODAY);
    expect(jp.storage.map((s) => s.countries)).toEqual([["SG", "MY"]]);
  });

  test("turning a concern off removes its findings and lowers the level", () => {
    const concerns = { ...DEFAULT_CONCERNS, "compelled-access": false, "remote-access-from": false, "outside-adequacy": false };
    const v = assess(ds, service("clip"), profile("FR", concerns), TODAY);
    expect(kinds(v.findings)).not.toContain("compelled-access");
    expect(v.level).toBe("low");
  });

  test("every finding carries its sources", () => {
    for (const s of ds.services) {
      const v = assess(ds, s, profile("FR"), TODAY);
      for (const f of v.findings) {
        if (f.kind === "operator-unknown" || f.kind === "storage-unknown") expect(f.sources).toEqual([]);
        else expect(f.sources.length).toBeGreaterThan(0);
      }
    }
  });
});
