// What the handlers wait for: the current settings (enough to answer from a
// stored report) and the bundled dataset (to compute one). Each is read once
// per worker life; settings stay fresh via onChanged.
import browser from "../platform/browser";
import { readSettings, onSettingsChanged } from "../platform/settings";
import { isCompiledDataset, type CompiledDataset } from "../core/dataset";
import type { Settings } from "../core/settings";

/** The current settings: all a stored report needs to be checked and shown. */
export interface Settled {
  settings: Settings;
}

/** The settings and the bundled dataset: what computing a report needs. */
export interface State extends Settled {
  dataset: CompiledDataset;
}

async function loadDataset(): Promise<CompiledDataset> {
  const url = browser.runtime.getURL("data/dataset.json");
  let text: string;
  try {
    text = await (await fetch(url)).text();
  } catch (e) {
    throw new Error(`could not read the bundled dataset: ${String(e)}`, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`the bundled dataset is not valid JSON: ${String(e)}`, { cause: e });
  }
  if (!isCompiledDataset(parsed)) throw new Error("the bundled dataset has an unexpected shape");
  return parsed;
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

/** The settings and the dataset (read at the first need); the same object as `settled()`'s, completed. */
export function ready(): Promise<State> {
  if (!full) {
    full = Promise.all([settled(), loadDataset()]).then(([s, dataset]) => Object.assign(s, { dataset }));
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
