import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main, modelledCountries, parseArgs, UsageError, urlFromInput } from "../../tools/lookup";
import { miniDataset } from "../fixtures/mini-dataset";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-lookup-"));
const datasetPath = path.join(dir, "dataset.json");
fs.writeFileSync(datasetPath, JSON.stringify(miniDataset()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]) => main(argv, datasetPath, "2026-06-01");

describe("lookup", () => {
  test("the human report separates stated storage from possible processing, names the group when no operator covers the user, and says when the user's law is not modelled", () => {
    const r = run("market.example", "--country", "JP");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/transfer rules are not in the dataset yet/);
    expect(r.stdout).toMatch(/responsible for users in your region is not stated[^\n]*\n {2}group: market holdings — head office Singapore \(SG\), incorporated in Cayman Islands \(KY\), run from China \(CN\)/);
    expect(r.stdout).toMatch(/Where your data is stored:\n {2}not stated\n {2}may be processed in United States \(US\), Singapore \(SG\), China \(CN\), Hong Kong \(HK\)/);
    const json = JSON.parse(run("usvideo.example", "--country", "US", "--json").stdout);
    expect(json.processors).toEqual([{ chain: ["red services llc", "red app co"], appliesTo: ["US"], source: expect.objectContaining({ url: expect.stringMatching(/^https:/) }) }]);
    expect(json.verdict.userLaw).toEqual({ status: "unrestricted", laws: ["us-adversary-apps"] });
  });

  test("the company the service belongs to is named apart when the operator's chain does not reach it", () => {
    const cut = miniDataset();
    cut.entities["market-eu"] = { ...cut.entities["market-eu"]!, owners: [] };
    const cutPath = path.join(dir, "cut.json");
    fs.writeFileSync(cutPath, JSON.stringify(cut));
    const human = main(["market.example", "--country", "DE"], cutPath, "2026-06-01").stdout;
    expect(human).toMatch(/operator: market eu[^\n]*\n {2}the service belongs to: market holdings — head office Singapore \(SG\), incorporated in Cayman Islands \(KY\); no control link from the operator to it is recorded/);
    expect(JSON.parse(main(["market.example", "--country", "DE", "--json"], cutPath, "2026-06-01").stdout).unlinkedOwner).toEqual({ name: "market holdings", legalDomicile: "KY", headquarters: "SG" });
    expect(JSON.parse(run("market.example", "--country", "DE", "--json").stdout).unlinkedOwner).toBeNull();
  });

  test("--json prints one object with the documented fields", () => {
    const r = run("https://www.clip.example/@someone", "--country", "FR", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      input: "https://www.clip.example/@someone", domain: "clip.example", matched: true,
      service: { id: "clip", name: "Clip" },
      operator: { name: "clip europe", legalDomicile: "IE", headquarters: "IE" },
      ownershipChain: [{ name: "clip europe" }, { name: "clip group", legalDomicile: "KY", headquarters: "CN", share: 100 }],
      storage: [{ countries: ["IE", "NO"], provider: null, appliesTo: ["EEA", "CH"] }],
      verdict: { level: "high" }, dataVersion: "2026-01-01+000000000000",
    });
    expect(out.verdict.findings.map((f: { kind: string }) => f.kind)).toContain("remote-access-from");
    expect(out.verdict.findings[0].sources[0].url).toMatch(/^https:/);
  });

  test("a domain outside the dataset is matched: false, exit 0", () => {
    const r = run("example.org", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ input: "example.org", domain: "example.org", matched: false, service: null, verdict: { level: "none", findings: [] } });
  });

  test("the default country is US and the human report reads well", () => {
    const r = run("clip.example");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Clip \(clip\.example\) — Low concern for a user in United States \(US\)/);
    expect(r.stdout).toMatch(/also holds a stake: clip group \(19\.9%\) in clip us jv/);
  });

  test.each([
    [["not a url !"], /not a URL or host name: "not a url !"/],
    [[], /missing URL or domain/],
    [["a.com", "b.com"], /second argument/],
    [["a.com", "--country"], /--country needs a two-letter country code/],
    [["a.com", "--country", "France"], /--country needs a two-letter/],
    [["a.com", "--colour"], /unknown option "--colour"/],
    [["https://"], /not a URL or host name/],
  ])("bad input %p exits 2 with a one-line reason", (argv, message) => {
    const r = run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toMatch(message);
  });

  test("--help prints the usage and what each option does, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const r = run(flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: lookup <url-or-domain> \[--country XX\] \[--json\]\n/);
      expect(r.stdout).toMatch(/--country XX +the user's country, an ISO 3166-1 alpha-2 code \(default US\)/);
      expect(r.stderr).toBe("");
    }
  });

  test("--country must be an assigned ISO 3166-1 code; the error lists the countries the dataset models", () => {
    const r = run("clip.example", "--country", "ZZ");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const line = r.stderr.split("\n")[0]!;
    expect(line).toMatch(/^lookup: --country ZZ is not an assigned ISO 3166-1 country code\. Countries whose own laws the dataset models: .*\bFR\b.*\bGB\b.*\bUS\b/);
    expect(modelledCountries(miniDataset())).toEqual(expect.arrayContaining(["FR", "DE", "NO", "GB", "US"]));
    expect(run("clip.example", "--country", "jp").code).toBe(0);
  });

  test.each([
    ["ftp://files.example/x", "ftp://files.example/x: not a web address: only http and https sites are assessed."],
    ["127.0.0.1", "127.0.0.1: an IP address has no registrable domain to look up."],
  ])("input with nothing to look up says why in plain words: %s", (input, line) => {
    const r = run(input);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(line);
    expect(r.stdout).not.toMatch(/not-web|\(ip\)/);
  });

  test("argument parsing", () => {
    expect(parseArgs(["x.com", "--country=fr"])).toEqual({ input: "x.com", country: "FR", json: false });
    expect(() => urlFromInput("   ")).toThrow(UsageError);
    expect(urlFromInput("www.tiktok.com/@x")).toBe("https://www.tiktok.com/@x");
  });
});

