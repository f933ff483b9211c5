// The evidence report's actions on the details page: print (or save as PDF
// through the browser's print dialog), the same content as JSON, or as
// Markdown on the clipboard.
import { useEffect, useState } from "preact/hooks";
import type { Report } from "../core/report-types";
import { buildEvidence, evidenceMarkdown } from "../core/evidence";
import { useUi } from "./context";

export function EvidenceBar({ report, today }: { report: Report; today?: string }) {
  const { t, lang } = useUi();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  // A printed report shows everything: open the collapsed lists (the source list) before printing, from the button or the browser's menu.
  useEffect(() => {
    const open = () => document.querySelectorAll<HTMLDetailsElement>("main.details details:not(.request-letter)").forEach((d) => (d.open = true));
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);
  if (!report.matched || !report.service) return null;
  const generated = today ?? new Date().toISOString().slice(0, 10);
  const evidence = () => buildEvidence(report, t, lang, generated);
  const fileName = `data-borders-${report.service.id}-${report.country}-${generated}.json`;
  const onJson = () => {
    const blob = new Blob([`${JSON.stringify(evidence(), null, 2)}\n`], { type: "application/json" });
    const href = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = href;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  const onMarkdown = () => {
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard) return setStatus("failed");
    clipboard.writeText(evidenceMarkdown(evidence())).then(() => setStatus("copied"), () => setStatus("failed"));
  };
  return (
    <section class="evidence-bar no-print" aria-label={t("evidenceTitle")}>
      <button type="button" class="evidence-print" onClick={() => window.print()}>{t("evidencePrint")}</button>
      <button type="button" class="evidence-json" onClick={onJson}>{t("evidenceJson")}</button>
      <button type="button" class="evidence-md" onClick={onMarkdown}>{t("evidenceMarkdown")}</button>
      <span class="note" role="status">{status === "copied" ? t("evidenceCopied") : status === "failed" ? t("letterCopyFailed") : ""}</span>
    </section>
  );
}

/** Printed at the foot of the report: when and from which dataset it was generated. */
export function EvidenceFooter({ report, today }: { report: Report; today?: string }) {
  const { t } = useUi();
  if (!report.matched) return null;
  return <p class="evidence-footer print-only">{t("evidenceGenerated", [today ?? new Date().toISOString().slice(0, 10), report.dataVersion])}</p>;
}
