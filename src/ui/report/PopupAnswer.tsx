// The popup's answer, readable in five seconds: the level with one sentence,
// then four short rows — where the data is stored, who runs the service, which
// governments can demand the data, and the latest event. Everything else is
// on the details page.
import { Fragment } from "preact";
import type { EntityView, Report } from "../../core/report-types";
import { regionName } from "../../core/text";
import type { News } from "../../core/dataset";
import { COMPELLING_EFFECTS } from "../../core/context";
import { DATA_TOPICS } from "../../core/assess";
import { Country, DateText, ExternalLink, Flag, Slot, SLOT } from "./bits";
import { VerdictHeader } from "./VerdictHeader";
import { Correction } from "./SourcesSection";
import { useUi } from "../context";
import { Alternatives } from "../Alternatives";
import { RequestLetter } from "../RequestLetter";


/** The most recent event about the user's data; the report lists news newest first. */
export function latestNews(news: readonly News[]): News | undefined {
  return news.find((n) => DATA_TOPICS.has(n.topic));
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** A row names at most this many countries; longer lists end in "and N more" (never "and 1 more"). The full list is on the details page. */
const MAX_COUNTRIES = 4;

function CountryList({ codes }: { codes: readonly string[] }) {
  const { t } = useUi();
  if (codes.length === 0) return <span class="unknown">{t("placeUnknown")}</span>;
  const shown = codes.length > MAX_COUNTRIES ? codes.slice(0, MAX_COUNTRIES - 1) : codes;
  return (
    <span class="countries">
      {shown.map((c, i) => (
        <Fragment key={c}>
          {i > 0 ? ", " : ""}
          <span class="nowrap"><Country code={c} /></span>
        </Fragment>
      ))}
      {shown.length < codes.length ? <>{" "}{t("popupMore", [String(codes.length - shown.length)])}</> : null}
    </span>
  );
}

function EntityName({ entity }: { entity: EntityView }) {
  const place = entity.headquarters !== "unknown" ? entity.headquarters : entity.legalDomicile;
  return (
    <span class="entity">
      {place !== "unknown" ? <Flag code={place} /> : null}
      {entity.name}
    </span>
  );
}

function StoredIn({ report }: { report: Report }) {
  const { t } = useUi();
  // Only a statement that this user's data is kept there is "stored in"; a footprint list is "may be processed in".
  const stored = uniq(report.storage.filter((s) => s.basis !== "possible").flatMap((s) => s.countries));
  const possible = uniq(report.storage.filter((s) => s.basis === "possible").flatMap((s) => s.countries)).filter((c) => !stored.includes(c));
  const accessed = uniq(report.remoteAccess.flatMap((s) => s.countries)).filter((c) => !stored.includes(c));
  return (
    <>
      <CountryList codes={stored} />
      {possible.length > 0 ? (
        <span class="also">
          {" · "}
          <Slot template={t("popupMayBeProcessedIn", [SLOT])}><CountryList codes={possible} /></Slot>
        </span>
      ) : null}
      {accessed.length > 0 ? (
        <span class="also">
          {" · "}
          <Slot template={t("popupAccessedFrom", [SLOT])}><CountryList codes={accessed} /></Slot>
        </span>
      ) : null}
    </>
  );
}

function RunBy({ report }: { report: Report }) {
  const { t } = useUi();
  const chain = report.ownershipChain;
  if (chain.length === 0) return <span class="unknown">{t("placeUnknown")}</span>;
  if (!report.operator && report.operatorFallback) {
    // No operator is recorded for the user's region: name the company the service belongs to, and say so.
    return (
      <>
        <EntityName entity={chain[chain.length - 1]!} />
        <span class="note"> ({t("popupOperatorNotStated")})</span>
      </>
    );
  }
  const operator = chain[0]!;
  const parent = chain.length > 1 ? chain[chain.length - 1]! : null;
  return (
    <>
      <EntityName entity={operator} />
      {parent ? (
        <>
          <span aria-hidden="true"> → </span>
          <span class="visually-hidden">, {t("ultimateParent")}: </span>
          <EntityName entity={parent} />
        </>
      ) : null}
      {report.unlinkedOwner ? (
        // The company the service belongs to, off the operator's chain: named, never drawn as its parent.
        <span class="also">
          {" · "}
          <Slot template={t("popupBelongsTo", [SLOT])}><EntityName entity={report.unlinkedOwner} /></Slot>
        </span>
      ) : null}
    </>
  );
}

function WhoCanDemand({ report }: { report: Report }) {
  const { t, lang } = useUi();
  // Foreign states whose law reaches the data by the way it gets there (the verdict's findings say so);
  // the user's own government is named apart.
  const foreign = uniq(report.verdict.findings.filter((f) => f.compels && f.reach !== "possible-processing").flatMap((f) => f.countries));
  const compelling = report.laws.filter((l) => l.effect.some((e) => COMPELLING_EFFECTS.has(e)));
  const own = uniq(compelling.filter((l) => l.domestic).map((l) => l.jurisdiction)).filter((j) => !foreign.includes(j));
  if (foreign.length + own.length === 0) return <span>{t("popupNoGovernment")}</span>;
  const one = (j: string) => (/^[A-Z]{2}$/.test(j) ? <Country code={j} /> : <span>{regionName(j, t, lang)}</span>);
  return (
    <span class="countries">
      {[...foreign, ...own].map((j, i) => (
        <Fragment key={j}>
          {i > 0 ? ", " : ""}
          <span class="nowrap">{one(j)}</span>
          {own.includes(j) ? <span class="note"> ({t("popupYourCountry")})</span> : null}
        </Fragment>
      ))}
    </span>
  );
}

function Latest({ report }: { report: Report }) {
  const { t } = useUi();
  const news = latestNews(report.news);
  if (!news) return <span>{t("noNews")}</span>;
  return (
    <>
      <DateText date={news.date} />
      {": "}
      <span class="headline-short"><ExternalLink href={news.url}>{news.headline}</ExternalLink></span>
    </>
  );
}

export function PopupAnswer({ report, actions }: { report: Report; actions?: preact.ComponentChildren }) {
  const { t } = useUi();
  const { service, verdict } = report;
  if (!service) return null;
  const rows: Array<[string, string, preact.ComponentChildren]> = [
    ["stored", t("popupStoredIn"), <StoredIn report={report} />],
    ["run-by", t("popupRunBy"), <RunBy report={report} />],
    ["demand", t("popupWhoCanDemand"), <WhoCanDemand report={report} />],
    ["latest", t("popupLatest"), <Latest report={report} />],
  ];
  return (
    <article class="answer" aria-labelledby="verdict-title">
      <VerdictHeader report={report}>
        {verdict.userLaw.status === "not-modelled" ? <p class="note user-law">{t("userLawNotModelled")}</p> : null}
      </VerdictHeader>
      <dl class="facts">
        {rows.map(([id, label, value]) => (
          <div key={id} class={`fact fact-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="answer-actions">
        {actions}
        <p class="correction-line"><Correction report={report} /></p>
      </div>
      <Alternatives report={report} compact />
      <RequestLetter report={report} />
    </article>
  );
}
