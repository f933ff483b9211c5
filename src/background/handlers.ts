// The background's answers, one per message of the protocol. The type
// `Handlers` makes a missing or mistyped handler a compile error.
import { COUNTRY_CODES } from "../core/country-codes";
import { userLawStatuses } from "../core/tiers";
import browser from "../platform/browser";
import { updateSettings } from "../platform/settings";
import { sessionGet, sessionUpdate } from "../platform/session";
import { levelRank } from "../core/assess";
import type { Handlers, SenderInfo } from "../core/messages";
import { ready, settled, type Settled } from "./state";
import type { Report } from "../core/report";
import { bannerFor, type ClosedMap } from "./verdict";
import { reportForTab, reportForUrl } from "./reports";
import { getXray } from "./xray";

const isClosedMap = (v: unknown): v is ClosedMap => typeof v === "object" && v !== null && !Array.isArray(v);

/** The page a content script runs in, as the browser reports it (never taken from the payload). */
function senderPage(sender: SenderInfo): string {
  if (!sender.url) throw new Error("sender has no URL");
  return sender.url;
}

/** The report of the page a content script runs in: its tab's one report. */
function senderReport(state: Settled, sender: SenderInfo): Promise<Report> {
  if (sender.tabId === undefined) throw new Error("sender has no tab");
  return reportForTab(state, sender.tabId, senderPage(sender));
}

async function senderDomain(sender: SenderInfo): Promise<string> {
  const report = await senderReport(await settled(), sender);
  if (!report.matched || !report.domain) throw new Error("this page is not in the dataset");
  return report.domain;
}

export const handlers: Handlers = {
  getXray,
  async getVerdict(_payload, sender) {
    const state = await settled();
    const [report, closed] = await Promise.all([senderReport(state, sender), sessionGet<ClosedMap>("closedBanners", isClosedMap, {})]);
    return bannerFor(state.settings, report, closed);
  },
  async bannerClosed(_payload, sender) {
    const report = await senderReport(await settled(), sender);
    if (report.matched && report.domain) {
      const domain = report.domain;
      const rank = levelRank(report.verdict.level);
      await sessionUpdate<ClosedMap>("closedBanners", isClosedMap, {}, (m) => ({ ...m, [domain]: rank }));
    }
    return true;
  },
  async dismissSite(_payload, sender) {
    const domain = await senderDomain(sender);
    await updateSettings((s) => ({ dismissed: s.dismissed.includes(domain) ? s.dismissed : [...s.dismissed, domain] }));
    return true;
  },
  async openDetails(_payload, sender) {
    const page = senderPage(sender);
    await browser.tabs.create({ url: browser.runtime.getURL(`details.html?url=${encodeURIComponent(page)}`) });
    return true;
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
    return true;
  },
  async getReport({ url, tab }) {
    // The popup names its tab: the report computed now is kept as that tab's.
    const state = await settled();
    return tab === undefined ? reportForUrl(state, url) : reportForTab(state, tab, url);
  },
  async updateSettings({ patch }) {
    return updateSettings(patch);
  },
  async restoreSite({ domain }) {
    return updateSettings((s) => ({ dismissed: s.dismissed.filter((d) => d !== domain) }));
  },
  async getDataInfo() {
    // From the index alone: no service record is read for this.
    const { data } = await ready();
    const { index } = data;
    return {
      version: index.version,
      hash: index.hash,
      services: index.counts.services,
      domains: Object.keys(index.domains).length + Object.keys(index.hosts).length,
      entities: index.counts.entities,
      laws: index.laws.length,
      userLaws: userLawStatuses(data.view, COUNTRY_CODES),
    };
  },
};
