// An in-memory stand-in for the parts of the WebExtension API the project
// uses, for tests that mock src/platform/browser.
type Listener = (...args: any[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    fire: (...args: unknown[]) => [...listeners].map((l) => l(...args)),
    listeners,
  };
}

export function storageArea(name: string, onChanged: ReturnType<typeof event>) {
  let data: Record<string, unknown> = {};
  return {
    async get(key?: string | string[] | null) {
      if (key === undefined || key === null) return structuredClone(data);
      const keys = Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      await Promise.resolve();
      onChanged.fire(changes, name);
    },
    async remove(key: string | string[]) { for (const k of Array.isArray(key) ? key : [key]) delete data[k]; },
    async clear() { data = {}; },
    /** Test hook: put raw (possibly corrupt) data in place without events. */
    _raw: (next: Record<string, unknown>) => { data = next; },
  };
}

/** `base` is the extension's own origin: chrome-extension://<id> in Chrome, moz-extension://<uuid> in Firefox. */
export function fakeBrowser(messages: Record<string, string> = {}, options: { id?: string; base?: string } = {}) {
  const id = options.id ?? "own-extension-id";
  const base = options.base ?? `chrome-extension://${id}`;
  const onChanged = event();
  const badges = new Map<number, { text: string; color?: string; title?: string }>();
  const created: string[] = [];
  const tabs: Array<{ id: number; url?: string; active?: boolean }> = [];
  const browser = {
    runtime: {
      id,
      getURL: (p: string) => `${base}/${p.replace(/^\//, "")}`,
      sendMessage: async (_message: unknown): Promise<unknown> => undefined,
      onMessage: event(),
      onInstalled: event(),
      openOptionsPage: async () => void created.push("options"),
    },
    storage: {
      onChanged,
      sync: storageArea("sync", onChanged),
      local: storageArea("local", onChanged),
      session: storageArea("session", onChanged),
    },
    i18n: {
      getMessage: (key: string, subs?: string[]) => (messages[key] ?? "").replace(/\$(\d)/g, (_: string, n: string) => subs?.[Number(n) - 1] ?? ""),
      getUILanguage: () => "en-US",
    },
    tabs: {
      query: async () => tabs.map((t) => ({ ...t })),
      create: async ({ url }: { url: string }) => void created.push(url),
      onUpdated: event(),
      onRemoved: event(),
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, { ...badges.get(tabId), text }),
      setBadgeBackgroundColor: async ({ tabId, color }: { tabId: number; color: string }) => void badges.set(tabId, { text: "", ...badges.get(tabId), color }),
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) => void badges.set(tabId, { text: "", ...badges.get(tabId), title }),
    },
  };
  return { browser, badges, created, tabs };
}
