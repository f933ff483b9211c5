// The full, JSON-safe report for one URL and one user: what the popup, the
// details page and the lookup command show. One function, one truth.
import type { CompiledDataset, Entity, Law, Source } from "./dataset";
import { assessContext, type Concerns } from "./assess";
import { serviceContext } from "./context";
import { matchUrl } from "./match";
import type { EntityView, Report, StatementView } from "./report-types";

export type { EntityView, LawView, Report, ServiceView, StakeView, StatementView } from "./report-types";
export { namesOf } from "./report-types";

function entityView(e: Entity, share?: number, voting?: number): EntityView {
  const sources: Source[] = [];
  for (const place of [e.legalDomicile, e.headquarters, e.operations ?? "unknown" as const]) {
    if (place !== "unknown" && !sources.some((s) => s.url === place.source.url)) sources.push(place.source);
  }
  const view: EntityView = {
    id: e.id,
    name: e.name,
    kind: e.kind,
    legalDomicile: e.legalDomicile === "unknown" ? "unknown" : e.legalDomicile.country,
    headquarters: e.headquarters === "unknown" ? "unknown" : e.headquarters.country,
    sources,
  };
  if (e.operations) view.operations = e.operations.country;
  if (share !== undefined) view.share = share;
  if (voting !== undefined) view.voting = voting;
  return view;
}

function statementView(s: { countries: string[]; basis?: StatementView["basis"]; provider?: string; appliesTo: string[]; statement: string; source: Source }): StatementView {
  const v: StatementView = { countries: s.countries, appliesTo: s.appliesTo, statement: s.statement, source: s.source };
  if (s.basis !== undefined) v.basis = s.basis;
  if (s.provider !== undefined) v.provider = s.provider;
  return v;
}

/** A law's short name in the UI language ("RGPD", "DSGVO"), English when the dataset has no form for it. */
export function lawShortName(law: Pick<Law, "shortName" | "shortNames">, lang: string): string {
  const code = lang.slice(0, 2).toLowerCase();
  return (code === "fr" || code === "de" || code === "es" ? law.shortNames?.[code] : undefined) ?? law.shortName;
}

/**
 * `lang`: the UI language of the page that shows the report. The background
 * and the extension pages read the same browser.i18n.getUILanguage(), so the
 * report carries each law's name in that one language rather than every form.
 */
export function buildReport(ds: CompiledDataset, input: string, country: string, concerns: Concerns, today: string, lang = "en"): Report {
  const m = matchUrl(ds, input);
  const base = { input, country, dataVersion: `${ds.version}+${ds.hash}` };
  if (!m.matched) {
    return {
      ...base, host: m.host, domain: m.domain, matched: false, reason: m.reason, service: null, operator: null,
      ownershipChain: [], minorityStakes: [], storage: [], remoteAccess: [], laws: [], news: [],
      verdict: { level: "none", findings: [], userLaw: { status: "not-modelled", laws: [] } }, processors: [], operatorFallback: null, unlinkedOwner: null, names: { entities: {}, laws: {} }, reviewed: null, confidence: null,
    };
  }
  const service = ds.services[m.serviceIndex]!;
  const ctx = serviceContext(ds, service, country);
  const chain = ctx.chain.map((l) => entityView(l.entity, l.share, l.voting));
  const verdict = assessContext(ds, ctx, concerns, today);
  const names = { entities: {} as Record<string, string>, laws: {} as Record<string, string> };
  const lawName = (id: string) => {
    const law = ds.laws.find((l) => l.id === id);
    return law ? lawShortName(law, lang) : id;
  };
  for (const f of verdict.findings) {
    for (const id of f.entities) names.entities[id] = ds.entities[id]?.name ?? id;
    for (const id of [...f.laws, ...(f.userLaws ?? [])]) names.laws[id] = lawName(id);
  }
  for (const id of verdict.userLaw.laws) names.laws[id] = lawName(id);
  const operator = ctx.operator && chain[0] ? { ...chain[0], regions: ctx.operator.regions, operatorSource: ctx.operator.source } : null;
  const operatorFallback = ctx.fallback && chain[0] ? { ...chain[0], basis: ctx.fallback.basis, fallbackSource: ctx.fallback.source } : null;
  // unlinkedOwner() only names a company the dataset holds.
  const unlinkedOwner = ctx.unlinkedOwner ? { ...entityView(ds.entities[ctx.unlinkedOwner.entity]!), ownerSource: ctx.unlinkedOwner.source } : null;
  return {
    ...base,
    host: m.host,
    domain: m.domain,
    matched: true,
    service: { id: service.id, name: service.name, category: service.category, domains: service.domains },
    operator,
    ownershipChain: chain,
    unlinkedOwner,
    minorityStakes: ctx.stakes.map((s) => ({
      holder: entityView(s.holder),
      in: { id: s.in.id, name: s.in.name },
      ...(s.share !== undefined ? { share: s.share } : {}),
      ...(s.voting !== undefined ? { voting: s.voting } : {}),
    })),
    operatorFallback,
    storage: ctx.storage.map(statementView),
    remoteAccess: ctx.remoteAccess.map(statementView),
    processors: ctx.processors.map(({ processor, chain: pchain }) => ({
      statement: processor.statement,
      appliesTo: processor.appliesTo,
      source: processor.source,
      chain: pchain.map((l) => entityView(l.entity, l.share, l.voting)),
    })),
    laws: ctx.reaches.map(({ law, reasons, domestic }) => ({
      id: law.id,
      name: law.name,
      shortName: lawShortName(law, lang),
      jurisdiction: law.jurisdiction,
      domestic,
      status: { value: law.status.value, ...(law.status.since ? { since: law.status.since } : {}), checked: law.status.checked },
      summary: law.summary,
      effect: law.effect,
      reasons,
      sources: law.sources,
    })),
    news: [...service.news].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    verdict,
    names,
    reviewed: service.reviewed,
    confidence: service.confidence,
  };
}
