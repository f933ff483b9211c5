// The worker and damaged dataset files: a missing or corrupt index or shard
// gives an error that names the file, loses nothing (settings untouched), and
// the next request reads the files again once they are readable.
import type { Runtime } from "../../src/platform/browser";
import { fakeBrowser } from "./fake-browser";
import { BASE, ID, datasetFiles, startWorker, tab } from "./worker-harness";
import { EN } from "./en-messages";
import { miniDataset } from "../fixtures/mini-dataset";
import { shardPath } from "../../src/core/dataset-split";

let mockFake = fakeBrowser(EN);
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));

const dataset = miniDataset();
const files = datasetFiles(dataset);
/** URL → what the "file" holds instead of its content, while a test damages it. */
const damaged = new Map<string, string | null>();
(globalThis as unknown as { fetch: unknown }).fetch = async (url: string) => {
  if (!damaged.has(url)) return files.fetch(url);
  const text = damaged.get(url);
  if (text === null) throw new TypeError(`Failed to fetch ${url}`);
  return { text: async () => text };
};

const popupPage: Runtime.MessageSender = { id: ID, url: `${BASE}/popup.html`, frameId: 0, tab: tab(99, `${BASE}/popup.html`) };
const FR = { version: 2, country: "FR", onboarded: true };
const CLIP = "https://www.clip.example/";

/** A fresh worker; returns its report request (and the raw sender for other messages). */
async function boot() {
  mockFake = fakeBrowser(EN);
  mockFake.browser.storage.sync._raw({ settings: FR });
  const { started, send } = await startWorker(mockFake);
  await started;
  return Object.assign((url: string) => send({ type: "getReport", payload: { url } }, popupPage), { send });
}

afterEach(() => damaged.clear());

test("a corrupt index: the error names the file; settings are kept; a later request reads it again", async () => {
  damaged.set(`${BASE}/data/index.json`, "{ not json");
  const report = await boot();
  await expect(report(CLIP)).resolves.toEqual({ ok: false, error: expect.stringMatching(/^the bundled dataset \(data\/index\.json\) is not valid JSON: /) });
  damaged.set(`${BASE}/data/index.json`, JSON.stringify({ format: 2, version: "x" }));
  await expect(report(CLIP)).resolves.toEqual({ ok: false, error: "the bundled dataset (data/index.json) has an unexpected shape" });
  expect((await mockFake.browser.storage.sync.get("settings")).settings).toEqual(FR);
  damaged.clear();
  await expect(report(CLIP)).resolves.toMatchObject({ ok: true, value: { matched: true, verdict: { level: "high" } } });
});

test("an unreadable or foreign shard: the error names the file; pages outside the dataset still answer; a later request reads it again", async () => {
  const clip = dataset.services.findIndex((s) => s.id === "clip");
  const shard = `${BASE}/${shardPath(files.index.shardOf[clip]!)}`;
  damaged.set(shard, null);
  const report = await boot();
  await expect(report(CLIP)).resolves.toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^could not read the bundled dataset \\(${shardPath(files.index.shardOf[clip]!).replace(/\//g, "\\/").replace(/\./g, "\\.")}\\): `)) });
  await expect(report("https://www.example.net/")).resolves.toMatchObject({ ok: true, value: { matched: false } });
  damaged.set(shard, JSON.stringify({ ids: [], services: [], entities: {} }));
  await expect(report(CLIP)).resolves.toEqual({ ok: false, error: `the bundled dataset (${shardPath(files.index.shardOf[clip]!)}) has an unexpected shape` });
  damaged.clear();
  await expect(report(CLIP)).resolves.toMatchObject({ ok: true, value: { matched: true, verdict: { level: "high" } } });
});

test("a page scan reads the shards of the services it names, not their categories", async () => {
  const { send } = await boot();
  files.reads.length = 0;
  const clip = dataset.services.findIndex((s) => s.id === "clip");
  await expect(send({ type: "getXray", payload: { url: "https://www.example.net/", hosts: [{ host: "www.clip.example", requests: 2 }] } }, popupPage)).resolves.toMatchObject({ ok: true });
  expect(files.reads).toEqual([`${BASE}/data/index.json`, `${BASE}/${shardPath(files.index.shardOf[clip]!)}`]);
});
