// The dataset as the built extension ships it (data/index.json and its shards), put back together as the
// one CompiledDataset the engine sees once every shard is read.
import fs from "node:fs";
import path from "node:path";

export function shippedDataset(dir) {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  const { domains, hosts, laws, groups, ranks, version, hash, counts } = read("data/index.json");
  const ds = { format: 1, version, hash, domains, hosts, laws, groups, ...(ranks ? { ranks } : {}), services: new Array(counts.services), entities: {} };
  for (const f of fs.readdirSync(path.join(dir, "data/shards"))) {
    const shard = read(`data/shards/${f}`);
    shard.ids.forEach((i, k) => { ds.services[i] = shard.services[k]; });
    Object.assign(ds.entities, shard.entities);
  }
  return ds;
}
