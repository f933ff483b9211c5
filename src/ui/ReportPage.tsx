// Loads the report for a URL from the background and shows the right state:
// loading, error (with retry), browser page, not in the dataset, or the report
// (the short answer in the popup, the full report on the details page).
import type { ComponentChildren } from "preact";
import { useCallback, useLayoutEffect, useState } from "preact/hooks";
import type { Report } from "../core/report-types";
import { ReportView } from "./report/ReportView";
import { PopupAnswer } from "./report/PopupAnswer";
import { ErrorState, InternalPage, Loading, NotInDataset } from "./states";

export type LoadReport = (url: string) => Promise<Report>;

type State = { kind: "loading" } | { kind: "error"; message: string } | { kind: "internal" } | { kind: "report"; report: Report };

/** `compact`: the popup's short answer, with `actions` (the "Full report" button) under it. */
export function ReportPage({ url, load, compact, actions }: { url: string | undefined; load: LoadReport; compact: boolean; actions?: ComponentChildren }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const run = useCallback(() => {
    if (!url || !/^https?:/i.test(url)) {
      setState({ kind: "internal" });
      return;
    }
    setState({ kind: "loading" });
    load(url).then(
      (report) => setState(report.reason === "not-web" ? { kind: "internal" } : { kind: "report", report }),
      (e: unknown) => setState({ kind: "error", message: e instanceof Error ? e.message : String(e) }),
    );
  }, [url, load]);
  // Start loading right after the first render, not after the next paint.
  useLayoutEffect(run, [run]);
  switch (state.kind) {
    case "loading": return <Loading />;
    case "error": return <ErrorState message={state.message} onRetry={run} />;
    case "internal": return <InternalPage />;
    case "report":
      if (!state.report.matched) return <NotInDataset report={state.report} />;
      // The popup gives the answer; the details page the whole dossier.
      return compact ? <PopupAnswer report={state.report} actions={actions} /> : <ReportView report={state.report} />;
  }
}
