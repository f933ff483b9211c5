import { miniDataset } from "../fixtures/mini-dataset";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { parseScan, rollup, type ScanHost } from "../../src/core/xray";
import { requestsText, xraySummary } from "../../src/core/xray-text";
import { EN, FR, translator } from "./en-messages";

const ds = miniDataset();
const TODAY = "2026-06-01";
const PAGE = "https://www.euroshop.example/article/1";
const SOURCE = { url: "https://example.org/source", publisher: "Example", date: "2026-01-01" };

const HOSTS: ScanHost[] = [
  { host: "www.euroshop.example", requests: 5 },
  { host: "static.euroshop.example", requests: 3 },
  { host: "cdn.clipcdn.example", requests: 2 },
  { host: "clip.example", requests: 1 },
  { host: "cloudy.example", requests: 4 },
  { host: "docs.bigsite.example", requests: 1 }, // a host override: Cloudy, not Bigsite
  { host: "bigsite.example", requests: 2 },
  { host: "red.example", requests: 1 },
  { host: "mystery.example", requests: 3 },
  { host: "tracker.unknown-ads.com", requests: 2 },
  { host: "pixel.unknown-ads.com", requests: 1 },
  { host: "203.0.113.5", requests: 1 },
  { host: "market.example", requests: 1 },
];

