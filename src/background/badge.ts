// The toolbar badge per tab: text and colour by level (i, !, !! on blue,
// amber, red), from the level the user chose in the settings; the
// one-sentence summary as its title, or "not listed" outside the dataset.
// The report is the tab's one report (reports.ts): a restarted worker sets
// every open tab's badge again from the stored reports.
import browser from "../platform/browser";
import { levelRank, type Level } from "../core/assess";
import type { Settled } from "./state";
import { titleFor, t } from "./verdict";
import { forgetTab, reportForTab } from "./reports";

const TEXT: Record<Level, string> = { none: "", low: "i", medium: "!", high: "!!" };
const COLOUR: Record<Level, string> = { none: "#5f6368", low: "#3b5b8c", medium: "#8a4b00", high: "#b3261e" };

/**
 * Sets (or clears) the badge of one tab from its URL. Tabs outside the dataset have
 * no readable URL (the extension may read only its own sites' addresses): not listed.
 */
export async function updateBadge(state: Settled, tabId: number, url: string | undefined): Promise<void> {
  // No readable web address: the tab left the dataset's sites (or shows a browser or extension page), and its report goes.
  const report = url && /^https?:/i.test(url) ? await reportForTab(state, tabId, url) : (await forgetTab(tabId), null);
  try {
    if (!report || !report.matched) {
      await browser.action.setBadgeText({ tabId, text: "" });
      await browser.action.setTitle({ tabId, title: t("badgeNotListed") });
      return;
    }
    const level = report.verdict.level;
    const { badge, badgeThreshold } = state.settings;
    const shown = badge && level !== "none" && levelRank(level) >= levelRank(badgeThreshold);
    await browser.action.setBadgeText({ tabId, text: shown ? TEXT[level] : "" });
    await browser.action.setBadgeBackgroundColor({ tabId, color: COLOUR[level] });
    await browser.action.setTitle({ tabId, title: titleFor(report) });
  } catch {
    // The tab closed while we were computing: nothing to update.
  }
}

export async function updateAllBadges(state: Settled): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : updateBadge(state, tab.id, tab.url))));
}