describe("lookup --hosts", () => {
  const hostsFile = path.join(dir, "hosts.txt");
  fs.writeFileSync(hostsFile, [
    "# hosts from a HAR export",
    "www.euroshop.example",
    "cdn.clipcdn.example",
    "https://cdn.clipcdn.example/app.js?x=1",
    "CLOUDY.example",
    "",
    "not a host!",
    "tracker.unknown-ads.com",
    "javascript:alert(1)",
    "mystery.example:8443",
  ].join("\n"));

  test("prints the roll-up: summary, companies, first party apart, bad lines skipped with their number", () => {
    const r = run("--hosts", hostsFile, "https://www.euroshop.example/", "--country", "FR");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("This page sent requests to 4 companies: 1 controlled from China, 1 from the United States, 1 whose home country is not stated, 1 not in the dataset.");
    expect(r.stdout).toMatch(/First party, shown apart: euroshop\.example \(euroshop\), 1 request\./);
    expect(r.stdout).toMatch(/ {2}clip group — controlled from China \(CN\) — High concern — 2 requests/);
    expect(r.stdout).toMatch(/Not in the dataset \(counted, no company named\):\n {2}unknown-ads\.com — 1 request/);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      `lookup: ${hostsFile}:7: skipped "not a host!" (not a host name or http(s) URL)`,
      `lookup: ${hostsFile}:9: skipped "javascript:alert(1)" (not a host name or http(s) URL)`,
    ]);
  });

  test("--json prints the same roll-up as one object", () => {
    const r = run("--hosts", hostsFile, "euroshop.example", "--country=FR", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatch(/^This page sent requests to 4 companies: /);
    expect(out.firstParty).toEqual({ domain: "euroshop.example", service: { id: "euroshop", name: "euroshop" }, requests: 1 });
    expect(out.companies.map((c: { id: string; level: string; requests: number }) => [c.id, c.level, c.requests])).toEqual([
      ["clip-group", "high", 2], ["cloudy-inc", "low", 1], ["service:mystery", "none", 1],
    ]);
    expect(out.unknown).toEqual([{ domain: "unknown-ads.com", requests: 1 }]);
    expect(out.skipped.map((s: { line: number }) => s.line)).toEqual([7, 9]);
    expect(out.country).toBe("FR");
  });

  test("without a page URL nothing is first party", () => {
    const out = JSON.parse(run("--hosts", hostsFile, "--json").stdout);
    expect(out.firstParty).toEqual({ domain: null, service: null, requests: 0 });
    expect(out.totals.companies).toBe(4);
  });

  test.each([
    [["--hosts"], /--hosts needs a file/],
    [["--hosts", path.join(dir, "missing.txt")], /cannot read .*missing\.txt: ENOENT/],
    [["--hosts", "x.txt", "--country", "FRA"], /--country needs a two-letter/],
    [["--hosts", "x.txt", "a.com", "b.com"], /at most one page URL/],
    [["--hosts", "x.txt", "--colour"], /unknown option "--colour"/],
  ])("bad options %p exit 2 with a one-line reason", (argv, message) => {
    const r = run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toMatch(message);
  });
});
