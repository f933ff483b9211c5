// Per-session state that must survive a service-worker restart: which sites
// had their banner closed at which level, and each tab's last verdict.
// storage.session where the browser has it, else storage.local cleared at startup.
import browser from "./browser";
import type { Storage } from "./browser";

function area(): Storage.StorageArea {
  const s = (browser.storage as unknown as { session?: Storage.StorageArea }).session;
  return s ?? browser.storage.local;
}

export async function sessionGet<T>(key: string, valid: (v: unknown) => v is T, fallback: T): Promise<T> {
  try {
    const got = await area().get(key);
    const v = got[key];
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Serialised read-modify-write of one session key. */
export function sessionUpdate<T>(key: string, valid: (v: unknown) => v is T, fallback: T, update: (v: T) => T): Promise<T> {
  const run = queue.then(async () => {
    const next = update(await sessionGet(key, valid, fallback));
    await area().set({ [key]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
