// What the Page X-ray benchmark measures, bundled for Node: the in-page
// collection (run in Chromium), the shape check and the roll-up.
export { collectHosts } from "../src/platform/collect-hosts";
export { parseScan } from "../src/core/scan-shape";
export { rollup } from "../src/core/xray";
export { DEFAULT_CONCERNS } from "../src/core/assess";
export { SplitDataset, isDatasetIndex } from "../src/core/dataset-split";
