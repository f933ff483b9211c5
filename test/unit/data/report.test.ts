import { coverageMarkdown, homeMarket } from "../../../tools/data/report";
import { entity, miniDataset } from "../../fixtures/mini-dataset";

const ds = miniDataset();
const svc = (id: string) => ds.services.find((s) => s.id === id)!;

describe("coverage report", () => {
  test("a service's market is where its ultimate controlling company is run from, never a regional partner's", () => {
    expect(homeMarket(ds, svc("clip"))).toBe("CN"); // the worldwide operator's group, not the Irish or US operator
    expect(homeMarket(ds, svc("euroshop"))).toBe("FR");
    expect(homeMarket(ds, svc("market"))).toBe("CN"); // run from China, though incorporated in KY with a Singapore head office
    expect(homeMarket(ds, svc("mystery"))).toBeNull();
  });

  test("coverage against the ranking counts registrable domains and hosts, and lists what the top 100 misses", () => {
    const md = coverageMarkdown(ds, { warnings: [], ranking: [{ rank: 1, domain: "www.clip.example" }, { rank: 2, domain: "docs.bigsite.example" }, { rank: 3, domain: "nothere.example" }] });
    expect(md).toMatch(/\| Top 100 \| 2 of 3 \| 67 % \|/);
    expect(md).toMatch(/Missing from the top 100: 3\. nothere\.example\./);
    expect(md).toMatch(/\| CN \| 3 \| Clip, market, red \|/);
  });

  test("the gaps data:check fails on are listed with their file and field, apart from the warnings", () => {
    const gap = { file: "src/data/entities/alpha-ireland.json", path: "$.owners", message: "the chain stops here" };
    const warning = { file: "src/data/services/alpha.json", path: "$.storage", message: "no storage statement" };
    const md = coverageMarkdown(ds, { warnings: [warning], gaps: [gap] });
    const gaps = md.slice(md.indexOf("## Gaps data:check fails on (1)"), md.indexOf("## Warnings (1)"));
    expect(gaps).toContain("- src/data/entities/alpha-ireland.json ($.owners): the chain stops here");
    expect(gaps).not.toContain("no storage statement");
    expect(coverageMarkdown(ds, { warnings: [] })).toContain("## Gaps data:check fails on (0)");
  });
});

describe("depth of the committed scope", () => {
  const md = coverageMarkdown(ds, { warnings: [], depthScope: ["cloudy", "bigsite", "market", "mystery", "gone-service"] });

  test("an operator counts only when one covers users in each of the EEA, the UK and the US", () => {
    expect(md).toMatch(/\| Operator known for EEA, UK and US users \(EEA 3, UK 2, US 2\) \| 2 of 4 \| 50 % \| 95 % \| not met \|/);
    expect(md).toMatch(/Without an operator for all three regions \(2\): market, mystery\./);
  });

  test("US-controlled services need an EU-U.S. DPF entry for a company of their operator's chain", () => {
    expect(md).toMatch(/\| US-controlled services with their DPF status recorded \| 1 of 2 \| 50 % \| 100 % \| not met \|/);
    expect(md).toMatch(/US-controlled without a DPF entry \(1\): bigsite\./);
  });

  test("storage, confidence and a scope entry that left the dataset are reported, not hidden", () => {
    expect(md).toMatch(/\| Storage statement \(stated or possible\) \| 2 of 4 \| 50 % \| 85 % \| not met \|/);
    expect(md).toMatch(/\| Confidence high \| 3 of 4 \| 75 % \| 40 % \| met \|/);
    expect(md).toMatch(/No longer in the dataset: gone-service\./);
    expect(md).toMatch(/Without a storage statement \(2\): bigsite, mystery\./);
  });

  test("companies with neither incorporation nor headquarters are named; a person is not a company", () => {
    expect(md).toMatch(/\| Entities with neither incorporation nor headquarters \(whole dataset\) \| 1 \|/);
    expect(md).toMatch(/Companies with no place \(1\): shell co\./);
    const person = { ...entity("some-founder", null, null), kind: "person" as const };
    const more = { ...ds, entities: { ...ds.entities, "another-shell": entity("another-shell", null, null), "some-founder": person } };
    expect(coverageMarkdown(more, { warnings: [], depthScope: ["cloudy"] })).toMatch(/Companies with no place \(2\): another shell, shell co\./);
    const none = { ...ds, entities: Object.fromEntries(Object.entries(ds.entities).filter(([id]) => id !== "shell-co")) };
    expect(coverageMarkdown(none, { warnings: [], depthScope: ["cloudy"] })).toMatch(/Companies with no place \(0\): none\./);
  });
});
