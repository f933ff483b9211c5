// The popup's report: the one the background keeps for the tab, read straight
// from session storage when it is for this URL under the current settings
// version (no message, so no wait for a stopped worker to start); otherwise
// the background's answer, which it then keeps as the tab's.
import type { Report } from "../core/report-types";
import { freshReport, reportKey, today } from "../core/report-store";
import { send } from "../platform/messaging";
import { readSettings } from "../platform/settings";
import { readTabReport } from "../platform/tab-reports";
import { uiLanguage } from "../platform/ui";

/** The tab's stored report when fresh for `url`, else null (never throws). */
export async function storedReport(tabId: number, url: string): Promise<Report | null> {
  try {
    const [entry, settings] = await Promise.all([readTabReport(tabId), readSettings()]);
    return freshReport(entry, url, reportKey(settings, uiLanguage(), today()));
  } catch {
    return null;
  }
}

export async function loadReport(url: string, tabId: number | undefined): Promise<Report> {
  if (tabId === undefined) return send("getReport", { url });
  return (await storedReport(tabId, url)) ?? send("getReport", { url, tab: tabId });
}
