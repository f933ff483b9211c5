import { isPrimary, suggestedConfidence } from "../../../tools/data/confidence";
import type { Service } from "../../../src/data/schema";

const TODAY = "2026-11-30";
const own = { url: "https://www.alpha.com/legal/privacy", publisher: "Alpha", date: "2025-03-01" };
const news = { url: "https://news.example/alpha", publisher: "Example News", date: "2026-01-01" };
const base: Service = {
  id: "alpha", name: "Alpha", kind: "service", category: "social", domains: ["alpha.com"], hosts: ["alpha.other.example"],
  operators: [{ entity: "alpha-co", regions: ["*"], source: own }], storage: [{ countries: ["US"], basis: "stated", appliesTo: ["*"], statement: "s", source: own }],
  remoteAccess: [], processors: [], certifications: [], news: [], reviewed: "2026-11-01", confidence: { level: "high" },
};

describe("what a service's sources support", () => {
  test.each([
    ["the company's own site", own, true],
    ["a host the service lists", { ...news, url: "https://alpha.other.example/privacy" }, true],
    ["a dated copy of the company's document", { ...news, archive: "https://github.com/OpenTermsArchive/x/blob/abc/Alpha/Privacy%20Policy.md" }, true],
    ["a regulator", { ...news, publisher: "Irish Data Protection Commission" }, true],
    ["a news report", news, false],
    ["a look-alike domain", { ...news, url: "https://alpha.com.example.net/privacy" }, false],
  ])("%s is primary: %s", (_name, source, expected) => {
    expect(isPrimary(source, base)).toBe(expected);
  });

  test("high needs the company's or a regulator's word for both operator and storage, and a recent review", () => {
    expect(suggestedConfidence(base, TODAY).level).toBe("high");
    expect(suggestedConfidence({ ...base, storage: [] }, TODAY).level).toBe("medium");
    expect(suggestedConfidence({ ...base, operators: [{ ...base.operators[0]!, source: news }] }, TODAY).level).toBe("medium");
    expect(suggestedConfidence({ ...base, reviewed: "2025-10-01" }, TODAY).level).toBe("medium");
    expect(suggestedConfidence({ ...base, operators: [] }, TODAY).level).toBe("low");
    expect(suggestedConfidence({ ...base, operators: [], owner: { entity: "alpha-group", source: news } }, TODAY).level).toBe("medium");
  });
});
