// The dataset split for a fast start: a compact index (domains, hosts, laws,
// groups) read when the worker starts, and shards of service records read on
// demand, from the extension's own files (never from the network). The
// engine keeps seeing a CompiledDataset: `SplitDataset.view` is one, whose
// `services` and `entities` fill in as shards are read; `forUrl` makes sure
// the record a URL needs is there before the engine runs.
import type { CompiledDataset, Entity, Service } from "./dataset";
import { matchUrl } from "./match";

export const SPLIT_FORMAT = 1;

export interface DatasetIndex {
  format: typeof SPLIT_FORMAT;
  version: string;
  hash: string;
  /** Services per shard: shard n holds services [n × shardSize, (n + 1) × shardSize). */
  shardSize: number;
  counts: { services: number; entities: number; laws: number; groups: number };
  domains: CompiledDataset["domains"];
  hosts: CompiledDataset["hosts"];
  laws: CompiledDataset["laws"];
  groups: CompiledDataset["groups"];
}

export interface DatasetShard {
  start: number;
  services: Service[];
  /** Every entity the shard's services reach (operators, owners, processors, certifiers, their owners). */
  entities: Record<string, Entity>;
}

export function shardPath(n: number): string {
  return `data/shards/${n}.json`;
}

export function isDatasetIndex(value: unknown): value is DatasetIndex {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.format === SPLIT_FORMAT && typeof v.version === "string" && typeof v.hash === "string" && typeof v.shardSize === "number" && v.shardSize > 0 &&
    typeof v.counts === "object" && v.counts !== null && typeof v.domains === "object" && v.domains !== null && typeof v.hosts === "object" && v.hosts !== null &&
    Array.isArray(v.laws) && typeof v.groups === "object" && v.groups !== null;
}

function isShard(value: unknown): value is DatasetShard {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.start === "number" && Array.isArray(v.services) && typeof v.entities === "object" && v.entities !== null;
}

export class SplitDataset {
  /** A CompiledDataset for the engine: complete for every service whose shard has been read. */
  readonly view: CompiledDataset;
  private readonly pending = new Map<number, Promise<void>>();

  /** `read` returns the parsed JSON of a file of the extension (e.g. shardPath(3)). */
  constructor(readonly index: DatasetIndex, private readonly read: (path: string) => Promise<unknown>) {
    this.view = {
      format: 1, version: index.version, hash: index.hash, domains: index.domains, hosts: index.hosts,
      services: new Array<Service>(index.counts.services), entities: {}, laws: index.laws, groups: index.groups,
    };
  }

  /** Reads the shard holding service `i` (once; concurrent callers share the read). */
  ensure(i: number): Promise<void> {
    if (!Number.isInteger(i) || i < 0 || i >= this.index.counts.services) return Promise.reject(new RangeError(`no service ${i}`));
    if (this.view.services[i]) return Promise.resolve();
    const n = Math.floor(i / this.index.shardSize);
    let p = this.pending.get(n);
    if (!p) {
      p = this.read(shardPath(n)).then((shard) => {
        if (!isShard(shard) || shard.start !== n * this.index.shardSize) throw new Error(`dataset shard ${n} has an unexpected shape`);
        Object.assign(this.view.entities, shard.entities);
        shard.services.forEach((s, k) => { this.view.services[shard.start + k] = s; });
      });
      this.pending.set(n, p);
      p.catch(() => this.pending.delete(n)); // a failed read is retried by the next caller
    }
    return p;
  }

  /** The engine's dataset, with the record `url` matches (if any) read first. */
  async forUrl(url: unknown): Promise<CompiledDataset> {
    const m = matchUrl(this.view, url);
    if (m.matched) await this.ensure(m.serviceIndex);
    return this.view;
  }
}
