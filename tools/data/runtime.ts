// Shapes the compiled dataset for the extension's runtime: drops the fields
// no view or engine reads, resolves at build time what the runtime would
// otherwise look up on every assessment, and can split the result into a
// compact domain index plus per-service shards (src/core/dataset-split.ts
// reads them). The lookup command keeps the full artefact.
import type { CompiledDataset, Entity, Service } from "../../src/core/dataset";
import { SPLIT_FORMAT, type DatasetIndex, type DatasetShard } from "../../src/core/dataset-split";

/**
 * Keys removed everywhere in the runtime artefact: free-text notes, the build-only distinctFrom, adoption
 * dates and the scope of group members (sources' archived copies and localised
 * law names are shown, so they stay). test/unit/runtime-dataset.test.ts fails as soon as code
 * outside src/data names one of them, so a view that starts reading a field
 * must first take it off this list.
 */
export const STRIPPED_KEYS: readonly string[] = ["note", "adopted", "scope", "distinctFrom"];

function strip<T>(value: T, keys: ReadonlySet<string>): T {
  if (Array.isArray(value)) return value.map((v) => strip(v, keys)) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) out[k] = strip(v, keys);
  return out as T;
}

/**
 * Of a group's members, the runtime reads the country and the certification
 * a recognition requires (src/core/regions.ts, src/core/tiers.ts); each
 * member's decision, its date and its source stay in the sources and in the
 * lookup command's full artefact.
 */
export const MEMBER_KEYS: readonly string[] = ["country", "requires"];

/**
 * The runtime artefact: same shape as the compiled dataset (CompiledDataset),
 * without STRIPPED_KEYS, group members reduced to MEMBER_KEYS, and every law
 * reach that names a group also carrying the group's countries (the engine's
 * countriesOf prefers an explicit list, so it no longer walks the group on
 * each assessment).
 */
export function runtimeDataset(ds: CompiledDataset): CompiledDataset {
  const out = strip(ds, new Set(STRIPPED_KEYS));
  for (const g of Object.values(out.groups)) {
    g.members = g.members.map((m) => Object.fromEntries(Object.entries(m).filter(([k]) => MEMBER_KEYS.includes(k))) as typeof m);
  }
  for (const law of out.laws) {
    for (const r of law.reach) {
      if (r.group && !r.countries) {
        const g = out.groups[r.group];
        if (g) r.countries = g.members.map((m) => m.country);
      }
    }
  }
  return out;
}

/** Entity ids a service refers to, with their controlling and minority owners, transitively. */
function entityClosure(ds: CompiledDataset, s: Service): Set<string> {
  const todo = [...s.operators.map((o) => o.entity), ...s.processors.map((p) => p.entity), ...s.certifications.map((c) => c.entity)];
  if (s.owner) todo.push(s.owner.entity);
  const seen = new Set<string>();
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    const e: Entity | undefined = ds.entities[id];
    if (!e) continue;
    seen.add(id);
    for (const o of e.owners) todo.push(o.entity);
  }
  return seen;
}

/**
 * Splits a runtime dataset: `index` (domains, hosts, laws, groups, counts,
 * and which shard holds each service) is all a worker needs to start and to
 * answer for pages outside the dataset. Shards follow categories, at most
 * `shardSize` services each, with every entity their services reach: a
 * report's alternatives come from its service's category, so a report reads
 * the index and its category's shards (one, below `shardSize` services).
 */
export function splitDataset(ds: CompiledDataset, shardSize: number): { index: DatasetIndex; shards: DatasetShard[] } {
  const byCategory = new Map<string, number[]>();
  ds.services.forEach((s, i) => {
    const ids = byCategory.get(s.category);
    if (ids) ids.push(i);
    else byCategory.set(s.category, [i]);
  });
  const shards: DatasetShard[] = [];
  const shardOf = new Array<number>(ds.services.length);
  const categories: Record<string, number[]> = {};
  for (const [category, all] of [...byCategory].sort(([a], [b]) => a.localeCompare(b, "en"))) {
    categories[category] = [];
    for (let k = 0; k < all.length; k += shardSize) {
      const ids = all.slice(k, k + shardSize);
      const n = shards.length;
      categories[category].push(n);
      for (const i of ids) shardOf[i] = n;
      const services = ids.map((i) => ds.services[i]!);
      const reached = new Set<string>();
      for (const s of services) for (const id of entityClosure(ds, s)) reached.add(id);
      shards.push({ ids, services, entities: Object.fromEntries([...reached].sort().map((id) => [id, ds.entities[id]!])) });
    }
  }
  const index: DatasetIndex = {
    format: SPLIT_FORMAT,
    version: ds.version,
    hash: ds.hash,
    counts: { services: ds.services.length, entities: Object.keys(ds.entities).length, laws: ds.laws.length, groups: Object.keys(ds.groups).length },
    shardOf,
    categories,
    domains: ds.domains,
    hosts: ds.hosts,
    laws: ds.laws,
    groups: ds.groups,
    ...(ds.ranks ? { ranks: ds.ranks } : {}),
  };
  return { index, shards };
}
