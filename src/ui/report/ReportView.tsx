// The full report for one site, on the details page. The popup shows the
// short answer instead (PopupAnswer).
import type { Report } from "../../core/report-types";
import { VerdictHeader } from "./VerdictHeader";
import { ControlSection } from "./ControlSection";
import { StorageSection } from "./StorageSection";
import { AccessSection } from "./AccessSection";
import { NewsSection } from "./NewsSection";
import { SourcesSection } from "./SourcesSection";
import { Alternatives } from "../Alternatives";
import { RequestLetter } from "../RequestLetter";
import { EvidenceBar, EvidenceFooter } from "../EvidenceBar";

export function ReportView({ report }: { report: Report }) {
  return (
    <>
      <EvidenceBar report={report} />
      <VerdictHeader report={report} />
      <ControlSection report={report} />
      <StorageSection report={report} />
      <AccessSection report={report} />
      <NewsSection report={report} />
      <Alternatives report={report} />
      <RequestLetter report={report} />
      <SourcesSection report={report} />
      <EvidenceFooter report={report} />
    </>
  );
}
