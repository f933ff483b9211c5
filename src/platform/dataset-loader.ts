// Opens the split dataset the build writes to data/index.json and
// data/shards/*.json (see src/core/dataset-split.ts). Only the extension's
// own files are read.
import browser from "./browser";
import { isDatasetIndex, SplitDataset } from "../core/dataset-split";

async function readJson(file: string): Promise<unknown> {
  const url = browser.runtime.getURL(file);
  let text: string;
  try {
    text = await (await fetch(url)).text();
  } catch (e) {
    throw new Error(`could not read the bundled ${file}: ${String(e)}`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`the bundled ${file} is not valid JSON: ${String(e)}`, { cause: e });
  }
}

export async function openSplitDataset(): Promise<SplitDataset> {
  const index = await readJson("data/index.json");
  if (!isDatasetIndex(index)) throw new Error("the bundled dataset index has an unexpected shape");
  return new SplitDataset(index, readJson);
}
