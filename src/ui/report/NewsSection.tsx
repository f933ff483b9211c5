// What happened: dated events, newest first, with kind icons and outlets.
import type { Report } from "../../core/report-types";
import type { NewsKind } from "../../core/dataset";
import { DateText, ExternalLink, Section } from "./bits";
import { useUi } from "../context";

const KIND_KEY: Record<NewsKind, string> = {
  fine: "newsFine", ban: "newsBan", ownership: "newsOwnership", breach: "newsBreach",
  transfer: "newsTransfer", law: "newsLaw", other: "newsOther",
};
// Simple SVG glyphs (emoji render differently, or not at all, across systems).
const KIND_ICON: Record<NewsKind, string> = {
  fine: "M4 10h16v9H4zM2 6l10-4 10 4v2H2zM7 12v5M12 12v5M17 12v5",
  ban: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8",
  ownership: "M4 8h13l-3-3M20 16H7l3 3",
  breach: "M12 3 2 21h20L12 3zM12 10v5M12 17.5v.5",
  transfer: "M3 12h15l-4-4M18 12l-4 4",
  law: "M12 3v18M5 7h14M5 7l-3 7h6zM19 7l-3 7h6zM8 21h8",
  other: "M12 8v.5M12 11v6M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
};

function KindIcon({ kind }: { kind: NewsKind }) {
  return (
    <svg class="kind-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
      <path d={KIND_ICON[kind]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function NewsSection({ report }: { report: Report }) {
  const { t } = useUi();
  const items = report.news;
  return (
    <Section id="news" title={t("sectionNews")}>
      {items.length === 0 ? (
        <p>{t("noNews")}</p>
      ) : (
        <ol class="timeline">
          {items.map((n) => (
            <li key={n.url + n.date} class={`news news-${n.kind}`}>
              <span class="kind"><KindIcon kind={n.kind} /> {t(KIND_KEY[n.kind])}</span>
              {" · "}
              <DateText date={n.date} />
              <p class="headline"><ExternalLink href={n.url}>{n.headline}</ExternalLink></p>
              <p class="outlet">{n.outlet}</p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
