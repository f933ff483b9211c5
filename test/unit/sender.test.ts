// senderInfo (src/platform/messaging.ts) with the MessageSender values the
// browsers really pass, and what the router then accepts. Each test names
// the mutation of senderInfo it kills (each was tried by hand once):
//   A  fromExtensionPage always true            ("every sender is an extension page")
//   B  fromExtensionPage = url !== undefined    (the base URL is not compared)
//   C  url.startsWith(base) → url.includes(base)
//   D  the base without its trailing slash      (getURL("") instead of getURL("/"), or a slash stripped)
//   E  tabId not taken from sender.tab
//   F  frameId always 0
//   G  id taken from anything but sender.id
//   H  fromExtensionPage always false           (our own pages lose their messages)
import type { Runtime, Tabs } from "../../src/platform/browser";
import { fakeBrowser } from "./fake-browser";
import { route, type Handlers } from "../../src/core/messages";

const CHROME_ID = "own-extension-id";
const FIREFOX_UUID = "00000000-0000-4000-8000-0000000db001";
const GECKO_ID = "data-borders@data-borders.org";

let mockFake = fakeBrowser();
jest.mock("../../src/platform/browser", () => ({ __esModule: true, get default() { return mockFake.browser; } }));
import { senderInfo, extensionId } from "../../src/platform/messaging";

const asChrome = () => (mockFake = fakeBrowser({}, { id: CHROME_ID }));
const asFirefox = () => (mockFake = fakeBrowser({}, { id: GECKO_ID, base: `moz-extension://${FIREFOX_UUID}` }));

function tab(id: number, url: string): Tabs.Tab {
  return { id, index: 0, windowId: 1, url, title: "", active: true, highlighted: true, pinned: false, incognito: false, status: "complete" };
}

// What Chrome 120+ passes to runtime.onMessage.
const chrome = {
  contentTop: { id: CHROME_ID, url: "https://www.tiktok.com/@x", origin: "https://www.tiktok.com", frameId: 0, documentId: "8C2F1E0A", documentLifecycle: "active", tab: tab(7, "https://www.tiktok.com/@x") },
  contentSubFrame: { id: CHROME_ID, url: "https://www.tiktok.com/embed/v2/1", origin: "https://www.tiktok.com", frameId: 42, documentId: "1B3D5F7A", documentLifecycle: "active", tab: tab(7, "https://news.example/") },
  popup: { id: CHROME_ID, url: `chrome-extension://${CHROME_ID}/popup.html?url=x`, origin: `chrome-extension://${CHROME_ID}` },
  optionsTab: { id: CHROME_ID, url: `chrome-extension://${CHROME_ID}/options.html`, origin: `chrome-extension://${CHROME_ID}`, frameId: 0, documentId: "0A0B0C0D", tab: tab(9, `chrome-extension://${CHROME_ID}/options.html`) },
  // Another extension's page (runtime.onMessage never carries these, but the router must not rely on that).
  otherExtension: { id: "other-extension-id", url: "chrome-extension://other-extension-id/page.html", origin: "chrome-extension://other-extension-id" },
  // An extension whose id starts with ours: same prefix, different base.
  prefixExtension: { id: `${CHROME_ID}x`, url: `chrome-extension://${CHROME_ID}x/popup.html`, origin: `chrome-extension://${CHROME_ID}x` },
  // A web page (only possible through externally_connectable, which the manifest does not declare): no id.
  webPage: { url: "https://evil.example/", origin: "https://evil.example", frameId: 0, tab: tab(3, "https://evil.example/") },
  // A content script on a page whose address contains our base URL.
  contentWithOurUrlInside: { id: CHROME_ID, url: `https://evil.example/?next=chrome-extension://${CHROME_ID}/options.html`, frameId: 0, tab: tab(4, "https://evil.example/") },
} satisfies Record<string, Runtime.MessageSender & Record<string, unknown>>;

// What Firefox 140+ passes (no origin or documentId; extension pages carry envType addon_child).
const firefox = {
  contentTop: { id: GECKO_ID, url: "https://www.tiktok.com/@x", frameId: 0, envType: "content_child", tab: tab(5, "https://www.tiktok.com/@x") },
  popup: { id: GECKO_ID, url: `moz-extension://${FIREFOX_UUID}/popup.html`, envType: "addon_child", frameId: 0 },
  // Chrome's base URL in Firefox is not ours.
  chromeStylePage: { id: GECKO_ID, url: `chrome-extension://${GECKO_ID}/popup.html`, envType: "content_child", frameId: 0, tab: tab(5, "https://x.example/") },
} satisfies Record<string, Runtime.MessageSender & Record<string, unknown>>;

