// Adds up the mutation-testing results of every part run by `npm run test:mutation`
// (.cache/mutation/*.json, the newest result per file wins) and prints the score per
// src/core file and in total, as Stryker defines it: detected (killed or timed out)
// over detected + undetected (survived or not covered). Exits 1 below 80 %.
// `--survivors` also lists each surviving mutant (file:line, mutator, replacement).
import fs from "node:fs";
import path from "node:path";

const DIR = path.resolve(import.meta.dirname, "../.cache/mutation");
const THRESHOLD = 80;
const reports = fs.existsSync(DIR)
  ? fs.readdirSync(DIR).filter((f) => f.endsWith(".json") && !f.endsWith(".incremental.json")).map((f) => path.join(DIR, f))
  : [];
if (reports.length === 0) {
  console.error("no mutation results in .cache/mutation: run `npm run test:mutation` first");
  process.exit(2);
}
const files = new Map();
for (const report of reports.sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)) {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  for (const [file, result] of Object.entries(json.files ?? {})) files.set(path.relative(process.cwd(), path.resolve(file)), result);
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
let detected = 0;
let undetected = 0;
const rows = [];
const survivors = [];
for (const [file, result] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const d = result.mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = result.mutants.filter((m) => UNDETECTED.has(m.status));
  detected += d;
  undetected += u.length;
  rows.push([file, d, u.length, d + u.length === 0 ? "—" : `${((100 * d) / (d + u.length)).toFixed(1)} %`]);
  for (const m of u) survivors.push(`${file}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? "").slice(0, 100)}`);
}
const score = (100 * detected) / Math.max(1, detected + undetected);
console.log("| file | detected | undetected | score |\n| --- | ---: | ---: | ---: |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
console.log(`| **src/core** | ${detected} | ${undetected} | **${score.toFixed(1)} %** |`);
if (process.argv.includes("--survivors")) console.log(`\n${survivors.join("\n")}`);
if (score < THRESHOLD) {
  console.error(`mutation score ${score.toFixed(1)} % is below ${THRESHOLD} %`);
  process.exit(1);
}
