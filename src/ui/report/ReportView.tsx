// The report for one site, in the popup (compact) and the details page
// (full). The same components serve both.
import type { Report } from "../../core/report-types";
import { VerdictHeader } from "./VerdictHeader";
import { ControlSection } from "./ControlSection";
import { StorageSection } from "./StorageSection";
import { AccessSection } from "./AccessSection";
import { NewsSection } from "./NewsSection";
import { SourcesSection } from "./SourcesSection";

export function ReportView({ report, compact = false }: { report: Report; compact?: boolean }) {
  return (
    <>
      <VerdictHeader report={report} />
      <ControlSection report={report} />
      <StorageSection report={report} showMap={!compact || report.storage.length + report.remoteAccess.length > 0} />
      <AccessSection report={report} compact={compact} />
      <NewsSection report={report} limit={compact ? 3 : undefined} />
      <SourcesSection report={report} />
    </>
  );
}