describe("page X-ray roll-up", () => {
  // Computed in each test, not once for the block: a mutation run credits a test only with the code it runs.
  let x: ReturnType<typeof rollup>;
  beforeEach(() => {
    x = rollup(ds, PAGE, HOSTS, "FR", DEFAULT_CONCERNS, TODAY);
  });

  test("the page's own site is shown apart", () => {
    expect(x.firstParty).toEqual({ domain: "euroshop.example", service: { id: "euroshop", name: "euroshop" }, requests: 8 });
    expect(x.companies.some((c) => c.services.some((s) => s.id === "euroshop"))).toBe(false);
  });

  test("third parties are grouped by the ultimate controlling company, with flags, level and requests", () => {
    const byId = Object.fromEntries(x.companies.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(["clip-group", "cloudy-inc", "market-holdings", "red-app-co", "service:mystery"]);
    // Clip's EU operator is Irish; the group above it is incorporated in KY and run from CN.
    expect(byId["clip-group"]).toMatchObject({ name: "clip group", controlledFrom: "CN", level: "high", requests: 3, domains: ["clip.example", "clipcdn.example"] });
    expect(byId["clip-group"]!.countries.sort()).toEqual(["CN", "IE", "KY"]);
    // Two services of one company are one entry; the host override counts for its own service.
    expect(byId["cloudy-inc"]).toMatchObject({ controlledFrom: "US", requests: 7 });
    expect(byId["cloudy-inc"]!.services.map((s) => [s.id, s.requests])).toEqual([["cloudy", 5], ["bigsite", 2]]);
    // Where a group is run from beats its head office and its incorporation.
    expect(byId["market-holdings"]).toMatchObject({ controlledFrom: "CN" });
    // No company recorded: the service stands alone, with no country guessed.
    expect(byId["service:mystery"]).toMatchObject({ name: "mystery", controlledFrom: "unknown", countries: [], level: "none", requests: 3 });
    // Highest level first.
    expect(x.companies[0]!.level).toBe("high");
  });

  test("the level is the user's own: the same page reads differently for a US user", () => {
    const us = rollup(ds, PAGE, HOSTS, "US", DEFAULT_CONCERNS, TODAY);
    expect(x.companies.find((c) => c.services.some((s) => s.id === "clip"))!.id).toBe("clip-group");
    // US users are served by the joint venture, which the old group does not control (a minority stake is not control).
    const clipUs = us.companies.find((c) => c.services.some((s) => s.id === "clip"))!;
    expect(clipUs).toMatchObject({ id: "clip-us-jv", controlledFrom: "US", countries: ["US"] });
    expect(clipUs.level).not.toBe("high");
  });

  test("hosts outside the dataset are counted by registrable domain, never attributed", () => {
    expect(x.unknown).toEqual([{ domain: "unknown-ads.com", requests: 3 }, { domain: "203.0.113.5", requests: 1 }]);
    expect(x.totals).toEqual({ hosts: 13, requests: 27, companies: 5, unknownDomains: 2 });
  });

  test("the one-line summary, in English and French", () => {
    expect(xraySummary(x, translator(EN), "en")).toBe(
      "This page sent requests to 7 companies: 3 controlled from China, 1 from the United States, 1 whose home country is not stated, 2 not in the dataset.",
    );
    expect(xraySummary(x, translator(FR), "fr")).toBe(
      "Cette page a envoyé des requêtes à 7 entreprises : 3 contrôlées depuis la Chine, 1 depuis les États-Unis, 1 dont le pays n'est pas indiqué, 2 absentes des données.",
    );
    const one = rollup(ds, PAGE, [{ host: "cloudy.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(xraySummary(one, translator(EN), "en")).toBe("This page sent requests to 1 company: 1 controlled from the United States.");
    expect(xraySummary(one, translator(FR), "fr")).toBe("Cette page a envoyé des requêtes à 1 entreprise : 1 contrôlée depuis les États-Unis.");
    const none = rollup(ds, PAGE, [{ host: "www.euroshop.example", requests: 2 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(xraySummary(none, translator(EN), "en")).toBe("This page sent no requests to other companies.");
    expect(requestsText(1, translator(EN), "en")).toBe("1 request");
    expect(requestsText(0, translator(FR), "fr")).toBe("0 requête");
    expect(requestsText(2, translator(FR), "fr")).toBe("2 requêtes");
  });

  test("companies come highest level first, then most requests, then by name; services by requests, domains alphabetically", () => {
    expect(x.companies.map((c) => [c.id, c.level, c.requests, c.domains, c.services.map((s) => [s.id, s.requests])])).toEqual([
      ["clip-group", "high", 3, ["clip.example", "clipcdn.example"], [["clip", 3]]],
      ["red-app-co", "high", 1, ["red.example"], [["red", 1]]],
      ["market-holdings", "medium", 1, ["market.example"], [["market", 1]]],
      ["cloudy-inc", "low", 7, ["bigsite.example", "cloudy.example"], [["cloudy", 5], ["bigsite", 2]]],
      ["service:mystery", "none", 3, ["mystery.example"], [["mystery", 3]]],
    ]);
    // Equal level and requests: by name, whatever order the page loaded them in.
    const tie = rollup(ds, PAGE, [{ host: "red.example", requests: 1 }, { host: "clip.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(tie.companies.map((c) => c.id)).toEqual(["clip-group", "red-app-co"]);
    // Two services of one company with equal requests: by name.
    const twin = rollup(ds, PAGE, [{ host: "cloudy.example", requests: 2 }, { host: "bigsite.example", requests: 2 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(twin.companies[0]!.services.map((s) => s.id)).toEqual(["bigsite", "cloudy"]);
  });

  test("unknown domains by requests then name; countries by companies, with the unstated home last", () => {
    const y = rollup(ds, PAGE, [
      { host: "a.unknown-one.com", requests: 1 }, { host: "z.unknown-two.com", requests: 2 }, { host: "b.unknown-three.com", requests: 2 },
      { host: "mystery.example", requests: 9 }, { host: "cloudy.example", requests: 1 },
    ], "FR", DEFAULT_CONCERNS, TODAY);
    expect(y.unknown).toEqual([{ domain: "unknown-three.com", requests: 2 }, { domain: "unknown-two.com", requests: 2 }, { domain: "unknown-one.com", requests: 1 }]);
    expect(y.byCountry).toEqual([{ country: "US", companies: 1 }, { country: "unknown", companies: 1 }]);
    expect(x.byCountry).toEqual([{ country: "CN", companies: 3 }, { country: "US", companies: 1 }, { country: "unknown", companies: 1 }]);
    // Every service on one page: ties by country code, whatever order the companies came in (mystery and faceless have no place).
    const all = rollup(ds, "https://nowhere.example/", ds.services.map((s) => ({ host: s.domains[0]!, requests: 1 })), "FR", DEFAULT_CONCERNS, TODAY);
    expect(all.byCountry.map((c) => `${c.country} ${c.companies}`)).toEqual(["CN 3", "US 2", "FR 1", "GB 1", "JP 1", "SG 1", "unknown 2"]);
    // The unstated home stays last even when its company came first.
    const first = rollup(ds, PAGE, [{ host: "mystery.example", requests: 5 }, { host: "cloudy.example", requests: 1 }], "US", DEFAULT_CONCERNS, TODAY);
    expect(first.companies.map((c) => c.id)).toEqual(["service:mystery", "cloudy-inc"]);
    expect(first.byCountry.map((c) => c.country)).toEqual(["US", "unknown"]);
  });

  test("a company's level is its highest service's, and its countries are all its services' chains", () => {
    // Uncertified's operator is Cloudy Inc. itself (recorded as not in the DPF: medium); Cloudy reaches it through its Irish company (low).
    const y = rollup(ds, PAGE, [{ host: "uncertified.example", requests: 1 }, { host: "cloudy.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(y.companies.map((c) => [c.id, c.level, [...c.countries].sort(), c.services.map((s) => [s.id, s.level])])).toEqual([
      ["cloudy-inc", "medium", ["IE", "US"], [["cloudy", "low"], ["uncertified", "medium"]]],
    ]);
  });

  test("a person or fund above the top company is not the company the data goes to", () => {
    const held = { ...ds, entities: {
      ...ds.entities,
      founder: { ...ds.entities["cloudy-inc"]!, id: "founder", name: "a founder", kind: "person" as const, owners: [] },
      "cloudy-inc": { ...ds.entities["cloudy-inc"]!, owners: [{ entity: "founder", controls: true, share: 60, source: SOURCE }] },
    } };
    const y = rollup(held, PAGE, [{ host: "cloudy.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(y.companies.map((c) => [c.id, c.name])).toEqual([["cloudy-inc", "cloudy inc"]]);
  });

  test("the page's service counts as first party on any of its domains, and an address with no registrable domain is its own first party", () => {
    const clip = rollup(ds, "https://www.clip.example/v/1", [{ host: "cdn.clipcdn.example", requests: 2 }, { host: "red.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(clip.firstParty).toEqual({ domain: "clip.example", service: { id: "clip", name: "Clip" }, requests: 2 });
    expect(clip.companies.map((c) => c.id)).toEqual(["red-app-co"]);
    const ip = rollup(ds, "http://203.0.113.9/admin", [{ host: "203.0.113.9", requests: 3 }, { host: "203.0.113.10", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(ip.firstParty).toEqual({ domain: "203.0.113.9", service: null, requests: 3 });
    expect(ip.unknown).toEqual([{ domain: "203.0.113.10", requests: 1 }]);
  });

  test("a page outside the dataset: its own registrable domain is still first party", () => {
    const y = rollup(ds, "https://news.unlisted.example/a", [{ host: "img.unlisted.example", requests: 4 }, { host: "red.example", requests: 1 }], "FR", DEFAULT_CONCERNS, TODAY);
    expect(y.firstParty).toEqual({ domain: "unlisted.example", service: null, requests: 4 });
    expect(y.companies.map((c) => c.id)).toEqual(["red-app-co"]);
  });
});

describe("scan result shape", () => {
  test("accepts the scan's own answer", () => {
    expect(parseScan([{ host: "www.example.com", requests: 3 }, { host: "[::1]", requests: 1 }, { host: "10.0.0.1", requests: 1 }])).toHaveLength(3);
    expect(parseScan([])).toEqual([]);
  });
  test.each([
    ["not a list", { host: "a.com", requests: 1 }],
    ["an extra field", [{ host: "a.com", requests: 1, via: "x" }]],
    ["a missing count", [{ host: "a.com" }]],
    ["a zero count", [{ host: "a.com", requests: 0 }]],
    ["a fractional count", [{ host: "a.com", requests: 1.5 }]],
    ["upper case", [{ host: "A.com", requests: 1 }]],
    ["a URL instead of a host", [{ host: "https://a.com/", requests: 1 }]],
    ["markup", [{ host: "<img src=x>", requests: 1 }]],
    ["a duplicate host", [{ host: "a.com", requests: 1 }, { host: "a.com", requests: 2 }]],
    ["too many hosts", Array.from({ length: 5001 }, (_, i) => ({ host: `h${i}.com`, requests: 1 }))],
    ["an object with a foreign prototype", [Object.assign(Object.create({ polluted: true }), { host: "a.com", requests: 1 })]],
  ])("rejects %s", (_name, raw) => {
    expect(parseScan(raw)).toBeNull();
  });
});
