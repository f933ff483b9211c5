// The split dataset's loader on the fixture dataset (fast enough for the mutation run): the index guard,
// a report reading its category's shards and no other, concurrent callers sharing a read, retries after a
// failed read, refused shapes. runtime-dataset.test.ts checks the same loader against the whole real dataset.
import { isDatasetIndex, shardPath, SplitDataset } from "../../src/core/dataset-split";
import { splitDataset } from "../../tools/data/runtime";
import { miniDataset } from "../fixtures/mini-dataset";
import { buildReport } from "../../src/core/report";
import { withActions } from "../../src/core/actions";
import { rollup } from "../../src/core/xray";
import { DEFAULT_CONCERNS } from "../../src/core/assess";

const base = miniDataset();
// Two categories, each larger than a shard.
const ds = { ...base, services: base.services.map((s, i) => ({ ...s, category: i % 3 === 0 ? ("video" as const) : ("social" as const) })) };
const SIZE = 4;

function loader() {
  const { index, shards } = splitDataset(ds, SIZE);
  const reads: string[] = [];
  const split = new SplitDataset(index, async (p) => {
    reads.push(p);
    const n = Number(/(\d+)\.json$/.exec(p)?.[1]);
    if (p !== shardPath(n) || !shards[n]) throw new Error(`no file ${p}`);
    return JSON.parse(JSON.stringify(shards[n]));
  });
  return { index, shards, split, reads };
}

test("shards follow categories, at most SIZE services each, and hold the entities their services reach", () => {
  const { index, shards } = loader();
  const video = ds.services.filter((s) => s.category === "video").length;
  expect(video).toBeGreaterThan(SIZE);
  expect(index.categories.video).toHaveLength(Math.ceil(video / SIZE));
  expect(index.categories.social).toHaveLength(Math.ceil((ds.services.length - video) / SIZE));
  shards.forEach((shard, n) => {
    expect(shard.services.length).toBeLessThanOrEqual(SIZE);
    expect(new Set(shard.services.map((s) => s.category)).size).toBe(1);
    shard.ids.forEach((i, k) => {
      expect(index.shardOf[i]).toBe(n);
      expect(shard.services[k]).toEqual(ds.services[i]);
      for (const o of ds.services[i]!.operators) expect(shard.entities[o.entity]).toEqual(ds.entities[o.entity]);
    });
  });
});

test("the index guard accepts the built index and refuses anything else, field by field", () => {
  const { index } = loader();
  expect(isDatasetIndex(index)).toBe(true);
  for (const bad of [null, "index", 3, []]) expect(isDatasetIndex(bad)).toBe(false);
  const broken: Array<[string, unknown]> = [
    ["format", 1], ["version", 1], ["hash", null], ["counts", null], ["counts", { services: "14" }], ["shardOf", null], ["shardOf", index.shardOf.slice(1)],
    ["shardOf", index.shardOf.map((n, i) => (i === 0 ? -1 : n))], ["shardOf", index.shardOf.map((n, i) => (i === 0 ? 0.5 : n))], ["categories", null],
    ["categories", { video: "0" }], ["categories", { video: [-1] }], ["domains", null], ["hosts", null], ["laws", {}], ["groups", null], ["ranks", "x"],
  ];
  for (const [key, value] of broken) expect([key, isDatasetIndex({ ...index, [key]: value })]).toEqual([key, false]);
});

test("a listed page reads its category's shards, once each, and gets the same records and entities as the whole dataset", async () => {
  const { index, split, reads } = loader();
  const clip = ds.services.findIndex((s) => s.id === "clip");
  const category = ds.services[clip]!.category;
  expect(split.view.services[clip]).toBeUndefined();
  const view = await split.forUrls(["https://www.clip.example/"]);
  expect([...reads].sort()).toEqual(index.categories[category]!.map(shardPath).sort());
  ds.services.forEach((s, i) => expect(view.services[i]).toEqual(s.category === category ? s : undefined));
  for (const o of ds.services[clip]!.operators) expect(view.entities[o.entity]).toEqual(ds.entities[o.entity]);
  const n = reads.length;
  await split.forUrls(["https://clip.example/again"]);
  await split.ensure(clip);
  expect(reads).toHaveLength(n);
  // A page outside the dataset reads nothing more.
  await split.forUrls(["https://www.example.net/"]);
  expect(reads).toHaveLength(n);
});

