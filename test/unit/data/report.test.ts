import { coverageMarkdown, homeMarket } from "../../../tools/data/report";
import { miniDataset } from "../../fixtures/mini-dataset";

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
    const md = coverageMarkdown(ds, [], [{ rank: 1, domain: "www.clip.example" }, { rank: 2, domain: "docs.bigsite.example" }, { rank: 3, domain: "nothere.example" }]);
    expect(md).toMatch(/\| Top 100 \| 2 of 3 \| 67 % \|/);
    expect(md).toMatch(/Missing from the top 100: 3\. nothere\.example\./);
    expect(md).toMatch(/\| CN \| 3 \| Clip, market, red \|/);
  });
});
