// The facts about one service that matter to one user: which operator serves
// them, who controls it, which storage and access statements apply to them,
// and which laws reach it and why. Shared by the verdict and the report.
import type { CompiledDataset, Entity, Law, Operator, RemoteAccess, Service, Storage } from "./dataset";
import { controlChain, minorityStakes, type ChainLink, type Stake } from "./ownership";
import { countriesOf, covers, forUser, userZone, type UserZone } from "./regions";

export type ReachBasis = "headquarters" | "legalDomicile" | "storage" | "remoteAccess";

export interface ReachReason {
  basis: ReachBasis;
  countries: string[];
  /** For headquarters/legalDomicile: the entity in the chain that is reached. */
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

export interface ServiceContext {
  service: Service;
  zone: UserZone;
  operator: Operator | undefined;
  chain: ChainLink[];
  stakes: Stake[];
  storage: Storage[];
  remoteAccess: RemoteAccess[];
  /** Laws in force that reach this service, with the reasons. */
  reaches: LawReach[];
  /** Laws that protect this user (their userRegions cover the user). */
  userLaws: Law[];
}

/** Effects by which a government can obtain data from a company. */
export const COMPELLING_EFFECTS: ReadonlySet<string> = new Set(["compels-cooperation", "extraterritorial-access", "bulk-surveillance"]);

export function pickOperator(operators: readonly Operator[], zone: UserZone): Operator | undefined {
  return operators.find((o) => covers(o.regions, zone));
}

export function jurisdictionOf(ds: Pick<CompiledDataset, "groups">, law: Law): string[] {
  if (/^[A-Z]{2}$/.test(law.jurisdiction)) return [law.jurisdiction];
  return countriesOf(ds.groups, { group: law.jurisdiction });
}

function placeCountry(entity: Entity, basis: "headquarters" | "legalDomicile"): string | null {
  const place = entity[basis];
  return place === "unknown" ? null : place.country;
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
    if (r.basis === "headquarters" || r.basis === "legalDomicile") {
      for (const link of chain) {
        const c = placeCountry(link.entity, r.basis);
        if (c && listed.has(c)) reasons.push({ basis: r.basis, countries: [c], entity: link.entity.id });
      }
    } else {
      const statements = r.basis === "storage" ? storage : remote;
      const hit = [...new Set(statements.flatMap((s) => s.countries).filter((c) => listed.has(c)))];
      if (hit.length > 0) reasons.push({ basis: r.basis, countries: hit });
    }
  }
  return reasons;
}

export function serviceContext(ds: CompiledDataset, service: Service, country: string): ServiceContext {
  const zone = userZone(ds.groups, country);
  const operator = pickOperator(service.operators, zone);
  const chain = operator ? controlChain(ds.entities, operator.entity) : [];
  const storage = forUser(service.storage, zone);
  const remoteAccess = forUser(service.remoteAccess, zone);
  const reaches: LawReach[] = [];
  const userLaws: Law[] = [];
  for (const law of ds.laws) {
    if (law.status.value !== "in-force") continue;
    if (covers(law.userRegions, zone)) userLaws.push(law);
    // A law matters here if it lets a government demand data, or if it protects this user.
    if (!law.effect.some((e) => COMPELLING_EFFECTS.has(e)) && !covers(law.userRegions, zone)) continue;
    const reasons = lawReasons(ds, law, chain, storage, remoteAccess);
    if (reasons.length === 0) continue;
    const jurisdiction = jurisdictionOf(ds, law);
    reaches.push({ law, reasons, jurisdiction, domestic: jurisdiction.some((c) => zone.home.has(c)) });
  }
  return { service, zone, operator, chain, stakes: minorityStakes(ds.entities, chain), storage, remoteAccess, reaches, userLaws };
}
