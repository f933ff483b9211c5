// The access request under the user's law, to copy, to open in the mail
// app, or to paste into the company's web form; the extension sends nothing.
// Loaded when the user opens "Ask them where my data is" (RequestLetter.tsx).
import { useState } from "preact/hooks";
import type { Report } from "../core/report-types";
import { letterLang, mailtoLink, requestLetter, type LetterLaw } from "../core/letter";
import { ExternalLink, isHttps } from "./report/bits";
import { useUi } from "./context";

export function letterText(subject: string, body: string): string {
  return `${subject}\n\n${body}\n`;
}

export function LetterBody({ report, today }: { report: Report; today?: string }) {
  const { t, lang } = useUi();
  const [california, setCalifornia] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const company = report.ownershipChain[0];
  if (!report.service || !company || !report.letterLaw) return null;
  const contact = report.privacyContact ?? null;
  const law: LetterLaw = report.letterLaw === "us-generic" && california ? "ccpa" : report.letterLaw;
  const letter = requestLetter({
    law,
    lang: letterLang(lang),
    serviceName: report.service.name,
    company: contact?.name ?? company.name,
    country: report.country,
    date: today ?? new Date().toISOString().slice(0, 10),
  });
  const text = letterText(letter.subject, letter.body);
  const mailto = mailtoLink(contact, letter);
  const onCopy = () => {
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard) return setCopy("failed");
    clipboard.writeText(text).then(() => setCopy("copied"), () => setCopy("failed"));
  };
  return (
    <>
      <p class="note">{t("letterIntro", [contact?.name ?? company.name])}</p>
      {report.letterLaw === "us-generic" || report.letterLaw === "ccpa" ? (
        <label class="letter-california">
          <input type="checkbox" checked={california} onChange={(e) => setCalifornia((e.currentTarget as HTMLInputElement).checked)} />
          {" "}{t("letterCalifornia")}
        </label>
      ) : null}
      {contact ? (
        <p class="letter-to">
          {t("letterTo")}{" "}
          {contact.email ? <span class="letter-email">{contact.email}</span> : null}
          {contact.email && contact.url ? " · " : null}
          {contact.url && isHttps(contact.url) ? <ExternalLink href={contact.url}>{t("letterForm")}</ExternalLink> : null}
          <span class="note"> ({t("letterContactSource", [contact.source.publisher])})</span>
        </p>
      ) : (
        <p class="note">{t("letterNoContact", [company.name])}</p>
      )}
      <textarea class="letter-text" readOnly rows={8} aria-label={t("letterText")} value={text} />
      <p class="letter-actions">
        <button type="button" class="letter-copy" onClick={onCopy}>{t("letterCopy")}</button>
        {mailto ? <a class="button letter-mail" href={mailto}>{t("letterMail")}</a> : null}
        <span class="note" role="status">{copy === "copied" ? t("letterCopied") : copy === "failed" ? t("letterCopyFailed") : ""}</span>
      </p>
    </>
  );
}
