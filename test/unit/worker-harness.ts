// Shared by the tests that run the background as the browser does (`main()` against a fake browser):
// the tab and sender values browsers pass, the dataset's files, and starting a fresh worker. Each test file keeps its own
// `jest.mock` of src/platform/browser (jest hoists it per file).
import type { Runtime, Tabs } from "../../src/platform/browser";
import type { fakeBrowser } from "./fake-browser";
import type { CompiledDataset } from "../../src/core/dataset";
import { shardPath } from "../../src/core/dataset-split";
import { splitDataset } from "../../tools/data/runtime";

export const ID = "own-extension-id";
export const BASE = `chrome-extension://${ID}`;

export function tab(id: number, url: string): Tabs.Tab {
  return { id, index: 0, windowId: 1, url, title: "", active: true, highlighted: true, pinned: false, incognito: false, status: "loading" };
}

/** A content script in the top frame of tab `tabId`, as browsers describe it. */
export const contentScript = (tabId: number, url: string): Runtime.MessageSender =>
  ({ id: ID, url, origin: new URL(url).origin, frameId: 0, documentId: `doc-${tabId}`, tab: tab(tabId, url) }) as Runtime.MessageSender;

/** Fresh background modules, `main()` started against the fake the file's mock returns; `send` fires one message. */
export async function startWorker(fake: ReturnType<typeof fakeBrowser>) {
  let started!: Promise<void>;
  await jest.isolateModulesAsync(async () => {
    const { main } = await import("../../src/background/main");
    started = main();
  });
  const send = async (message: unknown, sender: Runtime.MessageSender) => {
    const replies = fake.browser.runtime.onMessage.fire(message, sender);
    expect(replies).toHaveLength(1);
    return replies[0] as Promise<{ ok: boolean; value?: any; error?: string }>;
  };
  return { started, send };
}

/**
 * The extension's dataset files for `dataset`, as the build writes them (an index and shards by
 * category), served by URL as `fetch` would; `reads` lists the files read, by URL.
 */
export function datasetFiles(dataset: CompiledDataset, shardSize = 4) {
  const { index, shards } = splitDataset(dataset, shardSize);
  const files = new Map<string, string>([[`${BASE}/data/index.json`, JSON.stringify(index)], ...shards.map((s, n): [string, string] => [`${BASE}/${shardPath(n)}`, JSON.stringify(s)])]);
  const reads: string[] = [];
  const fetch = async (url: string) => {
    reads.push(url);
    const text = files.get(url);
    if (text === undefined) throw new TypeError(`Failed to fetch ${url}`);
    return { text: async () => text };
  };
  return { index, fetch, reads };
}
