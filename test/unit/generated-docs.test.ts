// The coverage report is committed and shipped (the extension's coverage page is built from it):
// it must be exactly what `npm run data:report` writes for today's data.
import fs from "node:fs";
import path from "node:path";
import { compileData } from "../../tools/data/compile";
import { coverageMarkdown } from "../../tools/data/report";

const ROOT = path.resolve(__dirname, "../..");
const DATA = path.join(ROOT, "src/data");

test("docs/data-coverage.md is what `npm run data:report` produces (run it and review the diff)", () => {
  const version = compileData(DATA, new Date().toISOString().slice(0, 10)).dataset?.version;
  expect(version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const asOf = compileData(DATA, version!);
  const ranking = JSON.parse(fs.readFileSync(path.join(ROOT, "tools/data/ranking/top-sites.json"), "utf8"));
  const committed = fs.readFileSync(path.join(ROOT, "docs/data-coverage.md"), "utf8");
  expect(committed).toBe(coverageMarkdown(asOf.dataset!, asOf.warnings, ranking));
});
