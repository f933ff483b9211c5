// Shared by the tests that run the background as the browser does (`main()` against a fake browser):
// the tab and sender values browsers pass, and starting a fresh worker. Each test file keeps its own
// `jest.mock` of src/platform/browser (jest hoists it per file).
import type { Runtime, Tabs } from "../../src/platform/browser";
import type { fakeBrowser } from "./fake-browser";

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
