// The facts about one service that matter to one user: which operator serves
// them (or, when none is recorded for their region, the company the service
// belongs to), who controls it, which storage, access and processor
// statements apply to them, and which laws reach it and why. Shared by the
// verdict and the report.
import type { CompiledDataset, Entity, Law, Operator, Processor, RemoteAccess, Service, Source, Storage } from "./dataset";
import { controlChain, minorityStakes, type ChainLink, type Stake } from "./ownership";
import { countriesOf, covers, forUser, specificity, userZone, type UserZone } from "./regions";

export type ReachBasis = "headquarters" | "legalDomicile" | "operations" | "storage" | "remoteAccess";

/** The three places of a company that put it under a state's control. */
export const CONTROL_BASES = ["headquarters", "legalDomicile", "operations"] as const;
export type ControlBasis = (typeof CONTROL_BASES)[number];

export interface ReachReason {
  basis: ReachBasis;
  countries: string[];
  /** For headquarters/legalDomicile/operations: the entity in the chain that is reached. */
  entity?: string;
}

export interface LawReach {
  law: Law;
  reasons: ReachReason[];
  /** Countries the law belongs to (a bloc's members for a bloc). */
  jurisdiction: string[];
  /** True when the law is the user's own (its jurisdiction is home for them). */
  domestic: boolean;
}

/** Who is responsible for this user's data when no operator is recorded for their region. */
export interface OperatorFallback {
  entity: string;
  source: Source;
  /** "owner": the service's recorded owner; "common-parent": the ultimate parent every recorded operator shares. */
  basis: "owner" | "common-parent";
}

/**
 * The company the service belongs to, when the operator's chain does not reach it: no control link between them is
 * recorded (unsourced, or none exists, as for a local partner that runs a service under licence). Shown, never assessed.
 */
export interface UnlinkedOwner {
  entity: string;
  source: Source;
}

export interface ProcessorContext {
  processor: Processor;
  chain: ChainLink[];
}

export interface ServiceContext {
  service: Service;
  zone: UserZone;
  operator: Operator | undefined;
  fallback: OperatorFallback | undefined;
  /** From the operator (or the fallback company) to the ultimate controlling parent. */
  chain: ChainLink[];
  unlinkedOwner: UnlinkedOwner | undefined;
  stakes: Stake[];
  storage: Storage[];
  remoteAccess: RemoteAccess[];
  processors: ProcessorContext[];
  /** Laws in force that reach this service, with the reasons. */
  reaches: LawReach[];
  /** Laws in force that protect this user (their userRegions cover the user). */
  userLaws: Law[];
}

/** Effects by which a government can obtain data from a company. */
export const COMPELLING_EFFECTS: ReadonlySet<string> = new Set(["compels-cooperation", "extraterritorial-access", "bulk-surveillance"]);

export function compels(law: Law): boolean {
  return law.effect.some((e) => COMPELLING_EFFECTS.has(e));
}

/**
 * The operator for this user: one named for their own country wins over one
 * for their region (EEA, UK, …), which wins over the worldwide one ("*"),
 * whatever the order the file lists them in.
 */
export function pickOperator(operators: readonly Operator[], zone: UserZone): Operator | undefined {
  let best: Operator | undefined;
  let bestRank = -1;
  for (const o of operators) {
    const rank = specificity(o.regions, zone);
    if (rank > bestRank) [best, bestRank] = [o, rank];
  }
  return best;
}

export function jurisdictionOf(ds: Pick<CompiledDataset, "groups">, law: Law): string[] {
  if (/^[A-Z]{2}$/.test(law.jurisdiction)) return [law.jurisdiction];
  return countriesOf(ds.groups, { group: law.jurisdiction });
}

export function placeCountry(entity: Entity, basis: ControlBasis): string | null {
  const place = entity[basis];
  return place === undefined || place === "unknown" ? null : place.country;
}

/**
 * The company to name when no operator covers the user: the service's
 * recorded owner, else the ultimate parent that every recorded operator's
 * chain ends at. Never a guess between different groups.
 */
