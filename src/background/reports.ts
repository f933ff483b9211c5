// Compute once: one report per (tab, URL, settings version), built when the
// tab's address changes and reused by the badge, the banner, the banner's
// buttons and the popup. Kept in memory for this worker's life and in session
// storage for the next worker and the popup (platform/tab-reports.ts).
import { buildReport, type Report } from "../core/report";
import { withActions } from "../core/actions";
import { effectiveCountry, type Settings } from "../core/settings";
import { freshReport, reportKey, STORED_REPORT_VERSION } from "../core/report-store";
import { readTabReport, removeAllTabReports, removeTabReport, writeTabReport } from "../platform/tab-reports";
import { ready, today, type Settled, type State } from "./state";
import { uiLanguage } from "./verdict";

interface Slot {
  url: string;
  key: string;
  report: Promise<Report>;
}

const slots = new Map<number, Slot>();

/** The settings version reports are computed under now. */
export function currentKey(state: Settled): string {
  return reportKey(state.settings, uiLanguage(), today());
}

/** The report for a URL, with what the user can do next (alternatives, privacy contact, letter law). */
export async function computeReport(state: State, url: string): Promise<Report> {
  const dataset = await state.data.forUrls([url]);
  const lang = uiLanguage();
  const day = today();
  const { concerns } = state.settings;
  return withActions(dataset, buildReport(dataset, url, effectiveCountry(state.settings, lang), concerns, day, lang), concerns, day);
}

/**
 * The tab's report for this URL: from memory, else from session storage (a
 * restarted worker; the dataset is not read), else computed once and stored.
 * Concurrent callers share one computation.
 */
export function reportForTab(state: Settled, tabId: number, url: string): Promise<Report> {
  const key = currentKey(state);
  const slot = slots.get(tabId);
  if (slot && slot.url === url && slot.key === key) return slot.report;
  const mine = { url, key } as Slot;
  // With a slot for the tab, this worker wrote its entry last: the store holds nothing fresher to read.
  const known = slot !== undefined;
  mine.report = (async () => {
    const stored = known ? null : freshReport(await readTabReport(tabId), url, key);
    if (stored) return stored;
    const report = await computeReport(await ready(), url);
    // A later address (or a closed tab) wins over this one.
    if (slots.get(tabId) === mine) await writeTabReport(tabId, { v: STORED_REPORT_VERSION, url, key, report });
    return report;
  })();
  slots.set(tabId, mine);
  mine.report.catch(() => {
    if (slots.get(tabId) === mine) slots.delete(tabId);
  });
  return mine.report;
}

/** A report for a page no tab is named for (details page): any tab's report for it, else computed. */
export async function reportForUrl(state: Settled, url: string): Promise<Report> {
  const key = currentKey(state);
  for (const slot of slots.values()) if (slot.url === url && slot.key === key) return slot.report;
  return computeReport(await ready(), url);
}

/** The tab closed, or left the dataset's sites: its report goes. */
export async function forgetTab(tabId: number): Promise<void> {
  slots.delete(tabId);
  await removeTabReport(tabId);
}

/** Settings changed (`state` holds the new ones): when the settings version moved, every report is stale. */
export async function settingsChanged(previous: Settings, state: Settled): Promise<void> {
  if (currentKey(state) === reportKey(previous, uiLanguage(), today())) return;
  slots.clear();
  await removeAllTabReports();
}
