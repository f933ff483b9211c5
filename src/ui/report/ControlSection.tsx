// Who controls it: operator for the user's region up to the ultimate
// controlling parent, domicile vs headquarters when they differ, and minority
// stakes listed apart as "also holds a stake".
import type { EntityView, Report } from "../../core/report-types";
import { Country, Section, Slot, SLOT, SourceLine } from "./bits";
import { useUi } from "../context";

/** Incorporation, head office and (when a source says it differs) where the group is run from; only what is known is said. */
function Place({ entity }: { entity: EntityView }) {
  const { t, lang } = useUi();
  const { legalDomicile: dom, headquarters: hq, operations: ops } = entity;
  if (dom === "unknown" && hq === "unknown" && !ops) return <p class="place unknown">{t("placesNotStated")}</p>;
  const parts: preact.ComponentChildren[] = [];
  if (dom !== "unknown" && dom === hq) parts.push(<Slot key="based" template={t("basedIn", [SLOT])}><Country code={hq} /></Slot>);
  else {
    if (hq !== "unknown") parts.push(<Slot key="hq" template={t("headOfficeIn", [SLOT])}><Country code={hq} /></Slot>);
    if (dom !== "unknown") parts.push(<Slot key="dom" template={t("incorporatedIn", [SLOT])}><Country code={dom} /></Slot>);
  }
  if (ops && ops !== hq) parts.push(<Slot key="ops" template={t("runFrom", [SLOT])}><Country code={ops} /></Slot>);
  const separator = lang.startsWith("fr") ? " ; " : "; ";
  return <p class="place">{parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p]))}</p>;
}

function percentText(t: (k: string, s?: string[]) => string, share?: number, voting?: number): string {
  const parts: string[] = [];
  if (share !== undefined) parts.push(t("sharePercent", [String(share)]));
  if (voting !== undefined) parts.push(t("votingPercent", [String(voting)]));
  return parts.length > 0 ? parts.join(", ") : t("shareUnknown");
}

/** Where a stake holder is based, when a source says so (never "not stated" tacked onto the line). */
function holderPlace(e: EntityView): string | null {
  if (e.headquarters !== "unknown") return e.headquarters;
  return e.legalDomicile !== "unknown" ? e.legalDomicile : null;
}

export function ControlSection({ report }: { report: Report }) {
  const { t } = useUi();
  const chain = report.ownershipChain;
  return (
    <Section id="control" title={t("sectionControl")}>
      {!report.operator && report.operatorFallback ? <p class="note">{t("operatorFallbackNote")}</p> : null}
      {chain.length === 0 ? (
        <p class="unknown">{t("noOperator")}</p>
      ) : (
        <ol class="chain">
          {chain.map((e, i) => (
            <li key={e.id}>
              <span class="role">{i === 0 && report.operator ? t("operatorRole") : i === chain.length - 1 ? t("ultimateParent") : t("parentRole")}</span>
              <strong class="entity">{e.name}</strong>
              {i > 0 && (e.share !== undefined || e.voting !== undefined) ? <span class="pct"> ({percentText(t, e.share, e.voting)})</span> : null}
              <Place entity={e} />
              {i === 0 && report.operator ? <SourceLine source={report.operator.operatorSource} /> : null}
              {e.sources.filter((s) => !(i === 0 && report.operator?.operatorSource.url === s.url)).map((s) => <SourceLine key={s.url} source={s} />)}
            </li>
          ))}
        </ol>
      )}
      {report.unlinkedOwner && chain[0] ? (
        <div class="unlinked-owner">
          <p class="note">{t("unlinkedOwnerNote", [report.unlinkedOwner.name, chain[0].name])}</p>
          <Place entity={report.unlinkedOwner} />
          <SourceLine source={report.unlinkedOwner.ownerSource} />
        </div>
      ) : null}
      {report.minorityStakes.length > 0 ? (
        <div class="stakes">
          <h3>{t("alsoHoldsStake")}</h3>
          <ul>
            {report.minorityStakes.map((s) => (
              <li key={`${s.holder.id}-${s.in.id}`}>
                <strong>{s.holder.name}</strong> — {s.share === undefined && s.voting === undefined ? t("stakeUnstatedIn", [s.in.name]) : t("stakeIn", [percentText(t, s.share, s.voting), s.in.name])}
                {holderPlace(s.holder) ? <>{" · "}<Country code={holderPlace(s.holder)!} /></> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
