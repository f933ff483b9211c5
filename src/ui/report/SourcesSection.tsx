// Sources and freshness: every source of the report in one list, review date,
// confidence with its reason, dataset version, and the correction link.
import type { Source } from "../../core/dataset";
import type { Report } from "../../core/report-types";
import { correctionUrl } from "../../core/project";
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

export function CorrectionLink({ report }: { report: Report }) {
  const { t } = useUi();
  return (
    <ExternalLink href={correctionUrl({ domain: report.domain, service: report.service?.name, dataVersion: report.dataVersion })}>
      {t("reportCorrection")}
    </ExternalLink>
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
      <p><CorrectionLink report={report} /></p>
    </Section>
  );
}
