// The coverage report is committed and shipped (the extension's coverage page is built from it):
// it must be exactly what `npm run data:report` writes for today's data.
import fs from "node:fs";
import path from "node:path";
import { compileData } from "../../tools/data/compile";
import { coverageMarkdown, readRanking } from "../../tools/data/report";
import { readDepthScope } from "../../tools/data/depth";

const ROOT = path.resolve(__dirname, "../..");
const DATA = path.join(ROOT, "src/data");

test("docs/data-coverage.md is what `npm run data:report` produces (run it and review the diff)", () => {
  const version = compileData(DATA, new Date().toISOString().slice(0, 10)).dataset?.version;
  expect(version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const asOf = compileData(DATA, version!);
  const ranking = readRanking(ROOT);
  const committed = fs.readFileSync(path.join(ROOT, "docs/data-coverage.md"), "utf8");
  expect(committed).toBe(coverageMarkdown(asOf.dataset!, { warnings: asOf.warnings, gaps: asOf.gaps, ranking, depthScope: readDepthScope(ROOT) }));
});

test("every domain the non-consumer list names is in the ranking, once", () => {
  const listed = Object.values((JSON.parse(fs.readFileSync(path.join(ROOT, "tools/data/ranking/non-consumer.json"), "utf8")) as { domains: Record<string, string[]> }).domains).flat();
  const ranked = new Set(readRanking(ROOT).map((r) => r.domain));
  expect(listed.filter((d) => !ranked.has(d))).toEqual([]);
  expect(listed.length).toBe(new Set(listed).size);
  expect(readRanking(ROOT).filter((r) => r.consumer === false)).toHaveLength(listed.length);
});
