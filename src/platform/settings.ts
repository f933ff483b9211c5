// Settings in storage.sync behind one small API. Reads always sanitise;
// writes happen in the background only, one at a time, so two pages saving
// at once cannot lose an update.
import browser from "./browser";
import { applyPatch, sanitize, type Settings } from "../core/settings";

const KEY = "settings";
// Each distinct problem is logged once per context, not at every read.
const logged = new Set<string>();
const warn = (m: string) => {
  if (logged.has(m)) return;
  logged.add(m);
  console.warn(`[Data Borders] ${m}`);
};

export async function readSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get(KEY);
    return sanitize(got[KEY], warn);
  } catch (e) {
    warn(`could not read settings (${String(e)}); using defaults`);
    return sanitize(undefined, warn);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Serialised read-modify-write of the settings. */
export function updateSettings(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  const run = queue.then(async () => {
    const current = await readSettings();
    const next = applyPatch(current, typeof patch === "function" ? patch(current) : patch, warn);
    await browser.storage.sync.set({ [KEY]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Calls back with fresh settings whenever they change, in any context. */
export function onSettingsChanged(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === "sync" && KEY in changes) callback(sanitize(changes[KEY]!.newValue, warn));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
