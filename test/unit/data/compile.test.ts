import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileData, formatProblem, matchPatterns } from "../../../tools/data/compile";
import { today } from "../today";

// The fixtures below are dated against this fixed day; the project's own dataset is checked against today.
const TODAY = "2026-11-29";
const src = { url: "https://example.org/policy", publisher: "Example", date: "2026-01-01" };
/** The service's own policy: what "high" confidence needs. */
const policy = { url: "https://alpha.com/privacy", publisher: "Alpha", date: "2026-01-01" };

function valid() {
  return {
    entities: {
      "parent-co": { id: "parent-co", name: "Parent Co", kind: "company", legalDomicile: { country: "KY", source: src }, headquarters: { country: "CN", source: src }, owners: [], reviewed: "2026-01-01" },
      "child-co": { id: "child-co", name: "Child Co", kind: "company", legalDomicile: "unknown", headquarters: "unknown", owners: [{ entity: "parent-co", controls: true, share: 100, source: src }], reviewed: "2026-01-01" },
    } as Record<string, any>,
    services: {
      alpha: { id: "alpha", name: "Alpha", category: "social", domains: ["alpha.com"], operators: [{ entity: "child-co", regions: ["*"], source: policy }],
        storage: [{ countries: ["US"], basis: "stated", appliesTo: ["*"], statement: "Stored in the US.", source: policy }],
        news: [{ date: "2026-02-01", headline: "A regulator fines Alpha", outlet: "Regulator", url: "https://example.org/fine", kind: "fine", topic: "privacy", jurisdiction: "FR", dataOf: ["EEA"] }],
        reviewed: "2026-01-01", confidence: { level: "high" } },
      beta: { id: "beta", name: "Beta", category: "video", domains: ["beta.co.uk"], hosts: ["beta.alpha.com"], reviewed: "2026-01-01", confidence: { level: "low", reason: "little is stated" } },
    } as Record<string, any>,
    laws: {} as Record<string, any>,
    groups: {
      eea: { id: "eea", name: "EEA", regionCode: "EEA", members: [{ country: "FR" }], checked: "2026-01-01", sources: [src] },
    } as Record<string, any>,
  };
}

type Fixture = ReturnType<typeof valid>;

function write(fx: Fixture): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "db-data-"));
  for (const [kind, records] of Object.entries(fx)) {
    fs.mkdirSync(path.join(root, kind));
    for (const [id, record] of Object.entries(records)) fs.writeFileSync(path.join(root, kind, `${id}.json`), typeof record === "string" ? record : JSON.stringify(record));
  }
  return root;
}