const calls: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, name: string) => async () => { calls.push(name); return null; },
});
const send = (message: unknown, sender: Runtime.MessageSender) => route(handlers, message, senderInfo(sender), extensionId());
const verdict = { type: "getVerdict", payload: {} };
const report = { type: "getReport", payload: { url: "https://other-tab.example/" } };

beforeEach(() => {
  calls.length = 0;
  asChrome();
});

describe("senderInfo in Chrome", () => {
  test("content script in a tab's top frame: a content sender with its tab and frame (kills A, B, E, F)", async () => {
    expect(senderInfo(chrome.contentTop)).toEqual({ id: CHROME_ID, url: "https://www.tiktok.com/@x", tabId: 7, frameId: 0, fromExtensionPage: false });
    await expect(send(verdict, chrome.contentTop)).resolves.toEqual({ ok: true, value: null });
    await expect(send(report, chrome.contentTop)).resolves.toEqual({ ok: false, error: "getReport is not allowed from a content script" });
    expect(calls).toEqual(["getVerdict"]);
  });

  test("content script in a sub-frame: rejected even for content messages (kills A, F)", async () => {
    expect(senderInfo(chrome.contentSubFrame)).toMatchObject({ tabId: 7, frameId: 42, fromExtensionPage: false });
    await expect(send(verdict, chrome.contentSubFrame)).resolves.toEqual({ ok: false, error: "content messages must come from a tab's top frame" });
    expect(calls).toEqual([]);
  });

  test("the popup (no tab): an extension page, allowed page-only messages (kills H)", async () => {
    expect(senderInfo(chrome.popup)).toEqual({ id: CHROME_ID, url: chrome.popup.url, tabId: undefined, frameId: undefined, fromExtensionPage: true });
    await expect(send(report, chrome.popup)).resolves.toEqual({ ok: true, value: null });
  });

  test("the options page in a tab: an extension page, though it has a tab (kills E)", async () => {
    expect(senderInfo(chrome.optionsTab)).toEqual({ id: CHROME_ID, url: chrome.optionsTab.url, tabId: 9, frameId: 0, fromExtensionPage: true });
    await expect(send({ type: "updateSettings", payload: { patch: { country: "FR" } } }, chrome.optionsTab)).resolves.toEqual({ ok: true, value: null });
  });

  test("another extension's page: neither ours nor an extension page of ours (kills A, B)", async () => {
    expect(senderInfo(chrome.otherExtension)).toMatchObject({ id: "other-extension-id", fromExtensionPage: false });
    await expect(send(report, chrome.otherExtension)).resolves.toEqual({ ok: false, error: "sender is not this extension" });
  });

  test("an extension whose id begins with ours is not one of our pages (kills D)", () => {
    expect(senderInfo(chrome.prefixExtension).fromExtensionPage).toBe(false);
  });

  test("a web page without an extension id is rejected (kills G)", async () => {
    expect(senderInfo(chrome.webPage)).toMatchObject({ id: undefined, fromExtensionPage: false });
    await expect(send(verdict, chrome.webPage)).resolves.toEqual({ ok: false, error: "sender is not this extension" });
  });

  test("a page whose address merely contains our base URL is a content sender (kills A, C)", async () => {
    expect(senderInfo(chrome.contentWithOurUrlInside).fromExtensionPage).toBe(false);
    await expect(send(report, chrome.contentWithOurUrlInside)).resolves.toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });
});

describe("senderInfo in Firefox", () => {
  beforeEach(asFirefox);

  test("content script in a tab's top frame (kills A, B, E)", async () => {
    expect(senderInfo(firefox.contentTop)).toEqual({ id: GECKO_ID, url: "https://www.tiktok.com/@x", tabId: 5, frameId: 0, fromExtensionPage: false });
    await expect(send(verdict, firefox.contentTop)).resolves.toEqual({ ok: true, value: null });
    await expect(send(report, firefox.contentTop)).resolves.toMatchObject({ ok: false });
  });

  test("the popup under moz-extension://<uuid>/ is an extension page (kills H)", async () => {
    expect(senderInfo(firefox.popup).fromExtensionPage).toBe(true);
    await expect(send(report, firefox.popup)).resolves.toEqual({ ok: true, value: null });
  });

  test("a chrome-extension:// address in Firefox is not ours (kills A, B)", () => {
    expect(senderInfo(firefox.chromeStylePage).fromExtensionPage).toBe(false);
  });
});
