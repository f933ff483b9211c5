// Where the user's data is stored, in the company's own (paraphrased)
// words, with remote-access countries and a small map.
import type { Report, StatementView } from "../../core/report-types";
import { Countries, DateText, Section, Slot, SLOT, SourceLine } from "./bits";
import { WorldMap } from "./WorldMap";
import { useUi } from "../context";

function Statement({ s }: { s: StatementView }) {
  const { t } = useUi();
  return (
    <li class="statement">
      <p class="countries-line"><Countries codes={s.countries} /></p>
      {s.provider ? <p class="provider">{t("provider", [s.provider])}</p> : null}
      <p class="paraphrase">{s.statement}</p>
      <p class="meta">
        <Slot template={t("statedOn", [SLOT])}><DateText date={s.source.date} /></Slot>
        {" · "}
        {t("appliesTo", [s.appliesTo.map((r) => (r === "*" ? t("regionEverywhere") : r)).join(", ")])}
      </p>
      <SourceLine source={s.source} />
    </li>
  );
}

export function StorageSection({ report }: { report: Report }) {
  const { t } = useUi();
  const hq = report.ownershipChain.at(-1)?.headquarters;
  return (
    <Section id="storage" title={t("sectionStorage")}>
      {report.storage.length === 0 ? (
        <p class="unknown">{t("storageNotStated")}</p>
      ) : (
        <ul class="statements">{report.storage.map((s) => <Statement key={s.source.url + s.countries.join()} s={s} />)}</ul>
      )}
      {report.remoteAccess.length > 0 ? (
        <>
          <h3>{t("remoteAccessTitle")}</h3>
          <ul class="statements">{report.remoteAccess.map((s) => <Statement key={s.source.url + s.countries.join()} s={s} />)}</ul>
        </>
      ) : null}
      <WorldMap
        storage={report.storage.flatMap((s) => s.countries)}
        access={report.remoteAccess.flatMap((s) => s.countries)}
        headquarters={hq && hq !== "unknown" ? hq : undefined}
        user={report.country}
      />
    </Section>
  );
}