test("concurrent callers share one read; a failed read is retried; a wrong shard or index is refused", async () => {
  const { index, shards, split, reads } = loader();
  const sameShard = ds.services.map((_, i) => i).filter((i) => index.shardOf[i] === 0);
  await Promise.all(sameShard.map((i) => split.ensure(i)));
  expect(new Set(reads).size).toBe(reads.length);
  let fail = true;
  const flaky = new SplitDataset(index, async (p) => {
    if (fail) throw new Error("read failed");
    return shards.find((_, n) => shardPath(n) === p);
  });
  await expect(flaky.ensure(sameShard[0]!)).rejects.toThrow("read failed");
  fail = false;
  await expect(flaky.ensure(sameShard[0]!)).resolves.toBeUndefined();
  const elsewhere = ds.services.findIndex((_, i) => index.shardOf[i] !== 0);
  const wrong = new SplitDataset(index, async () => shards[0]);
  await expect(wrong.ensure(elsewhere)).rejects.toThrow("unexpected shape");
  for (const i of [-1, 0.5, ds.services.length]) await expect(flaky.ensure(i)).rejects.toThrow(RangeError);
  const [a, b] = sameShard as [number, number];
  const shard0 = shards[0]!;
  const bads = [
    { ids: [a], services: "x", entities: {} },
    { ids: [a, b], services: [ds.services[a]], entities: {} },
    { ...shard0, entities: null },
    // A stale file: one service of the shard missing, or one twice in its place.
    { ids: shard0.ids.slice(1), services: shard0.services.slice(1), entities: shard0.entities },
    { ids: [shard0.ids[0], ...shard0.ids.slice(0, -1)], services: [shard0.services[0], ...shard0.services.slice(0, -1)], entities: shard0.entities },
  ];
  for (const bad of bads) {
    const malformed = new SplitDataset(index, async (p) => (p === shardPath(0) ? bad : shards.find((_, n) => shardPath(n) === p)));
    await expect(malformed.ensure(a)).rejects.toThrow(`the bundled dataset (${shardPath(0)}) has an unexpected shape`);
  }
  // The same shard with its entities elsewhere is accepted.
  const small = new SplitDataset(index, async (p) => (p === shardPath(0) ? { ...shard0, entities: {} } : shards.find((_, n) => shardPath(n) === p)));
  await expect(small.ensure(a)).resolves.toBeUndefined();
  expect(split.view.version).toBe(ds.version);
});

test("alternatives drawn from a partly read view are those of the whole dataset (the other category's holes are skipped)", async () => {
  // Every service, so that holes come both before and after the one asked for in the list.
  const urls = ds.services.filter((s) => s.domains.length > 0).map((s) => `https://${s.domains[0]}/`);
  let offered = 0;
  for (const url of urls) {
    const { split } = loader();
    const view = await split.forUrls([url]);
    expect(Object.keys(view.services).length).toBeLessThan(view.services.length); // holes: the other category is not read
    for (const country of ["FR", "US", "IN"]) {
      const full = withActions(ds, buildReport(ds, url, country, DEFAULT_CONCERNS, "2026-06-01"), DEFAULT_CONCERNS, "2026-06-01");
      expect(withActions(view, buildReport(view, url, country, DEFAULT_CONCERNS, "2026-06-01"), DEFAULT_CONCERNS, "2026-06-01")).toEqual(full);
      offered += full.alternatives?.list.length ?? 0;
    }
  }
  expect(offered).toBeGreaterThan(0);
});

test("a page scan reads only the shards of the services it names, not their categories, and rolls up as on the whole dataset", async () => {
  const { index, split, reads } = loader();
  const clip = ds.services.findIndex((s) => s.id === "clip");
  const view = await split.forUrls(["https://www.clip.example/"], { category: false });
  expect(reads).toEqual([shardPath(index.shardOf[clip]!)]);
  expect(view.services[clip]).toEqual(ds.services[clip]);
  // Asked again for a report, the rest of the category is read.
  await split.forUrls(["https://www.clip.example/"]);
  expect([...reads].sort()).toEqual(index.categories[ds.services[clip]!.category]!.map(shardPath).sort());
  // A page naming a third party of each category: the same roll-up as on the whole dataset.
  const page = "https://www.example.net/article";
  const hosts = ds.services.filter((s) => s.domains.length > 0).map((s) => ({ host: s.domains[0]!, requests: 2 }));
  const fresh = loader();
  const partial = await fresh.split.forUrls([page, ...hosts.map((h) => `https://${h.host}/`)], { category: false });
  expect(rollup(partial, page, hosts, "FR", DEFAULT_CONCERNS, "2026-06-01")).toEqual(rollup(ds, page, hosts, "FR", DEFAULT_CONCERNS, "2026-06-01"));
});
