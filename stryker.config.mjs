// Mutation testing of the pure engine in src/core: `npm run test:mutation`
// (not part of `npm test`; it runs the unit tests once per mutant and takes
// long). Needs @stryker-mutator/core and @stryker-mutator/jest-runner.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: ["src/core/**/*.ts", "!src/core/country-codes.ts"],
  testRunner: "jest",
  plugins: ["@stryker-mutator/jest-runner"],
  jest: { projectType: "custom", configFile: "jest.mutation.config.cjs", enableFindRelatedTests: true },
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60000,
  dryRunTimeoutMinutes: 20,
  tempDirName: ".cache/stryker-tmp",
  // Results are kept between runs: a run that is stopped resumes, and a later run tests only what changed.
  incremental: true,
  incrementalFile: ".cache/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: ".cache/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: 80 },
};
