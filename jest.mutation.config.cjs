// The unit tests a mutant of src/core is judged by (`npm run test:mutation`): the engine's own tests,
// on fixture datasets. The popup and options tests run in jsdom, chosen per file, where Stryker cannot
// collect per-test coverage; the worker tests (a fake browser per test) would run for nearly every
// mutant and triple the run's time. Tests that compile the
// whole real dataset (calibration, generated docs, hardening, runtime shape, text quality, pseudo-locale)
// are left out: each would recompile it for every mutant and the run would take hours; they still run
// in `npm test`.
const base = require("./jest.config.cjs");

module.exports = {
  ...base,
  testMatch: [
    "**/assess.test.ts", "**/match.test.ts", "**/text.test.ts", "**/settings.test.ts", "**/messages.test.ts",
    "**/next-steps.test.ts", "**/xray.test.ts", "**/lookup.test.ts", "**/lookup-batch.test.ts", "**/project.test.ts",
    "**/locales.test.ts", "**/banner.test.ts", "**/sender.test.ts", "**/data/law-names.test.ts",
    "**/data/report.test.ts", "**/golden-text.test.ts", "**/dataset-split.test.ts",
  ],
  cacheDirectory: "<rootDir>/.cache/jest-mutation",
};
