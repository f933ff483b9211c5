import { route, type Handlers, type SenderInfo } from "../../src/core/messages";

const OWN = "own-extension-id";
const calls: string[] = [];
const handlers: Handlers = {
  async getVerdict(_p, sender) { calls.push(`getVerdict:${sender.url}`); return null; },
  async bannerClosed() { return true; },
  async dismissSite() { return true; },
  async openDetails() { return true; },
  async openOptions() { return true; },
  async getReport({ url }) { calls.push(`getReport:${url}`); return { url } as never; },
  async updateSettings() { return {} as never; },
  async restoreSite() { return {} as never; },
  async getDataInfo() { throw new Error("dataset not loaded"); },
  async getXray({ url, hosts }) { calls.push(`getXray:${url}:${hosts.length}`); return {} as never; },
};

const content: SenderInfo = { id: OWN, url: "https://www.tiktok.com/@x", tabId: 7, frameId: 0, fromExtensionPage: false };
const page: SenderInfo = { id: OWN, url: "chrome-extension://own/popup.html", tabId: undefined, frameId: undefined, fromExtensionPage: true };

beforeEach(() => (calls.length = 0));

describe("message router", () => {
  test("answers a valid content-script message with the sender's own page", async () => {
    await expect(route(handlers, { type: "getVerdict", payload: {} }, content, OWN)).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual(["getVerdict:https://www.tiktok.com/@x"]);
  });

  test("answers an extension page's report request", async () => {
    await expect(route(handlers, { type: "getReport", payload: { url: "https://a.com/" } }, page, OWN)).resolves.toEqual({ ok: true, value: { url: "https://a.com/" } });
    // The popup names its tab.
    await expect(route(handlers, { type: "getReport", payload: { url: "https://a.com/", tab: 12 } }, page, OWN)).resolves.toEqual({ ok: true, value: { url: "https://a.com/" } });
  });

  test("answers an extension page's scan roll-up request", async () => {
    const payload = { url: "https://news.example/", hosts: [{ host: "cdn.example.net", requests: 2 }] };
    await expect(route(handlers, { type: "getXray", payload }, page, OWN)).resolves.toEqual({ ok: true, value: {} });
    expect(calls).toEqual(["getXray:https://news.example/:1"]);
  });

  test.each<[string, unknown, SenderInfo, RegExp]>([
    ["another extension", { type: "getVerdict", payload: {} }, { ...content, id: "someone-else" }, /not this extension/],
    ["no sender id", { type: "getVerdict", payload: {} }, { ...content, id: undefined }, /not this extension/],
    ["an unknown type", { type: "deleteEverything", payload: {} }, page, /unknown message/],
    ["a non-object message", "getVerdict", page, /unknown message/],
    ["null", null, page, /unknown message/],
    ["an array", [{ type: "getVerdict" }], page, /unknown message/],
    ["a page-only message from a content script", { type: "getReport", payload: { url: "https://other-tab.com/" } }, content, /not allowed from a content script/],
    ["settings writes from a content script", { type: "updateSettings", payload: { patch: { country: "US" } } }, content, /not allowed from a content script/],
    ["a content message from a sub-frame", { type: "getVerdict", payload: {} }, { ...content, frameId: 3 }, /top frame/],
    ["a content message without a tab", { type: "getVerdict", payload: {} }, { ...content, tabId: undefined }, /top frame/],
    ["extra payload keys", { type: "getVerdict", payload: { url: "https://other.com/" } }, content, /malformed payload/],
    ["a missing payload", { type: "getVerdict" }, content, /malformed payload/],
    ["a wrong payload type", { type: "getReport", payload: { url: 42 } }, page, /malformed payload/],
    ["an oversized URL", { type: "getReport", payload: { url: "x".repeat(9000) } }, page, /malformed payload/],
    ["a tab that is not a number", { type: "getReport", payload: { url: "https://a.com/", tab: "12" } }, page, /malformed payload/],
    ["a negative tab", { type: "getReport", payload: { url: "https://a.com/", tab: -1 } }, page, /malformed payload/],
    ["a fractional tab", { type: "getReport", payload: { url: "https://a.com/", tab: 1.5 } }, page, /malformed payload/],
    ["a report request with another key", { type: "getReport", payload: { url: "https://a.com/", window: 1 } }, page, /malformed payload/],
    ["a report request with a tab and another key", { type: "getReport", payload: { url: "https://a.com/", tab: 1, window: 1 } }, page, /malformed payload/],
    ["a non-plain patch", { type: "updateSettings", payload: { patch: [] } }, page, /malformed payload/],
    ["a scan roll-up from a content script", { type: "getXray", payload: { url: "https://a.com/", hosts: [] } }, content, /not allowed from a content script/],
    ["a scan with a malformed host", { type: "getXray", payload: { url: "https://a.com/", hosts: [{ host: "<b>", requests: 1 }] } }, page, /malformed payload/],
    ["a scan with no host list", { type: "getXray", payload: { url: "https://a.com/" } }, page, /malformed payload/],
    ["a scan with another key", { type: "getXray", payload: { url: "https://a.com/", hosts: [], tab: 1 } }, page, /malformed payload/],
    ["a scan of an empty address", { type: "getXray", payload: { url: "", hosts: [] } }, page, /malformed payload/],
    ["an empty address", { type: "getReport", payload: { url: "" } }, page, /malformed payload/],
    ["a URL one character too long", { type: "getReport", payload: { url: `https://a.com/${"x".repeat(8193 - 14)}` } }, page, /malformed payload/],
    ["a settings write with another key", { type: "updateSettings", payload: { patch: {}, also: 1 } }, page, /malformed payload/],
    ["a settings write without a patch", { type: "updateSettings", payload: {} }, page, /malformed payload/],
    ["a restore of an empty domain", { type: "restoreSite", payload: { domain: "" } }, page, /malformed payload/],
    ["a restore of an over-long domain", { type: "restoreSite", payload: { domain: `${"a".repeat(250)}.com` } }, page, /malformed payload/],
    ["a restore with another key", { type: "restoreSite", payload: { domain: "a.com", tab: 1 } }, page, /malformed payload/],
    ["a payload that is not a plain object", { type: "getVerdict", payload: Object.create({ inherited: 1 }) }, content, /malformed payload/],
    ["an array payload", { type: "getVerdict", payload: [] }, content, /malformed payload/],
  ])("rejects %s", async (_name, message, sender, error) => {
    const reply = await route(handlers, message, sender, OWN);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(calls).toEqual([]);
  });

  test("accepts the limits themselves: a URL of 8,192 characters, a domain of 253, a settings patch, a tab 0", async () => {
    const url = `https://a.com/${"x".repeat(8192 - 14)}`;
    expect(url).toHaveLength(8192);
    await expect(route(handlers, { type: "getReport", payload: { url, tab: 0 } }, page, OWN)).resolves.toMatchObject({ ok: true });
    await expect(route(handlers, { type: "restoreSite", payload: { domain: `${"a".repeat(249)}.com` } }, page, OWN)).resolves.toMatchObject({ ok: true });
    await expect(route(handlers, { type: "updateSettings", payload: { patch: { country: "FR" } } }, page, OWN)).resolves.toMatchObject({ ok: true });
  });

  test("a handler error becomes an error reply, not an exception", async () => {
    await expect(route(handlers, { type: "getDataInfo", payload: {} }, page, OWN)).resolves.toEqual({ ok: false, error: "dataset not loaded" });
  });
});
