// The unit tests a mutant of src/core is judged by (`npm run test:mutation`): the engine's own tests,
// on fixture datasets. Tests over the whole real dataset (calibration, generated docs, hardening,
// runtime shape, examples) and the UI and browser-wiring tests are left out: each would run for
// every mutant and the run would take hours; they still run in `npm test`.
const base = require("./jest.config.cjs");

module.exports = {
  ...base,
  testMatch: [
    "**/assess.test.ts", "**/match.test.ts", "**/text.test.ts", "**/settings.test.ts", "**/messages.test.ts",
    "**/next-steps.test.ts", "**/xray.test.ts", "**/lookup.test.ts", "**/lookup-batch.test.ts", "**/project.test.ts",
    "**/locales.test.ts", "**/banner.test.ts",
  ],
  cacheDirectory: "<rootDir>/.cache/jest-mutation",
};