function errorsFor(mutate: (fx: Fixture) => void) {
  const fx = valid();
  mutate(fx);
  const root = write(fx);
  try {
    return compileData(root, TODAY).errors.map((e) => ({ ...e, file: path.basename(path.dirname(e.file)) + "/" + path.basename(e.file) }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe("dataset compiler", () => {
  test("a valid fixture compiles into a domain index", () => {
    const root = write(valid());
    const { dataset, errors } = compileData(root, TODAY);
    fs.rmSync(root, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(dataset!.domains).toEqual({ "alpha.com": 0, "beta.co.uk": 1 });
    expect(dataset!.hosts).toEqual({ "beta.alpha.com": 1 });
    expect(dataset!.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(matchPatterns(dataset!)).toEqual(["*://*.alpha.com/*", "*://*.beta.co.uk/*"]);
  });

  test("third-party providers are matched in scans only: never a host permission or content-script match", () => {
    const fx = valid();
    fx.services.gamma = { id: "gamma", name: "Gamma Ads", kind: "third-party", category: "advertising", domains: ["gamma-ads.net"], hosts: ["px.gamma-cdn.com"],
      operators: [{ entity: "parent-co", regions: ["*"], source: src }], reviewed: "2026-01-01", confidence: { level: "medium", reason: "operator from a secondary source" } };
    const root = write(fx);
    const { dataset, errors } = compileData(root, TODAY);
    fs.rmSync(root, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(dataset!.domains["gamma-ads.net"]).toBe(2);
    expect(dataset!.hosts["px.gamma-cdn.com"]).toBe(2);
    expect(dataset!.services.map((s) => s.kind)).toEqual(["service", "service", "third-party"]);
    expect(matchPatterns(dataset!)).toEqual(["*://*.alpha.com/*", "*://*.beta.co.uk/*"]);
  });

  const cases: Array<[string, (fx: Fixture) => void, string, string, RegExp]> = [
    ["a schema violation", (fx) => (fx.services.alpha.category = "gossip"), "services/alpha.json", "$.category", /Invalid option|expected one of/i],
    ["an unknown field", (fx) => (fx.services.alpha.owners = "x"), "services/alpha.json", "$", /unknown field\(s\): owners/],
    ["a news item without a topic", (fx) => delete fx.services.alpha.news[0].topic, "services/alpha.json", "$.news[0].topic", /required field "topic" is missing/],
    ["a news item without a jurisdiction", (fx) => delete fx.services.alpha.news[0].jurisdiction, "services/alpha.json", "$.news[0].jurisdiction", /required field "jurisdiction" is missing/],
    ["a news item with an unknown jurisdiction", (fx) => (fx.services.alpha.news[0].jurisdiction = "EUROPE"), "services/alpha.json", "$.news[0].jurisdiction", /region/],
    ["a news item whose dataOf names an unknown region", (fx) => (fx.services.alpha.news[0].dataOf = ["EU27"]), "services/alpha.json", "$.news[0].dataOf[0]", /region code/],
    ["a storage statement without its basis", (fx) => delete fx.services.alpha.storage[0].basis, "services/alpha.json", "$.storage[0].basis", /required field "basis" is missing/],
    ["an unknown owner entity", (fx) => (fx.services.alpha.owner = { entity: "ghost-co", source: src }), "services/alpha.json", "$.owner.entity", /unknown entity "ghost-co"/],
    ["an unknown processor entity", (fx) => (fx.services.alpha.processors = [{ entity: "ghost-co", appliesTo: ["*"], statement: "Receives data.", source: src }]), "services/alpha.json", "$.processors[0].entity", /unknown entity "ghost-co"/],
    ["a place of operations without a source", (fx) => (fx.entities["parent-co"].operations = { country: "CN" }), "entities/parent-co.json", "$.operations.source", /claim without a source/],
    ["a certification without its status", (fx) => (fx.services.alpha.certifications = [{ scheme: "eu-us-dpf", entity: "child-co", source: src }]), "services/alpha.json", "$.certifications[0].status", /required field "status" is missing/],
    ["a law that both restricts and does not restrict transfers", (fx) => (fx.laws.x = { id: "x", jurisdiction: "FR", name: "X", shortName: "X", adopted: "2020-01-01", status: { value: "in-force", checked: "2026-01-01", source: src }, summary: "A law.", effect: ["transfer-restriction", "no-transfer-restriction"], userRegions: ["FR"], sources: [src] }), "laws/x.json", "$.effect", /cannot both restrict/],
    ["a law without a checked date", (fx) => (fx.laws.x = { id: "x", jurisdiction: "FR", name: "X", shortName: "X", adopted: "2020-01-01", status: { value: "in-force", source: src }, summary: "A law.", effect: ["data-protection"], userRegions: ["FR"], sources: [src] }), "laws/x.json", "$.status.checked", /required field "checked" is missing/],
    ["high confidence with a storage statement that is not the company's own", (fx) => (fx.services.alpha.storage[0].source = src), "services/alpha.json", "$.confidence.level", /"high" is more than the sources support \("medium": high needs storage statements from the company's own policy or a regulator\)/],
    ["high confidence with an old review", (fx) => (fx.services.alpha.reviewed = "2025-06-01"), "services/alpha.json", "$.confidence.level", /high needs a review within 12 months/],
    ["medium confidence with neither operator nor owner", (fx) => (fx.services.beta.confidence = { level: "medium", reason: "x" }), "services/beta.json", "$.confidence.level", /"medium" is more than the sources support \("low"/],
    ["a group without a checked date", (fx) => delete fx.groups.eea.checked, "groups/eea.json", "$.checked", /required field "checked" is missing/],
    ["an unknown entity reference", (fx) => (fx.services.alpha.operators[0].entity = "ghost-co"), "services/alpha.json", "$.operators[0].entity", /unknown entity "ghost-co"/],
    ["a claim without a source", (fx) => delete fx.services.alpha.storage[0].source, "services/alpha.json", "$.storage[0].source", /claim without a source/],
    ["a source that is not https", (fx) => (fx.entities["parent-co"].legalDomicile.source = { ...src, url: "http://example.org/" }), "entities/parent-co.json", "$.legalDomicile.source.url", /https URL/],
    ["a domain claimed by two services", (fx) => fx.services.beta.domains.push("alpha.com"), "services/beta.json", "$.domains[1]", /also claimed by service "alpha"/],
    ["a date in the future", (fx) => (fx.services.alpha.storage[0].source = { ...src, date: "2027-01-01" }), "services/alpha.json", "$.storage[0].source.date", /in the future/],
    ["a cycle in ownership", (fx) => fx.entities["parent-co"].owners.push({ entity: "child-co", controls: true, source: src }), "entities/parent-co.json", "$.owners", /ownership cycle: parent-co → child-co → parent-co/],
    ["an id that differs from the file name", (fx) => (fx.services.alpha.id = "alfa"), "services/alpha.json", "$.id", /must equal the file name/],
    ["a domain that is not registrable", (fx) => (fx.services.alpha.domains = ["www.alpha.com"]), "services/alpha.json", "$.domains[0]", /not a registrable domain.*"alpha.com"/],
    ["an unknown region", (fx) => (fx.services.alpha.operators[0].regions = ["EUROPE"]), "services/alpha.json", "$.operators[0].regions[0]", /region/],
    ["invalid JSON", (fx) => (fx.services.alpha = "{ nope" as any), "services/alpha.json", "", /not valid JSON/],
    ["a low confidence without a reason", (fx) => (fx.services.beta.confidence = { level: "low" }), "services/beta.json", "$.confidence.reason", /reason is required/],
  ];

  test.each(cases)("fails on %s, naming the file and the field", (_name, mutate, file, jsonPath, message) => {
    const errors = errorsFor(mutate);
    expect(errors).toContainEqual(expect.objectContaining({ file, path: jsonPath, message: expect.stringMatching(message) }));
  });

  test.each([
    ["Child Co Germany GmbH", "Germany"],
    ["Hangzhou Child Technology Co., Ltd.", "Hangzhou"],
  ])("a company named %p with neither place recorded is a gap data:check fails on, not a build error", (name, place) => {
    const fx = valid();
    fx.entities["child-co"].name = name;
    const root = write(fx);
    const { errors, gaps } = compileData(root, TODAY);
    fs.rmSync(root, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(gaps).toEqual([expect.objectContaining({ path: "$.legalDomicile", message: expect.stringContaining(`name states a place ("${place}")`) })]);
  });

  describe("a chain that stops at a company whose namesake is recorded elsewhere", () => {
    /** Alpha is run by "Alpha Ireland Ltd" with no owner; "Alpha Inc." is recorded with a place (reached as Beta's operator). */
    function namesakes(mutate: (fx: Fixture) => void = () => undefined) {
      const fx = valid();
      fx.entities["alpha-ireland"] = { id: "alpha-ireland", name: "Alpha Ireland Ltd", kind: "company", legalDomicile: { country: "IE", source: src }, headquarters: "unknown", owners: [], reviewed: "2026-01-01" };
      fx.entities["alpha-inc"] = { id: "alpha-inc", name: "Alpha Inc.", kind: "company", legalDomicile: { country: "US", source: src }, headquarters: "unknown", owners: [], reviewed: "2026-01-01" };
      fx.services.alpha.operators = [{ entity: "alpha-ireland", regions: ["*"], source: policy }];
      fx.services.beta.operators = [{ entity: "alpha-inc", regions: ["*"], source: src }];
      mutate(fx);
      const root = write(fx);
      try {
        return compileData(root, TODAY);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
    const namesakeGaps = (r: ReturnType<typeof namesakes>) => r.gaps.filter((g) => /the chain stops here/.test(g.message));
    /** The gaps when the chain's end is named `stops` and the placed company `placed`. */
    const gapsBetween = (stops: string, placed: string) => namesakeGaps(namesakes((fx) => {
      fx.entities["alpha-ireland"].name = stops;
      fx.entities["alpha-inc"].name = placed;
    }));

    test("is a gap data:check fails on, named once per pair", () => {
      const r = namesakes();
      expect(r.errors).toEqual([]);
      expect(namesakeGaps(r)).toEqual([expect.objectContaining({ path: "$.owners", message: expect.stringContaining('"Alpha Inc." (alpha-inc) has the same name') })]);
    });

    test("is closed by an owner edge either way, or by distinctFrom", () => {
      expect(namesakeGaps(namesakes((fx) => { fx.entities["alpha-ireland"].owners = [{ entity: "alpha-inc", controls: true, share: 100, source: src }]; }))).toEqual([]);
      expect(namesakeGaps(namesakes((fx) => { fx.entities["alpha-inc"].owners = [{ entity: "alpha-ireland", controls: true, source: src }]; }))).toEqual([]);
      expect(namesakeGaps(namesakes((fx) => { fx.entities["alpha-ireland"].distinctFrom = ["alpha-inc"]; }))).toEqual([]);
    });

    test("a namesake with no place of its own counts when its owner is placed", () => {
      const r = namesakes((fx) => {
        fx.entities["alpha-inc"].legalDomicile = "unknown";
        fx.entities["alpha-holdings"] = { id: "alpha-holdings", name: "Omega Holdings LP", kind: "company", legalDomicile: { country: "US", source: src }, headquarters: "unknown", owners: [], reviewed: "2026-01-01" };
        fx.entities["alpha-inc"].owners = [{ entity: "alpha-holdings", controls: true, source: src }];
      });
      expect(namesakeGaps(r)).toEqual([expect.objectContaining({ message: expect.stringContaining('"Alpha Inc." (alpha-inc) has the same name') })]);
    });

    test("a generic first word (Grupo, Beijing) or a namesake with no place is not a namesake", () => {
      // Alpha Inc. with no place (and run by no service): nothing to link Alpha Ireland to.
      expect(namesakeGaps(namesakes((fx) => {
        fx.entities["alpha-inc"].legalDomicile = "unknown";
        fx.services.beta.operators = [];
      }))).toEqual([]);
      expect(gapsBetween("Grupo Alpha SA", "Grupo Beta SA")).toEqual([]);
      // Red Bull GmbH and Red Hat, Inc.: "Red" begins unrelated brands.
      expect(gapsBetween("Red Bull GmbH", "Red Hat, Inc.")).toEqual([]);
    });

    test("a legal form that leads the name (OOO, LLC) is skipped: the brand after it decides", () => {
      // Two unrelated Russian companies share only their legal form.
      expect(gapsBetween("OOO Alpha Resheniya", "OOO Beta")).toEqual([]);
      // "Internet" begins unrelated names, as "Red" does.
      expect(gapsBetween("OOO Internet Resheniya", "Internet Archive")).toEqual([]);
      // "LLC Alpha" and "MKPAO Alpha" name the same brand behind different legal forms.
      expect(gapsBetween("LLC Alpha", "MKPAO Alpha")).toEqual([expect.objectContaining({ message: expect.stringContaining('"MKPAO Alpha" (alpha-inc) has the same name') })]);
    });
  });

  test("an entity no service reaches is a warning, not an error", () => {
    const fx = valid();
    fx.entities["lonely-co"] = { id: "lonely-co", name: "Lonely Co", kind: "company", legalDomicile: "unknown", headquarters: "unknown", owners: [], reviewed: "2026-01-01" };
    const root = write(fx);
    const { errors, warnings } = compileData(root, TODAY);
    fs.rmSync(root, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(warnings).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/lonely-co\.json$/), message: expect.stringMatching(/no service reaches this entity/) }));
    expect(warnings.filter((w) => /no service reaches/.test(w.message))).toHaveLength(1);
  });

  test("the project's own dataset compiles without errors", () => {
    const { errors, dataset } = compileData(path.resolve(__dirname, "../../../src/data"), today());
    expect(errors.map(formatProblem)).toEqual([]);
    expect(dataset!.services.length).toBeGreaterThanOrEqual(120);
    expect(dataset!.laws.length).toBeGreaterThanOrEqual(12);
  });

  test("build.mjs exits non-zero and names the file and field", () => {
    const fx = valid();
    fx.services.alpha.operators[0].entity = "ghost-co";
    const root = write(fx);
    let out = "";
    let code = 0;
    try {
      execFileSync(process.execPath, [path.resolve(__dirname, "../../../build.mjs"), "--data-only"], { env: { ...process.env, DATA_BORDERS_DATA_DIR: root }, stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      code = err.status;
      out = err.stderr.toString();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(code).toBe(1);
    expect(out).toMatch(/services\/alpha\.json at \$\.operators\[0\]\.entity: unknown entity "ghost-co"/);
  });
});
