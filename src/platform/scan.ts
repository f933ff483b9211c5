// Page X-ray, the browser side: after the user clicks "Scan this page", one
// read-only function runs once in the tab's top frame (scripting + the
// activeTab grant of that click; no host permission) and returns the host
// names the page has loaded from. Nothing stays in the page; nothing is sent.
import browser from "./browser";
import { MAX_SCAN_HOSTS, parseScan, type ScanHost } from "../core/scan-shape";
import { collectHosts } from "./collect-hosts";

/** The tab the popup was opened on (the one the user's click granted access to). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Scans one tab's top frame; throws when the browser refuses (internal pages, stores) or the answer is malformed. */
export async function scanTab(tabId: number): Promise<ScanHost[]> {
  const results = await browser.scripting.executeScript({ target: { tabId }, func: collectHosts, args: [MAX_SCAN_HOSTS] });
  const hosts = parseScan(results[0]?.result);
  if (!hosts) throw new Error("the page's answer has an unexpected shape");
  return hosts;
}
