// The compiled dataset: what the CLI tools read (dist/tools/dataset.json) and
// what the engine sees in the extension, where it ships split by category
// (dataset-split.ts). The runtime only ever sees this shape, never the source files.
import type { Entity, Group, Law, Service } from "../data/schema";

export type { Entity, Group, Law, Service } from "../data/schema";
export type {
  Source, OwnerEdge, Operator, Storage, RemoteAccess, News, NewsKind, Effect, Category, Place,
  Confidence, GroupMember, NewsTopic, Processor, StorageBasis, PrivacyContact,
} from "../data/schema";

export interface CompiledDataset {
  /** Schema version of this artefact; bump when its shape changes. */
  format: 1;
  /** Date of the most recent review in the dataset (YYYY-MM-DD). */
  version: string;
  /** First 12 hex digits of the SHA-256 of the records. */
  hash: string;
  /** Registrable domain → index into services. */
  domains: Record<string, number>;
  /** Host override → index into services. */
  hosts: Record<string, number>;
  services: Service[];
  entities: Record<string, Entity>;
  laws: Law[];
  groups: Record<string, Group>;
  /** Service id → popularity rank from the committed ranking (lower is more popular); unranked services are absent. */
  ranks?: Record<string, number>;
}

/** A loosely checked guard for the artefact read at run time (a corrupt or foreign file fails loudly). */
export function isCompiledDataset(value: unknown): value is CompiledDataset {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === 1 &&
    typeof v.version === "string" &&
    typeof v.hash === "string" &&
    typeof v.domains === "object" && v.domains !== null &&
    typeof v.hosts === "object" && v.hosts !== null &&
    Array.isArray(v.services) &&
    typeof v.entities === "object" && v.entities !== null &&
    Array.isArray(v.laws) &&
    typeof v.groups === "object" && v.groups !== null
  );
}
