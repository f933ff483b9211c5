// The split dataset's loader on the fixture dataset (fast enough for the mutation run): the index guard,
// one read per shard, concurrent callers sharing a read, retries after a failed read, refused shapes.
// runtime-dataset.test.ts checks the same loader against the whole real dataset.
import { isDatasetIndex, shardPath, SplitDataset } from "../../src/core/dataset-split";
import { splitDataset } from "../../tools/data/runtime";
import { miniDataset } from "../fixtures/mini-dataset";

const ds = miniDataset();
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

test("the index guard accepts the built index and refuses anything else, field by field", () => {
  const { index } = loader();
  expect(isDatasetIndex(index)).toBe(true);
  for (const bad of [null, "index", 3]) expect(isDatasetIndex(bad)).toBe(false);
  const broken: Array<[string, unknown]> = [["format", 2], ["version", 1], ["hash", null], ["shardSize", 0], ["shardSize", "4"], ["counts", null], ["domains", null], ["hosts", null], ["laws", {}], ["groups", null]];
  for (const [key, value] of broken) expect([key, isDatasetIndex({ ...index, [key]: value })]).toEqual([key, false]);
});

test("a listed page reads only its shard, once, and gets the same record and entities as the whole dataset", async () => {
  const { split, reads } = loader();
  const clip = ds.services.findIndex((s) => s.id === "clip");
  expect(split.view.services[clip]).toBeUndefined();
  const view = await split.forUrl("https://www.clip.example/");
  expect(reads).toEqual([shardPath(Math.floor(clip / SIZE))]);
  expect(view.services[clip]).toEqual(ds.services[clip]);
  for (const o of ds.services[clip]!.operators) expect(view.entities[o.entity]).toEqual(ds.entities[o.entity]);
  await split.forUrl("https://clip.example/again");
  await split.ensure(clip);
  expect(reads).toHaveLength(1);
  // A page outside the dataset reads nothing more.
  await split.forUrl("https://www.example.net/");
  expect(reads).toHaveLength(1);
});

test("concurrent callers share one read; a failed read is retried; a wrong shard or index is refused", async () => {
  const { index, shards, split, reads } = loader();
  await Promise.all([split.ensure(0), split.ensure(1), split.ensure(SIZE - 1)]);
  expect(reads).toEqual([shardPath(0)]);
  let fail = true;
  const flaky = new SplitDataset(index, async (p) => {
    if (fail) throw new Error("read failed");
    return p === shardPath(0) ? shards[0] : { ...shards[1], start: 0 };
  });
  await expect(flaky.ensure(0)).rejects.toThrow("read failed");
  fail = false;
  await expect(flaky.ensure(0)).resolves.toBeUndefined();
  await expect(flaky.ensure(SIZE)).rejects.toThrow("unexpected shape");
  for (const i of [-1, 0.5, ds.services.length]) await expect(flaky.ensure(i)).rejects.toThrow(RangeError);
  const malformed = new SplitDataset(index, async () => ({ start: 0, services: "x", entities: {} }));
  await expect(malformed.ensure(0)).rejects.toThrow("unexpected shape");
  expect(split.view.version).toBe(ds.version);
});
