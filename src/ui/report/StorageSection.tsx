// Where the user's data is stored, in the company's own (paraphrased)
// words: what it states apart from where it only says data may be processed,
// then remote access, named providers, and a small map.
import type { ProcessorView, Report, StatementView } from "../../core/report-types";
import { Countries, DateText, Section, Slot, SLOT, SourceLine } from "./bits";
import { WorldMap } from "./WorldMap";
import { listOf, regionName } from "../../core/text";
import { useUi } from "../context";

function Statement({ s }: { s: StatementView }) {
  const { t, lang } = useUi();
  return (
    <li class="statement">
      {s.basis === "possible" ? <p class="basis">{t("storagePossible")}</p> : null}
      <p class="countries-line"><Countries codes={s.countries} /></p>
      {s.provider && s.provider !== "unknown" ? <p class="provider">{t("provider", [s.provider])}</p> : null}
      <p class="paraphrase">{s.statement}</p>
      <p class="meta">
        <Slot template={t("statedOn", [SLOT])}><DateText date={s.source.date} /></Slot>
        {" · "}
        {t("appliesTo", [listOf(s.appliesTo.map((r) => regionName(r, t, lang)), lang)])}
      </p>
      <SourceLine source={s.source} />
    </li>
  );
}

function Processor({ p }: { p: ProcessorView }) {
  const { t } = useUi();
  const top = p.chain.at(-1);
  return (
    <li class="statement">
      <p class="provider">{p.chain[0]?.name}{top && top !== p.chain[0] ? ` → ${top.name}` : ""}</p>
      {top ? <p class="countries-line"><Countries codes={[top.headquarters, top.operations ?? "unknown"].filter((c, i, all) => c !== "unknown" && all.indexOf(c) === i)} /></p> : null}
      <p class="paraphrase">{p.statement}</p>
      <p class="meta"><Slot template={t("statedOn", [SLOT])}><DateText date={p.source.date} /></Slot></p>
      <SourceLine source={p.source} />
    </li>
  );
}

export function StorageSection({ report }: { report: Report }) {
  const { t } = useUi();
  const hq = report.ownershipChain.at(-1)?.headquarters;
  const stated = report.storage.filter((s) => s.basis !== "possible");
  const possible = report.storage.filter((s) => s.basis === "possible");
  return (
    <Section id="storage" title={t("sectionStorage")}>
      {stated.length === 0 ? <p class="unknown">{t("storageNotStated")}</p> : null}
      {report.storage.length > 0 ? (
        <ul class="statements">{[...stated, ...possible].map((s) => <Statement key={s.source.url + s.countries.join()} s={s} />)}</ul>
      ) : null}
      {report.remoteAccess.length > 0 ? (
        <>
          <h3>{t("remoteAccessTitle")}</h3>
          <ul class="statements">{report.remoteAccess.map((s) => <Statement key={s.source.url + s.countries.join()} s={s} />)}</ul>
        </>
      ) : null}
      {report.processors.length > 0 ? (
        <>
          <h3>{t("processorsTitle")}</h3>
          <ul class="statements">{report.processors.map((p) => <Processor key={p.source.url + p.statement} p={p} />)}</ul>
        </>
      ) : null}
      <WorldMap
        storage={stated.flatMap((s) => s.countries)}
        access={report.remoteAccess.flatMap((s) => s.countries)}
        headquarters={hq && hq !== "unknown" ? hq : undefined}
        user={report.country}
      />
    </Section>
  );
}
