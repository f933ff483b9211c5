// The content script's window on the extension, kept tiny: the browser's own
// promise-based runtime (Firefox `browser`, Chrome MV3 `chrome`) without the
// polyfill, so the script injected into every dataset page stays small.
import type { Message, MessageName, Reply, Request, Response } from "../core/messages";

interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}
interface Api {
  runtime: Runtime;
  i18n: { getMessage(key: string, subs?: string[]): string };
  storage: { onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void; removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void } };
}

const g = globalThis as unknown as { browser?: Api; chrome?: Api };
const api: Api | undefined = g.browser?.runtime ? g.browser : g.chrome;

export async function sendFromContent<K extends MessageName>(type: K, payload: Request<K>): Promise<Response<K>> {
  if (!api) throw new Error("extension API unavailable");
  const message: Message<K> = { type, payload };
  const reply = (await api.runtime.sendMessage(message)) as Reply<Response<K>> | undefined;
  if (!reply || typeof reply !== "object") throw new Error("no answer from the background");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export function message(key: string, subs?: string[]): string {
  return api?.i18n.getMessage(key, subs) || key;
}

/** False once the extension was reloaded, updated or disabled under this page. */
export function extensionAlive(): boolean {
  try {
    return Boolean(api?.runtime?.id);
  } catch {
    return false;
  }
}

export function onSyncChanged(callback: () => void): () => void {
  const listener = (_changes: Record<string, unknown>, area: string) => {
    if (area === "sync") callback();
  };
  api?.storage.onChanged.addListener(listener);
  return () => api?.storage.onChanged.removeListener(listener);
}
