// Top of the report: which service, the level for this user (icon, word and
// colour — never colour alone) and the one-sentence reason.
import type { Report } from "../../core/report-types";
import { namesOf } from "../../core/report-types";
import { levelMessageKey, summarize, countryName } from "../../core/text";
import { useUi } from "../context";

const ICON: Record<string, string> = {
  high: "M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-8h-2v6h2V9z",
  medium: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z",
  low: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z",
  none: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9z",
};

export function LevelBadge({ level }: { level: Report["verdict"]["level"] }) {
  const { t } = useUi();
  return (
    <span class={`level level-${level}`}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path fill="currentColor" d={ICON[level]} />
      </svg>
      {t(levelMessageKey(level))}
    </span>
  );
}

/** The service, its level and the one-sentence reason; `children` add page-specific notes under them. */
export function VerdictHeader({ report, children }: { report: Report; children?: preact.ComponentChildren }) {
  const { t, lang } = useUi();
  const { service, verdict } = report;
  if (!service) return null;
  return (
    <header class="verdict" aria-labelledby="verdict-title">
      <h1 id="verdict-title">
        {service.name} <span class="domain">{report.domain}</span>
      </h1>
      <LevelBadge level={verdict.level} />
      <p class="sentence">{summarize(verdict.findings, t, namesOf(report), lang)}</p>
      <p class="assessed-for">{t("assessedFor", [countryName(report.country, lang)])}</p>
      {children}
    </header>
  );
}
