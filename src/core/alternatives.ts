// Alternatives: services of the same kind that do better *for this user*,
// judged by the same engine, from the bundled dataset. No editorial list, no
// sponsored placement: the order is the level, then the popularity rank the
// build records from the committed ranking (unranked last), then the name.
import type { CompiledDataset, Service } from "./dataset";
import { assessContext, levelRank, type Concerns, type Finding, type Level } from "./assess";
import { serviceContext } from "./context";
import { runFrom } from "./ownership";
import { covers, userZone } from "./regions";

export const MAX_ALTERNATIVES = 3;

export interface AlternativeView {
  id: string;
  name: string;
  /** The service's first domain, to show and to link. */
  domain: string;
  level: Level;
  /** The findings, for the one-line reason (summarize). */
  findings: Finding[];
  /** Display names for the entities and laws the findings mention. */
  names: { entities: Record<string, string>; laws: Record<string, string> };
  /** Popularity rank from the ranking (lower is more popular), or null when unranked. */
  rank: number | null;
}

export interface Alternatives {
  /** False when the service's level does not call for alternatives (none or low). */
  offered: boolean;
  list: AlternativeView[];
}

/** A service is offered to the user unless its `serves` regions exclude them. */
export function servesUser(ds: Pick<CompiledDataset, "groups">, service: Service, country: string): boolean {
  if (!service.serves) return true;
  return covers(service.serves.regions, userZone(ds.groups, country));
}

/**
 * Rank of each service from a ranking of domains: the best (lowest) rank of
 * any entry that is one of the service's domains or a host under one.
 */
export function serviceRanks(services: readonly Pick<Service, "id" | "domains">[], ranking: readonly { rank: number; domain: string }[]): Record<string, number> {
  const byDomain = new Map<string, string>();
  for (const s of services) for (const d of s.domains) byDomain.set(d, s.id);
  const out: Record<string, number> = {};
  for (const { rank, domain } of ranking) {
    const labels = domain.toLowerCase().split(".");
    for (let i = 0; i < labels.length - 1; i++) {
      const id = byDomain.get(labels.slice(i).join("."));
      if (id !== undefined) {
        if (out[id] === undefined || rank < out[id]!) out[id] = rank;
        break;
      }
    }
  }
  return out;
}

function namesFor(ds: CompiledDataset, findings: readonly Finding[]): AlternativeView["names"] {
  const names = { entities: {} as Record<string, string>, laws: {} as Record<string, string> };
  for (const f of findings) {
    for (const id of f.entities) names.entities[id] = ds.entities[id]?.name ?? id;
    for (const id of [...f.laws, ...(f.userLaws ?? [])]) names.laws[id] = ds.laws.find((l) => l.id === id)?.shortName ?? id;
  }
  return names;
}

/**
 * Up to `max` services of the same category whose verdict for this user is
 * lower than `level`, that are offered in the user's country (`serves`),
 * and for which the dataset records who runs the service for the user's region
 * and where that company is: a service whose operator for the region, or its
 * location, is unknown has nothing counted against it, but that is not a
 * reason to recommend it.
 */
export function alternativesFor(
  ds: CompiledDataset,
  serviceId: string,
  level: Level,
  country: string,
  concerns: Concerns,
  today: string,
  max = MAX_ALTERNATIVES,
): Alternatives {
  if (levelRank(level) < levelRank("medium")) return { offered: false, list: [] };
  // A split dataset's view has holes for shards not read (its category's are): skip them.
  const current = ds.services.find((s) => s?.id === serviceId);
  if (!current) return { offered: false, list: [] };
  const ranks = ds.ranks ?? {};
  const found: AlternativeView[] = [];
  for (const s of ds.services) {
    if (!s || s.id === current.id || s.category !== current.category || !servesUser(ds, s, country)) continue;
    const ctx = serviceContext(ds, s, country);
    if (!ctx.operator || !ctx.chain.some((l) => runFrom(l.entity) !== null)) continue;
    const verdict = assessContext(ds, ctx, concerns, today);
    if (levelRank(verdict.level) >= levelRank(level)) continue;
    found.push({
      id: s.id,
      name: s.name,
      domain: s.domains[0] ?? s.hosts[0] ?? "",
      level: verdict.level,
      findings: verdict.findings,
      names: namesFor(ds, verdict.findings),
      rank: ranks[s.id] ?? null,
    });
  }
  found.sort((a, b) =>
    levelRank(a.level) - levelRank(b.level) ||
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name, "en"));
  return { offered: true, list: found.slice(0, max) };
}
