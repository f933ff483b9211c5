// Who can demand access: each law that reaches this service, why (which
// entity, which country), in plain language, with its sources.
import type { LawView, Report } from "../../core/report-types";
import { countryName, listOf, regionName } from "../../core/text";
import { DateText, ExternalLink, Section, Slot, SLOT } from "./bits";
import { useUi } from "../context";

function Reasons({ law, report }: { law: LawView; report: Report }) {
  const { t, lang } = useUi();
  const entityName = (id?: string) => report.ownershipChain.find((e) => e.id === id)?.name ?? id ?? "";
  const text = law.reasons.map((r) => {
    const countries = listOf(r.countries.map((c) => countryName(c, lang)), lang);
    switch (r.basis) {
      case "headquarters": return t("reasonHeadquarters", [entityName(r.entity), countries]);
      case "legalDomicile": return t("reasonLegalDomicile", [entityName(r.entity), countries]);
      case "storage": return t("reasonStorage", [countries]);
      case "remoteAccess": return t("reasonRemoteAccess", [countries]);
    }
  });
  return <p class="reasons">{[...new Set(text)].join("; ")}.</p>;
}

export function AccessSection({ report }: { report: Report }) {
  const { t, lang } = useUi();
  return (
    <Section id="access" title={t("sectionAccess")}>
      {report.laws.length === 0 ? (
        <p>{t("noLaws")}</p>
      ) : (
        <ul class="laws">
          {report.laws.map((law) => (
            <li key={law.id} class={law.domestic ? "law domestic" : "law"}>
              <h3>
                {law.shortName} <span class="jurisdiction">({regionName(law.jurisdiction, t, lang)})</span>
              </h3>
              {law.domestic ? <p class="note">{t("lawDomestic")}</p> : null}
              <Reasons law={law} report={report} />
              <p class="summary">{law.summary}</p>
              <p class="meta"><Slot template={t("lawStatusInForce", [SLOT])}><DateText date={law.status.checked} /></Slot></p>
              <ul class="law-sources">
                {law.sources.map((s) => (
                  <li key={s.url}><ExternalLink href={s.url}>{s.title ?? s.publisher}</ExternalLink></li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
