// The background's view of one report for this user: the banner decision and
// the one-sentence summary, from src/core (reports.ts builds the report).
import browser from "../platform/browser";
import { namesOf, type Report } from "../core/report";
import { levelRank } from "../core/assess";
import { summarize, levelMessageKey, type Translate } from "../core/text";
import type { BannerModel } from "../core/messages";
import type { Settings } from "../core/settings";

export const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || "en";
}

export function sentenceFor(report: Report): string {
  return summarize(report.verdict.findings, t, namesOf(report), uiLanguage());
}

export function titleFor(report: Report): string {
  if (!report.matched || !report.service) return t("extName");
  return `${t("extName")}: ${report.service.name} — ${t(levelMessageKey(report.verdict.level))}. ${sentenceFor(report)}`;
}

/** Closed-banner memory: registrable domain → rank of the level when closed. */
export type ClosedMap = Record<string, number>;

export function bannerFor(settings: Settings, report: Report, closed: ClosedMap): BannerModel | null {
  const { bannerThreshold, dismissed } = settings;
  if (bannerThreshold === "never" || !report.matched || !report.service || !report.domain) return null;
  const level = report.verdict.level;
  if (level === "none" || levelRank(level) < levelRank(bannerThreshold)) return null;
  if (dismissed.includes(report.domain)) return null;
  const closedAt = closed[report.domain];
  if (closedAt !== undefined && levelRank(level) <= closedAt) return null;
  return { level, serviceName: report.service.name, domain: report.domain, sentence: sentenceFor(report) };
}
