// Small shared pieces of the report: flags, country names, dates, and links
// that are only ever https and always open safely in a new tab.
import type { ComponentChildren } from "preact";
import type { Source } from "../../core/dataset";
import { countryName, formatDate } from "../../core/text";
import { useUi } from "../context";

export function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

/** An external link, or plain text when the URL is not https. */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { t } = useUi();
  if (!isHttps(href)) return <span class="unlinked">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t("opensNewTab")}</span>
    </a>
  );
}

export function Flag({ code }: { code: string }) {
  const { asset } = useUi();
  if (!/^[A-Z]{2}$/.test(code)) return null;
  return (
    <img
      class="flag"
      src={asset(`flags/${code.toLowerCase()}.svg`)}
      alt=""
      width={16}
      height={12}
      onError={(e) => ((e.currentTarget as HTMLImageElement).style.display = "none")}
    />
  );
}

export function Country({ code }: { code: string }) {
  const { t, lang } = useUi();
  if (code === "unknown") return <span class="unknown">{t("placeUnknown")}</span>;
  return (
    <span class="country">
      <Flag code={code} />
      {countryName(code, lang)}
    </span>
  );
}

export function Countries({ codes }: { codes: readonly string[] }) {
  return (
    <span class="countries">
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 ? ", " : ""}
          <Country code={c} />
        </span>
      ))}
    </span>
  );
}

export function DateText({ date }: { date: string }) {
  const { lang } = useUi();
  return <time dateTime={date}>{formatDate(date, lang)}</time>;
}

export function SourceLine({ source }: { source: Source }) {
  const { t, lang } = useUi();
  return (
    <p class="source">
      <ExternalLink href={source.url}>{t("sourceOf", [source.publisher, formatDate(source.date, lang)])}</ExternalLink>
      {source.archive && source.archive !== source.url ? <>{" · "}<ExternalLink href={source.archive}>{t("archivedCopy")}</ExternalLink></> : null}
    </p>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Marker passed as a substitution so a translated sentence can host an element. */
export const SLOT = "\u0001";

/** Renders a translated template with an element in place of its SLOT substitution. */
export function Slot({ template, children }: { template: string; children: ComponentChildren }) {
  const [before, after = ""] = template.split(SLOT);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
