// "Ask them where my data is": a closed section whose letter (templates in
// four languages, the largest module of the popup) is imported when the user
// opens it, so that opening the popup does not evaluate it every time: the
// details page reads it as a module then; the popup's one script holds it
// but runs it only then.
import type { FunctionComponent } from "preact";
import { useState } from "preact/hooks";
import type { Report } from "../core/report-types";
import { useUi } from "./context";

type Body = FunctionComponent<{ report: Report; today?: string }>;
type State = { kind: "closed" } | { kind: "loading" } | { kind: "ready"; Body: Body } | { kind: "failed"; message: string };

export function RequestLetter({ report, today }: { report: Report; today?: string }) {
  const { t } = useUi();
  const [state, setState] = useState<State>({ kind: "closed" });
  if (!report.service || !report.ownershipChain[0] || !report.letterLaw) return null;
  const onToggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || state.kind === "ready" || state.kind === "loading") return;
    setState({ kind: "loading" });
    import("./LetterBody").then(
      (m) => setState({ kind: "ready", Body: m.LetterBody }),
      (err: unknown) => setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <details class="request-letter" onToggle={onToggle}>
      <summary>{t("letterTitle")}</summary>
      {state.kind === "ready" ? <state.Body report={report} today={today} />
        : state.kind === "loading" ? <p class="note" role="status">{t("loading")}</p>
        : state.kind === "failed" ? <p class="state error" role="alert">{t("letterLoadFailed", [state.message])}</p>
        : null}
    </details>
  );
}
