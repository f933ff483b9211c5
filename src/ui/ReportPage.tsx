// Loads the report for a URL from the background and shows the right state:
// loading, error (with retry), browser page, not in the dataset, or the report
// (the short answer in the popup, the full report on the details page: each
// page passes its own view, so the popup does not load the details page's).
import type { ComponentChildren } from "preact";
import { useCallback, useLayoutEffect, useState } from "preact/hooks";
import type { Report } from "../core/report-types";
import { ErrorState, InternalPage, Loading, NotInDataset } from "./states";

export type LoadReport = (url: string) => Promise<Report>;

type State = { kind: "loading" } | { kind: "error"; message: string } | { kind: "internal" } | { kind: "report"; report: Report };

/** `view` renders a report of a listed service: the popup's short answer or the details page's dossier. */
export function ReportPage({ url, load, view }: { url: string | undefined; load: LoadReport; view: (report: Report) => ComponentChildren }) {
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
      return view(state.report);
  }
}
