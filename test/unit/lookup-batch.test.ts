// lookup --file (vendor reviews) and --format md|json (one evidence report).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../tools/lookup";
import { CSV_COLUMNS, csvCell, parseBatchArgs } from "../../tools/lookup-batch";
import { miniDataset } from "../fixtures/mini-dataset";
import { cells } from "./csv-cells";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-batch-"));
const datasetPath = path.join(dir, "dataset.json");
fs.writeFileSync(datasetPath, JSON.stringify(miniDataset()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]) => main(argv, datasetPath, "2026-06-01");
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};


const VENDORS = [
  "# vendors under review",
  "https://www.clip.example/@someone",
  "cloudy.example",
  "",
  "not a domain at all",
  "www.example.org",
  "ftp://market.example/file",
  "red.example",
].join("\n");

describe("lookup --file", () => {
  test("CSV: a header, one row per readable line (non-matches said), bad lines reported with their number and skipped, exit 0", () => {
    const r = run("--file", file("v.txt", VENDORS), "--country", "FR", "--format", "csv");
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\r\n").map(cells);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((c) => [c[0], c[3], c[4]])).toEqual([
      ["2", "true", "Clip"], ["3", "true", "cloudy"], ["6", "false", ""], ["8", "true", "red"],
    ]);
    expect(rows.every((c) => c.length === CSV_COLUMNS.length)).toBe(true);
    expect(rows[3]![6]).toBe("not in the Data Borders dataset");
    expect(r.stderr).toMatch(/v\.txt:5: not a URL or host name: "not a domain at all" \(skipped\)/);
    expect(r.stderr).toMatch(/v\.txt:7: not a web address/);
    expect(r.stderr).toMatch(/2 warning\(s\)/);
  });

  test("Markdown: summary table, the non-matches and skipped lines, then one section per vendor with its sources", () => {
    const r = run("--file", file("v.txt", VENDORS), "--country", "FR", "--format", "md");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Vendor review: France \(FR\)\n/);
    expect(r.stdout).toMatch(/## Summary\n\n\| line \| input \| service \| level \| summary \|/);
    expect(r.stdout).toMatch(/## Not in the dataset\n\n- line 6: www\.example\.org \(example\.org\)/);
    expect(r.stdout).toMatch(/## Skipped lines\n\n- line 5: not a domain at all/);
    expect(r.stdout.match(/^## .* — France$/gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/### Sources\n\n\| publisher \| date \| document \| archived copy \|/);
  });

  test("JSON: the same content as the evidence report, with the non-matches and skipped lines", () => {
    const out = JSON.parse(run("--file", file("v.txt", VENDORS), "--country", "FR", "--format", "json").stdout);
    expect(out.vendors.map((v: { line: number }) => v.line)).toEqual([2, 3, 6, 8]);
    expect(out.notInDataset).toEqual([{ line: 6, input: "www.example.org", domain: "example.org" }]);
    expect(out.skipped.map((s: { line: number }) => s.line)).toEqual([5, 7]);
    expect(out.vendors[0]).toMatchObject({ matched: true, verdict: { level: expect.any(String) }, sources: expect.any(Array) });
  });

  test("exit 2 only when nothing could be read: a missing file, or no readable line", () => {
    expect(run("--file", path.join(dir, "missing.txt")).code).toBe(2);
    const none = run("--file", file("bad.txt", "# only\n\nnot a domain\nftp://x.example/\n"));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/bad\.txt:3: .*\n.*bad\.txt:4: .*\nlookup: nothing could be read/);
    expect(run("--file", file("one.txt", "example.org\n")).code).toBe(0);
  });

  test("options: formats, conflicts, and one site as an evidence report", () => {
    expect(() => parseBatchArgs(["--file", "x", "--format", "pdf"])).toThrow(/--format must be one of csv, md, json/);
    expect(() => parseBatchArgs(["--file", "x", "a.example"])).toThrow(/either --file or one URL/);
    expect(parseBatchArgs(["--file=x", "--country=fr"])).toEqual({ file: "x", input: null, country: "FR", format: "csv" });
    const md = run("clip.example", "--country", "FR", "--format", "md");
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Clip \(clip\.example\) — France\n/);
    expect(run("clip.example", "--format", "csv").code).toBe(2);
  });

  test("CSV cells are quoted when needed and never start a spreadsheet formula", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
  });
});
