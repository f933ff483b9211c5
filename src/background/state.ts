// What the handlers wait for: the current settings (enough to answer from a
// stored report) and the bundled dataset's index (to compute one, with the
// shards a report needs read on demand). Each is read once per worker life;
// settings stay fresh via onChanged.
import browser from "../platform/browser";
import { readSettings, onSettingsChanged } from "../platform/settings";
import { isDatasetIndex, SplitDataset } from "../core/dataset-split";
import type { Settings } from "../core/settings";

/** The current settings: all a stored report needs to be checked and shown. */
export interface Settled {
  settings: Settings;
}

/** The settings and the bundled dataset (its index read; `data.forUrls` reads the records a report needs). */
export interface State extends Settled {
  data: SplitDataset;
}

/** A file of the bundled dataset, parsed; the error names the file. */
async function readDataFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await (await fetch(browser.runtime.getURL(file))).text();
  } catch (e) {
    throw new Error(`could not read the bundled dataset (${file}): ${String(e)}`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`the bundled dataset (${file}) is not valid JSON: ${String(e)}`, { cause: e });
  }
}

async function loadDataset(): Promise<SplitDataset> {
  const index = await readDataFile("data/index.json");
  if (!isDatasetIndex(index)) throw new Error("the bundled dataset (data/index.json) has an unexpected shape");
  return new SplitDataset(index, readDataFile);
}

let base: Promise<Settled> | undefined;
let full: Promise<State> | undefined;

/**
 * The settings, read once per worker life and kept current by trackSettings.
 * Answering from a stored report needs nothing more, so a woken worker does
 * not read the dataset for it.
 */
export function settled(): Promise<Settled> {
  if (!base) {
    base = readSettings().then((settings) => ({ settings }));
    base.catch(() => { base = undefined; });
  }
  return base;
}

/** The settings and the dataset's index (read at the first need); the same object as `settled()`'s, completed. */
export function ready(): Promise<State> {
  if (!full) {
    full = Promise.all([settled(), loadDataset()]).then(([s, data]) => Object.assign(s, { data }));
    full.catch(() => { full = undefined; }); // a failed load is retried by the next caller
  }
  return full;
}

/** Keeps the cached settings current; returns the listener's remover. */
export function trackSettings(onChange: (s: Settings, previous: Settings) => void): () => void {
  return onSettingsChanged((settings) => {
    void settled().then((s) => {
      const previous = s.settings;
      s.settings = settings;
      onChange(settings, previous);
    });
  });
}

export { today } from "../core/report-store";
