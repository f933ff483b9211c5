// The dataset split for a fast start: a compact index (domains, hosts, laws,
// groups, and which shard holds each service) read when the worker starts,
// and shards of service records read on demand, from the extension's own
// files (never from the network). Shards follow categories, because a
// report's alternatives are drawn from its service's category. The engine
// keeps seeing a CompiledDataset: `SplitDataset.view` is one, whose
// `services` and `entities` fill in as shards are read; `forUrls` makes sure
// the records a report needs are there before the engine runs.
import type { CompiledDataset, Entity, Service } from "./dataset";
import { matchUrl } from "./match";

export const SPLIT_FORMAT = 2;

export interface DatasetIndex {
  format: typeof SPLIT_FORMAT;
  version: string;
  hash: string;
  counts: { services: number; entities: number; laws: number; groups: number };
  /** Service index → the shard holding its record. */
  shardOf: number[];
  /** Category → its shards (one, unless the category has more services than a shard holds). */
  categories: Record<string, number[]>;
  domains: CompiledDataset["domains"];
  hosts: CompiledDataset["hosts"];
  laws: CompiledDataset["laws"];
  groups: CompiledDataset["groups"];
  ranks?: CompiledDataset["ranks"];
}

export interface DatasetShard {
  /** The service indices of `services`, in order. */
  ids: number[];
  services: Service[];
  /** Every entity the shard's services reach (operators, owners, processors, certifiers, their owners). */
  entities: Record<string, Entity>;
}

export function shardPath(n: number): string {
  return `data/shards/${n}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function isDatasetIndex(v: unknown): v is DatasetIndex {
  if (!isRecord(v)) return false;
  return v.format === SPLIT_FORMAT && typeof v.version === "string" && typeof v.hash === "string" &&
    isRecord(v.counts) && typeof v.counts.services === "number" &&
    Array.isArray(v.shardOf) && v.shardOf.length === v.counts.services && v.shardOf.every((n) => Number.isInteger(n) && n >= 0) &&
    isRecord(v.categories) && Object.values(v.categories).every((ns) => Array.isArray(ns) && ns.every((n) => Number.isInteger(n) && n >= 0)) &&
    isRecord(v.domains) && isRecord(v.hosts) && Array.isArray(v.laws) && isRecord(v.groups) && (v.ranks === undefined || isRecord(v.ranks));
}

function isShard(v: unknown): v is DatasetShard {
  return isRecord(v) && Array.isArray(v.ids) && Array.isArray(v.services) && v.ids.length === v.services.length && isRecord(v.entities);
}

export class SplitDataset {
  /** A CompiledDataset for the engine: complete for every service whose shard has been read. */
  readonly view: CompiledDataset;
  private readonly pending = new Map<number, Promise<void>>();
  /** Services per shard, from the index (counted at the first read). */
  private sizes: number[] | undefined;

  /** `read` returns the parsed JSON of a file of the extension (e.g. shardPath(3)). */
  constructor(readonly index: DatasetIndex, private readonly read: (path: string) => Promise<unknown>) {
    this.view = {
      format: 1, version: index.version, hash: index.hash, domains: index.domains, hosts: index.hosts,
      services: new Array<Service>(index.counts.services), entities: {}, laws: index.laws, groups: index.groups,
      ...(index.ranks ? { ranks: index.ranks } : {}),
    };
  }

  /** Reads shard `n` (once; concurrent callers share the read; a failed read is retried by the next caller). */
  private shard(n: number): Promise<void> {
    let p = this.pending.get(n);
    if (!p) {
      p = this.read(shardPath(n)).then((shard) => {
        // Exactly the services the index puts in shard n: a stale or foreign file must not leave holes.
        if (!isShard(shard) || shard.ids.length !== this.size(n) || new Set(shard.ids).size !== shard.ids.length || shard.ids.some((i) => this.index.shardOf[i] !== n)) {
          throw new Error(`the bundled dataset (${shardPath(n)}) has an unexpected shape`);
        }
        Object.assign(this.view.entities, shard.entities);
        shard.ids.forEach((i, k) => { this.view.services[i] = shard.services[k]!; });
      });
      this.pending.set(n, p);
      p.catch(() => this.pending.delete(n));
    }
    return p;
  }

  private size(n: number): number {
    if (!this.sizes) {
      const sizes: number[] = [];
      for (const m of this.index.shardOf) sizes[m] = (sizes[m] ?? 0) + 1;
      this.sizes = sizes;
    }
    return this.sizes[n] ?? 0;
  }

  /**
   * Reads the record of service `i` and, unless `category` is false, those of its category (the
   * alternatives a report offers; a page scan names third parties and needs their records only).
   */
  async ensure(i: number, { category = true } = {}): Promise<void> {
    if (!Number.isInteger(i) || i < 0 || i >= this.index.counts.services) throw new RangeError(`no service ${i}`);
    await this.shard(this.index.shardOf[i]!);
    if (!category) return;
    await Promise.all((this.index.categories[this.view.services[i]!.category] ?? []).map((n) => this.shard(n)));
  }

  /** The engine's dataset, with the records the URLs match (if any), and their categories unless `category` is false, read first. */
  async forUrls(urls: readonly unknown[], options: { category?: boolean } = {}): Promise<CompiledDataset> {
    const wanted = new Set<number>();
    for (const url of urls) {
      const m = matchUrl(this.view, url);
      if (m.matched) wanted.add(m.serviceIndex);
    }
    await Promise.all([...wanted].map((i) => this.ensure(i, options)));
    return this.view;
  }
}
