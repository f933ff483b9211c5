// Entry for build.mjs: the dataset compiler and its reports, bundled for Node.
export { compileData, formatProblem, matchPatterns, countriesNamed } from "./compile";
export type { DataProblem, CompileResult } from "./compile";
export { coverageMarkdown, countClaims, readRanking } from "./report";
export { readDepthScope } from "./depth";
export { buildWorldMap } from "./map";
export { verdictsMarkdown, verdictRows, CALIBRATION_COUNTRIES } from "./verdicts";
export { runtimeDataset, splitDataset, STRIPPED_KEYS } from "./runtime";
