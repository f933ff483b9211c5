// What happened: dated events, newest first, with kind icons and outlets.
import type { Report } from "../../core/report-types";
import type { NewsKind } from "../../core/dataset";
import { DateText, ExternalLink, Section } from "./bits";
import { useUi } from "../context";

const KIND_KEY: Record<NewsKind, string> = {
  fine: "newsFine", ban: "newsBan", ownership: "newsOwnership", breach: "newsBreach",
  transfer: "newsTransfer", law: "newsLaw", other: "newsOther",
};
const KIND_ICON: Record<NewsKind, string> = {
  fine: "€", ban: "⛔", ownership: "⇄", breach: "⚠", transfer: "⇢", law: "§", other: "•",
};

export function NewsSection({ report, limit }: { report: Report; limit?: number }) {
  const { t } = useUi();
  const items = limit === undefined ? report.news : report.news.slice(0, limit);
  return (
    <Section id="news" title={t("sectionNews")}>
      {items.length === 0 ? (
        <p>{t("noNews")}</p>
      ) : (
        <ol class="timeline">
          {items.map((n) => (
            <li key={n.url + n.date} class={`news news-${n.kind}`}>
              <span class="kind"><span aria-hidden="true">{KIND_ICON[n.kind]}</span> {t(KIND_KEY[n.kind])}</span>
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
