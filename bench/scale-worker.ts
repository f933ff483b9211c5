// The scale benchmark's service worker: loads the dataset the way the
// extension does (one file, or the split index and its category's shards on
// demand) and answers {type: "report", url, country} with the report's verdict
// level, so that a cold start measures reading, parsing and one report with
// its alternatives.
import { buildReport } from "../src/core/report";
import { withActions } from "../src/core/actions";
import { DEFAULT_CONCERNS } from "../src/core/assess";
import { isCompiledDataset, type CompiledDataset } from "../src/core/dataset";
import { isDatasetIndex, SplitDataset } from "../src/core/dataset-split";

declare const __LAYOUT__: "single" | "split";
declare const chrome: { runtime: { getURL(p: string): string; onMessage: { addListener(f: (m: { type: string; url: string; country: string }, s: unknown, reply: (r: unknown) => void) => boolean): void } } };

const readJson = async (file: string): Promise<unknown> => (await fetch(chrome.runtime.getURL(file))).json();

let ready: Promise<(url: string) => Promise<CompiledDataset>> | undefined;
function open() {
  ready ??= (async () => {
    if (__LAYOUT__ === "split") {
      const index = await readJson("data/index.json");
      if (!isDatasetIndex(index)) throw new Error("bad index");
      const split = new SplitDataset(index, readJson);
      return (url: string) => split.forUrls([url]);
    }
    const ds = await readJson("data/dataset.json");
    if (!isCompiledDataset(ds)) throw new Error("bad dataset");
    return async () => ds;
  })();
  return ready;
}

chrome.runtime.onMessage.addListener((m, _sender, reply) => {
  void open().then(async (forUrl) => {
    const ds = await forUrl(m.url);
    // As the extension does: the report with its alternatives (its category's services).
    const r = withActions(ds, buildReport(ds, m.url, m.country, DEFAULT_CONCERNS, "2026-11-30"), DEFAULT_CONCERNS, "2026-11-30");
    reply({ ok: true, value: r.matched ? r.verdict.level : "unlisted" });
  }, (e: unknown) => reply({ ok: false, error: String(e) }));
  return true;
});
