// `npm run test:mutation`: StrykerJS over src/core in parts, each with the tests that judge it, then the
// score per file and in total (tools/mutation-score.mjs). A part's results are kept in .cache/mutation/,
// so a stopped run resumes and a later run re-tests only what changed. `node tools/mutation-run.mjs assess`
// runs the parts whose name contains "assess".
import { spawnSync } from "node:child_process";

const PARTS = [
  { files: "assess.ts" },
  { files: "match.ts,ownership.ts,regions.ts,tiers.ts,context.ts" },
  { files: "alternatives.ts,settings.ts,messages.ts,report.ts,actions.ts" },
  // The report store is read and written by the worker and the popup: their tests judge it.
  { files: "report-store.ts", jest: "jest.mutation-worker.config.cjs" },
  { files: "xray.ts,xray-text.ts,scan-shape.ts,dataset.ts,dataset-split.ts,project.ts,continents.ts" },
  { files: "text.ts,country-grammar.ts" },
  { files: "evidence.ts,letter.ts,letter-law.ts" },
];

const only = process.argv.slice(2);
for (const part of PARTS.filter((p) => only.length === 0 || only.some((o) => p.files.includes(o)))) {
  console.log(`\n== mutation part: ${part.files}`);
  const env = { ...process.env, MUTATION_FILES: part.files, ...(part.jest ? { MUTATION_JEST_CONFIG: part.jest } : {}) };
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs"], { stdio: "inherit", env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const score = spawnSync(process.execPath, ["tools/mutation-score.mjs"], { stdio: "inherit" });
process.exit(score.status ?? 1);
