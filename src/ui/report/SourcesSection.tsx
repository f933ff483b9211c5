// Sources and freshness: every source of the report in one list, review date,
// confidence with its reason, dataset version, and the correction link.
import type { Source } from "../../core/dataset";
import type { Report } from "../../core/report-types";
import { useState } from "preact/hooks";
import { correctionText, correctionUrl } from "../../core/project";
import { DateText, ExternalLink, Section, Slot, SLOT } from "./bits";
import { useUi } from "../context";

export function reportSources(report: Report): Source[] {
  const all: Source[] = [];
  if (report.operator) all.push(report.operator.operatorSource);
  for (const e of report.ownershipChain) all.push(...e.sources);
  for (const s of [...report.storage, ...report.remoteAccess]) all.push(s.source);
  for (const l of report.laws) all.push(...l.sources);
  for (const n of report.news) all.push({ url: n.url, publisher: n.outlet, date: n.date, title: n.headline });
  const seen = new Set<string>();
  return all.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}

/**
 * "Report a correction": a prefilled issue on the project's tracker when
 * package.json names one; otherwise the same report, copied to the clipboard
 * (shown as text to copy by hand if the clipboard refuses).
 */
export function Correction({ report }: { report: Report }) {
  const { t } = useUi();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const subject = { domain: report.domain, service: report.service?.name, dataVersion: report.dataVersion };
  const target = correctionUrl(subject);
  if (target?.prefilled) return <ExternalLink href={target.href}>{t("reportCorrection")}</ExternalLink>;
  const text = correctionText(subject);
  const onCopy = () => {
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard) return setCopy("failed");
    clipboard.writeText(text).then(() => setCopy("copied"), () => setCopy("failed"));
  };
  return (
    <span class="correction">
      <button type="button" class="link" onClick={onCopy}>{t("copyCorrection")}</button>
      {target ? <>{" · "}<ExternalLink href={target.href}>{t("reportCorrection")}</ExternalLink></> : null}
      <span class="note" role="status">{copy === "copied" ? ` ${t("copiedCorrection")}` : ""}</span>
      {copy === "failed" ? <textarea class="correction-text" readOnly rows={6} aria-label={t("copyCorrectionByHand")} value={text} /> : null}
    </span>
  );
}

export function SourcesSection({ report }: { report: Report }) {
  const { t } = useUi();
  const sources = reportSources(report);
  const confidence = report.confidence;
  return (
    <Section id="sources" title={t("sectionSources")}>
      {report.reviewed ? <p><Slot template={t("reviewedOn", [SLOT])}><DateText date={report.reviewed} /></Slot></p> : null}
      {confidence ? (
        <p>
          {t(`confidence${confidence.level[0]!.toUpperCase()}${confidence.level.slice(1)}`)}
          {confidence.reason ? <span class="reason"> — {confidence.reason}</span> : null}
        </p>
      ) : null}
      <p>{t("datasetVersion", [report.dataVersion])}</p>
      <details class="all-sources">
        <summary>{t("allSources")} ({sources.length})</summary>
        <ol>
          {sources.map((s) => (
            <li key={s.url}>
              <ExternalLink href={s.url}>{s.title ?? s.publisher}</ExternalLink> — {s.publisher}, <DateText date={s.date} />
            </li>
          ))}
        </ol>
      </details>
      <p><Correction report={report} /></p>
    </Section>
  );
}
