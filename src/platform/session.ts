// Per-session state that must survive a service-worker restart: which sites
// had their banner closed, and at which level.
// storage.session exists in every browser the manifests allow (Chrome 120+, Firefox 140+).
import browser from "./browser";

let queue: Promise<unknown> = Promise.resolve();

async function read<T>(key: string, valid: (v: unknown) => v is T, fallback: T): Promise<T> {
  try {
    const got = await browser.storage.session.get(key);
    const v = got[key];
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

/** The value of one session key; a read sees every write already asked for (close the banner, then reload at once). */
export async function sessionGet<T>(key: string, valid: (v: unknown) => v is T, fallback: T): Promise<T> {
  await queue;
  return read(key, valid, fallback);
}

/** Serialised read-modify-write of one session key. */
export function sessionUpdate<T>(key: string, valid: (v: unknown) => v is T, fallback: T, update: (v: T) => T): Promise<T> {
  const run = queue.then(async () => {
    const next = update(await read(key, valid, fallback));
    await browser.storage.session.set({ [key]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
