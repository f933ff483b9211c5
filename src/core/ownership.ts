// Who controls a service: the chain from the operating entity up to the
// ultimate controlling parent, following controlling edges only. Minority
// stakes are collected separately and never make a company "owned by".
import type { CompiledDataset, Entity } from "./dataset";

export interface ChainLink {
  entity: Entity;
  /** The edge by which the previous link is controlled by this one (absent for the operator). */
  share?: number;
  voting?: number;
}

export interface Stake {
  holder: Entity;
  in: Entity;
  share?: number;
  voting?: number;
}

type Entities = CompiledDataset["entities"];

/** Where a company is run from: its place of operations, else its head office, else where it is incorporated; null when none is recorded. */
export function runFrom(e: Entity): string | null {
  for (const p of [e.operations, e.headquarters, e.legalDomicile]) if (p && p !== "unknown") return p.country;
  return null;
}

/** Operator first, ultimate controlling parent last. Cycle-safe. */
export function controlChain(entities: Entities, operatorId: string): ChainLink[] {
  const start = entities[operatorId];
  if (!start) return [];
  const chain: ChainLink[] = [{ entity: start }];
  const seen = new Set([start.id]);
  let current = start;
  for (;;) {
    const edge = current.owners.find((o) => o.controls && entities[o.entity] !== undefined);
    if (!edge || seen.has(edge.entity)) break;
    const parent = entities[edge.entity]!;
    chain.push({ entity: parent, share: edge.share, voting: edge.voting });
    seen.add(parent.id);
    current = parent;
  }
  return chain;
}

/** Non-controlling stakes held in any entity of the chain. */
export function minorityStakes(entities: Entities, chain: readonly ChainLink[]): Stake[] {
  const stakes: Stake[] = [];
  for (const link of chain) {
    for (const edge of link.entity.owners) {
      const holder = entities[edge.entity];
      if (!edge.controls && holder) stakes.push({ holder, in: link.entity, share: edge.share, voting: edge.voting });
    }
  }
  return stakes;
}
