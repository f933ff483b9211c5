// Each tab's report in session storage (kept in memory by the browser for the
// session, dropped when the extension is updated or reloaded): written by the
// background, read by the background after a restart and by the popup, so
// neither has to compute it again. Every read goes through the shape check:
// a missing, foreign or corrupt entry reads as none.
import browser from "./browser";
import { parseStoredReport, tabReportKey, TAB_REPORT_PREFIX, type StoredReport } from "../core/report-store";

/** The tab's stored entry (not yet checked against a URL or settings version), or null. */
export async function readTabReport(tabId: number): Promise<StoredReport | null> {
  const key = tabReportKey(tabId);
  try {
    const got = await browser.storage.session.get(key);
    return parseStoredReport(got[key]);
  } catch {
    return null;
  }
}

/** Best effort: a full or failing session store only costs a recomputation later. */
export async function writeTabReport(tabId: number, entry: StoredReport): Promise<void> {
  try {
    await browser.storage.session.set({ [tabReportKey(tabId)]: entry });
  } catch (e) {
    console.warn(`[Data Borders] could not keep the report of tab ${tabId} (${String(e)})`);
  }
}

export async function removeTabReport(tabId: number): Promise<void> {
  try {
    await browser.storage.session.remove(tabReportKey(tabId));
  } catch {
    // Nothing stored, or the store is gone: nothing to remove.
  }
}

/** Drops every tab's report (the settings version changed). */
export async function removeAllTabReports(): Promise<void> {
  try {
    const all = await browser.storage.session.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(TAB_REPORT_PREFIX));
    if (keys.length) await browser.storage.session.remove(keys);
  } catch {
    // As above.
  }
}
