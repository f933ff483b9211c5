// The dataset as the built extension ships it (data/index.json and its shards), read with the extension's
// own loader (`SplitDataset`, from the benchmark's bundle of src/core) until every shard is in: the one
// CompiledDataset the engine sees.
import fs from "node:fs";
import path from "node:path";

export async function shippedDataset(dir, { SplitDataset, isDatasetIndex }) {
  const read = async (file) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const index = await read("data/index.json");
  if (!isDatasetIndex(index)) throw new Error(`${path.join(dir, "data/index.json")} is not a dataset index`);
  const split = new SplitDataset(index, read);
  await Promise.all(index.shardOf.map((_, i) => split.ensure(i)));
  return split.view;
}
