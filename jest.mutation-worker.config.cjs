// The tests that judge src/core/report-store.ts in a mutation run: the engine tests plus the worker and
// popup tests that store, reuse and reject reports through a fake browser. Used for that part only
// (MUTATION_JEST_CONFIG=jest.mutation-worker.config.cjs): for the other files they would run for nearly
// every mutant and triple the run's time.
const engine = require("./jest.mutation.config.cjs");

module.exports = {
  ...engine,
  testMatch: [...engine.testMatch, "**/report-store.test.ts", "**/popup-load.test.ts", "**/compute-once.test.ts", "**/background.test.ts"],
};
