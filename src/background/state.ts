// What every handler waits for: the bundled dataset and the current
// settings. Loaded once per worker life; settings stay fresh via onChanged.
import browser from "../platform/browser";
import { readSettings, onSettingsChanged } from "../platform/settings";
import { isCompiledDataset, type CompiledDataset } from "../core/dataset";
import type { Settings } from "../core/settings";

export interface State {
  dataset: CompiledDataset;
  settings: Settings;
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

let state: Promise<State> | undefined;

export function ready(): Promise<State> {
  if (!state) {
    state = Promise.all([loadDataset(), readSettings()]).then(([dataset, settings]) => ({ dataset, settings }));
    state.catch(() => { state = undefined; }); // a failed load is retried by the next caller
  }
  return state;
}

/** Keeps the cached settings current; returns the listener's remover. */
export function trackSettings(onChange: (s: Settings, previous: Settings) => void): () => void {
  return onSettingsChanged((settings) => {
    void ready().then((s) => {
      const previous = s.settings;
      s.settings = settings;
      onChange(settings, previous);
    });
  });
}

export { today } from "../core/report-store";