export function operatorFallback(entities: CompiledDataset["entities"], service: Service): OperatorFallback | undefined {
  if (service.owner && entities[service.owner.entity]) return { entity: service.owner.entity, source: service.owner.source, basis: "owner" };
  if (service.operators.length === 0) return undefined;
  const tops = service.operators.map((o) => controlChain(entities, o.entity).at(-1));
  const top = tops[0];
  if (!top || tops.some((t) => t?.entity.id !== top.entity.id)) return undefined;
  const source = top.entity.headquarters !== "unknown" ? top.entity.headquarters.source : service.operators[0]!.source;
  return { entity: top.entity.id, source, basis: "common-parent" };
}

/** The service's recorded owner when neither the operator's chain reaches it nor it controls the operator. */
export function unlinkedOwner(entities: CompiledDataset["entities"], service: Service, chain: readonly ChainLink[]): UnlinkedOwner | undefined {
  const owner = service.owner;
  const head = chain[0]?.entity.id;
  if (!owner || !entities[owner.entity] || head === undefined) return undefined;
  if (chain.some((l) => l.entity.id === owner.entity)) return undefined;
  if (controlChain(entities, owner.entity).some((l) => l.entity.id === head)) return undefined;
  return { entity: owner.entity, source: owner.source };
}

export function lawReasons(
  ds: Pick<CompiledDataset, "groups">,
  law: Law,
  chain: readonly ChainLink[],
  storage: readonly Storage[],
  remote: readonly RemoteAccess[],
): ReachReason[] {
  const reasons: ReachReason[] = [];
  for (const r of law.reach) {
    const listed = new Set(countriesOf(ds.groups, r));
    if (r.basis === "storage" || r.basis === "remoteAccess") {
      // Only a stated location puts data in a jurisdiction; a footprint list does not.
      const statements = r.basis === "storage" ? storage.filter((s) => s.basis === "stated") : remote;
      const hit = [...new Set(statements.flatMap((s) => s.countries).filter((c) => listed.has(c)))];
      if (hit.length > 0) reasons.push({ basis: r.basis, countries: hit });
    } else {
      for (const link of chain) {
        const c = placeCountry(link.entity, r.basis);
        if (c && listed.has(c)) reasons.push({ basis: r.basis, countries: [c], entity: link.entity.id });
      }
    }
  }
  return reasons;
}

export function serviceContext(ds: CompiledDataset, service: Service, country: string): ServiceContext {
  const zone = userZone(ds.groups, country);
  const operator = pickOperator(service.operators, zone);
  const fallback = operator ? undefined : operatorFallback(ds.entities, service);
  const head = operator?.entity ?? fallback?.entity;
  const chain = head ? controlChain(ds.entities, head) : [];
  const unlinked = operator ? unlinkedOwner(ds.entities, service, chain) : undefined;
  const storage = forUser(service.storage, zone);
  const remoteAccess = forUser(service.remoteAccess, zone);
  const processors = forUser(service.processors, zone).map((processor) => ({ processor, chain: controlChain(ds.entities, processor.entity) }));
  const reaches: LawReach[] = [];
  const userLaws: Law[] = [];
  for (const law of ds.laws) {
    if (law.status.value !== "in-force") continue;
    const protects = covers(law.userRegions, zone);
    if (protects) userLaws.push(law);
    // A law matters here if it lets a government demand data, or if it protects this user.
    if (!compels(law) && !protects) continue;
    const reasons = lawReasons(ds, law, chain, storage, remoteAccess);
    if (reasons.length === 0) continue;
    const jurisdiction = jurisdictionOf(ds, law);
    reaches.push({ law, reasons, jurisdiction, domestic: jurisdiction.some((c) => zone.home.has(c)) });
  }
  return {
    service, zone, operator, fallback, chain, unlinkedOwner: unlinked, stakes: minorityStakes(ds.entities, chain), storage, remoteAccess, processors, reaches, userLaws,
  };
}
