// Mutation testing of the pure engine in src/core: `npm run test:mutation`
// (not part of `npm test`; it runs the unit tests once per mutant and takes
// long). Needs @stryker-mutator/core and @stryker-mutator/jest-runner.
//
// MUTATION_FILES (comma-separated globs under src/core) runs one part, with
// its own result files under .cache/mutation/, so that a long run can be done
// in parts; `npm run mutation:score` adds up every part's last result per file.
const files = (process.env.MUTATION_FILES ?? "").split(",").map((f) => f.trim()).filter(Boolean);
const part = files.length > 0 ? files.map((f) => f.replace(/[^a-z0-9]+/gi, "-")).join("_") : "all";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: files.length > 0 ? files.map((f) => `src/core/${f}`) : ["src/core/**/*.ts", "!src/core/country-codes.ts"],
  testRunner: "jest",
  plugins: ["@stryker-mutator/jest-runner"],
  // MUTATION_JEST_CONFIG picks the tests for a part (report-store.ts is judged by the worker tests too).
  jest: { projectType: "custom", configFile: process.env.MUTATION_JEST_CONFIG ?? "jest.mutation.config.cjs", enableFindRelatedTests: true },
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops forever is killed after this long beyond the test's normal time.
  timeoutMS: 10000,
  dryRunTimeoutMinutes: 20,
  tempDirName: ".cache/stryker-tmp",
  // Results are kept between runs: a later run of the same part tests only what changed.
  incremental: true,
  incrementalFile: `.cache/mutation/${part}.incremental.json`,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `.cache/mutation/${part}.json` },
  thresholds: { high: 90, low: 80, break: null },
};
