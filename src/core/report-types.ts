// The report's shape, shared by the background (which builds it) and the
// extension pages (which render it). Types and tiny helpers only: importing
// this module pulls no matching or dataset code into a page bundle.
import type { Confidence, Entity, News, PrivacyContact, Source } from "./dataset";
import type { Alternatives } from "./alternatives";
import type { LetterLaw } from "./letter-law";
import type { Verdict } from "./assess";
import type { ReachReason } from "./context";
import type { NoMatchReason } from "./match";

export interface EntityView {
  id: string;
  name: string;
  kind: Entity["kind"];
  legalDomicile: string;
  headquarters: string;
  /** Where the group is actually run from, when a source says it differs from the head office. */
  operations?: string;
  /** Percentages on the edge by which the previous link is controlled by this entity. */
  share?: number;
  voting?: number;
  sources: Source[];
}

export interface StakeView {
  holder: EntityView;
  in: { id: string; name: string };
  share?: number;
  voting?: number;
}

export interface StatementView {
  countries: string[];
  /** Storage only: "stated" (this user's data is kept there) or "possible" (a footprint list). */
  basis?: "stated" | "possible";
  provider?: string;
  appliesTo: string[];
  statement: string;
  source: Source;
}

export interface ProcessorView {
  statement: string;
  appliesTo: string[];
  source: Source;
  chain: EntityView[];
}

export interface LawView {
  id: string;
  name: string;
  shortName: string;
  jurisdiction: string;
  domestic: boolean;
  status: { value: string; since?: string; checked: string };
  summary: string;
  effect: string[];
  reasons: ReachReason[];
  sources: Source[];
}

export interface ServiceView {
  id: string;
  name: string;
  category: string;
  domains: string[];
}

export interface Report {
  input: string;
  host: string | null;
  domain: string | null;
  matched: boolean;
  reason?: NoMatchReason;
  country: string;
  service: ServiceView | null;
  operator: (EntityView & { regions: string[]; operatorSource: Source }) | null;
  /** When no operator is recorded for the user's region: the company the service belongs to. */
  operatorFallback: (EntityView & { basis: "owner" | "common-parent"; fallbackSource: Source }) | null;
  ownershipChain: EntityView[];
  /** The company the service belongs to when no control link from the operator to it is recorded (shown, not assessed). */
  unlinkedOwner: (EntityView & { ownerSource: Source }) | null;
  minorityStakes: StakeView[];
  storage: StatementView[];
  remoteAccess: StatementView[];
  /** Named service providers that receive the data, each with its control chain. */
  processors: ProcessorView[];
  laws: LawView[];
  news: News[];
  verdict: Verdict;
  /** Display names for every entity and law id the findings mention. */
  names: { entities: Record<string, string>; laws: Record<string, string> };
  reviewed: string | null;
  confidence: Confidence | null;
  dataVersion: string;
  /** Added by withActions (actions.ts): services of the same kind that do better for this user. */
  alternatives?: Alternatives;
  /** Added by withActions: the privacy contact of the company responsible for the user's data, or null when not recorded. */
  privacyContact?: (PrivacyContact & { entity: string; name: string }) | null;
  /** Added by withActions: the law a request letter is written under (a US user may choose California's). */
  letterLaw?: LetterLaw;
}

/** Name lookups for findingText/summarize, from a report. */
export function namesOf(report: Pick<Report, "names">): { entity: (id: string) => string; law: (id: string) => string } {
  return {
    entity: (id) => report.names.entities[id] ?? id,
    law: (id) => report.names.laws[id] ?? id,
  };
}

