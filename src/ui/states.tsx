// The non-report states shared by the popup and the details page.
import type { Report } from "../core/report-types";
import { Correction } from "./report/SourcesSection";
import { useUi } from "./context";

export function Loading() {
  const { t } = useUi();
  return <p class="state loading" role="status">{t("loading")}</p>;
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useUi();
  return (
    <div class="state error" role="alert">
      <p><strong>{t("errorTitle")}</strong></p>
      <p class="detail">{message}</p>
      <button type="button" onClick={onRetry}>{t("retry")}</button>
    </div>
  );
}

export function InternalPage() {
  const { t } = useUi();
  return <p class="state internal">{t("internalPage")}</p>;
}

/**
 * The popup cannot read the tab's address: the browser only shows it for the
 * dataset's own sites, so this is a site outside the dataset or a browser page.
 */
export function UnreadableTab() {
  const { t } = useUi();
  return (
    <div class="state not-listed">
      <p>{t("popupUnreadable")}</p>
      <p>{t("notInDatasetHint")}</p>
    </div>
  );
}

export function NotInDataset({ report }: { report: Report }) {
  const { t } = useUi();
  if (!report.domain) return <p class="state">{t("noDomain")}</p>;
  return (
    <div class="state not-listed">
      <h1>{report.domain}</h1>
      <p>{t("notInDataset", [report.domain])}</p>
      <p>{t("notInDatasetHint")}</p>
      <p><Correction report={report} /></p>
    </div>
  );
}
