// The verdict for one service and one user. Every finding says how a foreign
// state reaches the user's data (control, storage, access, processor,
// possible processing) and is graded by how the user's own law regards that
// state (see tiers.ts) — the table is written out in src/core/README.md.
// Rules read laws, groups and certifications from the data; no country code
// is special-cased here.
import type { CompiledDataset, News, NewsKind, NewsTopic, Source } from "./dataset";
import { compels, jurisdictionOf, placeCountry, serviceContext, CONTROL_BASES, type ReachBasis, type ServiceContext } from "./context";
import { runFrom, type ChainLink } from "./ownership";
import { countriesOf, covers } from "./regions";
import { userLegalProfile, type StateStanding, type Tier, type UserLawStatus, type UserLegalProfile } from "./tiers";

export const LEVELS = ["none", "low", "medium", "high"] as const;
export type Level = (typeof LEVELS)[number];

/** How a foreign state reaches the user's data. */
export type Reach = "control" | "storage" | "access" | "processor" | "possible-processing";

export const FINDING_KINDS = [
  "foreign-adversary-control",
  "stored-in",
  "remote-access-from",
  "controlled-from",
  "processor-in",
  "own-state-action",
  "regulatory-action",
  "possible-processing",
  "ownership-change",
  "data-breach",
  "storage-unknown",
  "operator-unknown",
  "place-unknown",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Findings about what the company is and does, as opposed to what happened to it. */
export const STRUCTURAL_KINDS: ReadonlySet<FindingKind> = new Set([
  "foreign-adversary-control", "stored-in", "remote-access-from", "controlled-from", "processor-in", "possible-processing",
]);

export interface Finding {
  kind: FindingKind;
  /** "none" for what is only worth saying (a fact not stated), never for a concern. */
  severity: Level;
  reach?: Reach;
  /** How the user's law regards the countries of this finding. */
  tier?: Tier;
  /** True when a law of these countries in the dataset can compel access to data. */
  compels?: boolean;
  /** For storage or access in a recognised country whose transfers need a certification. */
  certification?: { scheme: string; status: "active" | "not-listed" | "not-stated" };
  /** Set when the statement is over three years old with nothing newer confirming it. */
  reportedYear?: string;
  /** For control: every country is only where a company is incorporated (not run from). */
  registeredOnly?: boolean;
  /** For foreign-adversary control: a law of the user's names a company of the chain itself. */
  designated?: boolean;
  countries: string[];
  entities: string[];
  /** The foreign states' laws that can compel access to data. */
  laws: string[];
  /** The user's own laws behind the tier (the naming law, or the transfer law that does not recognise the state). */
  userLaws?: string[];
  /** For news-based findings: the latest event. */
  date?: string;
  newsKind?: NewsKind;
  topic?: NewsTopic;
  headline?: string;
  sources: Source[];
}

export interface Verdict {
  level: Level;
  findings: Finding[];
  /**
   * How the user's own law is modelled. Without a law that conditions
   * transfers or names countries of concern ("unrestricted", "not-modelled"),
   * nothing can say the user's law considers a destination unsafe, so no
   * finding goes above medium.
   */
  userLaw: { status: UserLawStatus; laws: string[] };
}

export type Concerns = Record<FindingKind, boolean>;

export interface Profile {
  country: string;
  concerns: Concerns;
}

export const DEFAULT_CONCERNS: Concerns = Object.fromEntries(FINDING_KINDS.map((k) => [k, true])) as Concerns;

/** How far back a fine, ban, breach or ownership change still counts as recent. */
export const RECENT_MONTHS = 24;
/** A storage or access statement older than this, with nothing newer confirming it, counts one step lower. */
export const STALE_MONTHS = 36;
/** News topics about data; the others (competition, content, child safety) stay in the timeline only. */
export const DATA_TOPICS: ReadonlySet<NewsTopic> = new Set(["privacy", "security", "transfer", "government-access", "ownership"]);

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

function stepDown(level: Level): Level {
  return level === "high" ? "medium" : level === "medium" ? "low" : level;
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

function uniqSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * The severity table. Rows: the user's law's view of the state; columns: how
 * the state reaches the data.
 */
export function severityFor(tier: Tier, reach: Reach, statesLawCompels: boolean, transferToolMissing: boolean): Level {
  if (tier === "unconditioned") return statesLawCompels && reach !== "possible-processing" ? "medium" : "low";
  switch (reach) {
    case "control":
      return tier === "of-concern" ? "high" : tier === "not-recognised" ? (statesLawCompels ? "medium" : "low") : "low";
    case "storage":
    case "access":
      if (tier === "of-concern") return "high";
      if (tier === "not-recognised") return statesLawCompels ? "high" : "medium";
      return transferToolMissing ? "medium" : "low";
    case "processor":
      return tier === "recognised" ? "low" : "medium";
    case "possible-processing":
      return tier === "of-concern" ? "medium" : "low";
  }
}

/** The law bases by which a state reaches data for each kind of reach. */
const REACH_BASES: Record<Reach, readonly ReachBasis[]> = {
  control: CONTROL_BASES,
  processor: CONTROL_BASES,
  storage: ["storage"],
  "possible-processing": ["storage"],
  access: ["remoteAccess"],
};

interface Legal {
  profile: UserLegalProfile;
  /**
   * In-force laws of a state that let its government obtain data *by this
   * kind of reach*: a law that binds companies headquartered there reaches
   * control, one that binds whatever is stored there reaches storage.
   */
  compellingLaws: (country: string, reach: Reach) => string[];
}

function legalFor(ds: CompiledDataset, ctx: ServiceContext): Legal {
  const byCountry = new Map<string, Array<{ id: string; bases: Set<string> }>>();
  for (const law of ds.laws) {
    if (law.status.value !== "in-force" || !compels(law)) continue;
    const bases = new Set(law.reach.map((r) => r.basis));
    for (const c of jurisdictionOf(ds, law)) {
      // A law reaches its own territory only: a bloc law's reach lists name the member countries.
      if (!law.reach.some((r) => countriesOf(ds.groups, r).includes(c))) continue;
      byCountry.set(c, [...(byCountry.get(c) ?? []), { id: law.id, bases }]);
    }
  }
  return {
    profile: userLegalProfile(ds.groups, ctx.userLaws),
    compellingLaws: (c, reach) => (byCountry.get(c) ?? []).filter((l) => REACH_BASES[reach].some((b) => l.bases.has(b))).map((l) => l.id),
  };
}

interface Hit {
  country: string;
  registeredOnly?: boolean;
  entities: string[];
  sources: Source[];
  year?: string;
  certification?: Finding["certification"];
}

/** Groups per-country hits into findings of the same kind, severity and reason. */
function grouped(kind: FindingKind, reach: Reach, hits: Hit[], grade: (h: Hit) => { severity: Level; standing: StateStanding; laws: string[] }): Finding[] {
  const out = new Map<string, Finding>();
  for (const h of hits) {
    const { severity, standing, laws } = grade(h);
    const compelsThere = laws.length > 0;
    // Control findings keep each company apart, so a sentence never pairs a company with another's country.
    const who = reach === "control" || reach === "processor" ? h.entities.join(",") : "";
    const key = [severity, standing.tier, compelsThere, h.year ?? "", h.certification?.status ?? "", h.registeredOnly === true, who].join("|");
    const f = out.get(key);
    const userLaws = standing.tier === "recognised" ? [] : standing.laws;
    if (f) {
      f.countries = uniq([...f.countries, h.country]);
      f.entities = uniq([...f.entities, ...h.entities]);
      f.laws = uniq([...f.laws, ...laws]);
      f.userLaws = uniq([...(f.userLaws ?? []), ...userLaws]);
      f.sources = uniqSources([...f.sources, ...h.sources]);
    } else {
      out.set(key, {
        kind, severity, reach, tier: standing.tier, compels: compelsThere, countries: [h.country], entities: [...h.entities],
        laws: [...laws], userLaws: [...userLaws], sources: uniqSources(h.sources),
        ...(h.year ? { reportedYear: h.year } : {}), ...(h.certification ? { certification: h.certification } : {}),
        ...(h.registeredOnly ? { registeredOnly: true } : {}),
      });
    }
  }
  return [...out.values()];
}

/** Foreign countries where the chain's companies are incorporated, headquartered or run from. */
function controlHits(chain: readonly ChainLink[], home: ReadonlySet<string>): Hit[] {
  const hits = new Map<string, Hit>();
  for (const { entity } of chain) {
    for (const basis of CONTROL_BASES) {
      const place = entity[basis];
      const c = placeCountry(entity, basis);
      if (!c || home.has(c) || place === undefined || place === "unknown") continue;
      const h = hits.get(c) ?? { country: c, entities: [], sources: [], registeredOnly: true };
      h.entities = uniq([...h.entities, entity.id]);
      h.sources = uniqSources([...h.sources, place.source]);
      if (basis !== "legalDomicile") h.registeredOnly = false;
      hits.set(c, h);
    }
  }
  return [...hits.values()];
}

function controlFindings(ctx: ServiceContext, legal: Legal): Finding[] {
  const home = ctx.zone.home;
  const out: Finding[] = [];
  // A law that names a company of the chain itself (e.g. a ban on its products) is a foreign-adversary finding on its own.
  for (const lawId of legal.profile.laws) {
    const law = ctx.userLaws.find((l) => l.id === lawId)!;
    const named = ctx.chain.filter((l) => law.designates?.includes(l.entity.id));
    if (named.length === 0) continue;
    const countries = uniq(controlHits(named, home).map((h) => h.country));
    out.push({
      kind: "foreign-adversary-control", severity: "high", reach: "control", tier: "of-concern", designated: true, countries,
      entities: named.map((l) => l.entity.id), laws: [], userLaws: [law.id], sources: law.sources,
    });
  }
  // The ultimate parent first: at equal severity, the sentence names who is on top.
  const hits = controlHits([...ctx.chain].reverse(), home);
  const adversary = hits.filter((h) => legal.profile.standing(h.country).tier === "of-concern");
  const other = hits.filter((h) => !adversary.includes(h));
  const grade = (h: Hit) => {
    const standing = legal.profile.standing(h.country);
    const laws = legal.compellingLaws(h.country, "control");
    return { severity: severityFor(standing.tier, "control", laws.length > 0, false), standing, laws };
  };
  // A country already covered by a designation is not said twice.
  const designated = new Set(out.flatMap((f) => f.countries));
  out.push(...grouped("foreign-adversary-control", "control", adversary.filter((h) => !designated.has(h.country)), grade));
  out.push(...grouped("controlled-from", "control", other.filter((h) => !designated.has(h.country)), grade));
  return out;
}

/** Statements' countries abroad, each with its newest statement; older than STALE_MONTHS → its year. */
function statementHits(statements: ReadonlyArray<{ countries: string[]; source: Source }>, home: ReadonlySet<string>, today: string): Hit[] {
  const newest = new Map<string, Source[]>();
  for (const s of statements) for (const c of s.countries) if (!home.has(c)) newest.set(c, [...(newest.get(c) ?? []), s.source]);
  return [...newest.entries()].map(([country, sources]) => {
    const latest = sources.map((s) => s.date).sort().at(-1)!;
    const stale = monthsBetween(latest, today) > STALE_MONTHS;
    return { country, entities: [], sources, ...(stale ? { year: latest.slice(0, 4) } : {}) };
  });
}

function locationFindings(ctx: ServiceContext, legal: Legal, today: string): Finding[] {
  const home = ctx.zone.home;
  const held = new Map(ctx.service.certifications.map((c) => [c.scheme, c.status]));
  const stated = ctx.storage.filter((s) => s.basis === "stated");
  const possible = ctx.storage.filter((s) => s.basis === "possible");
  const out: Finding[] = [];
  const gradeLocation = (reach: Reach) => (h: Hit) => {
    const standing = legal.profile.standing(h.country);
    const laws = legal.compellingLaws(h.country, reach);
    const certMissing = h.certification?.status === "not-listed";
    let severity = severityFor(standing.tier, reach, laws.length > 0, certMissing);
    if (h.year) severity = stepDown(severity);
    return { severity, standing, laws };
  };
  const withCertification = (h: Hit): Hit => {
    const req = legal.profile.standing(h.country).requires;
    if (!req) return h;
    // A certification that is not recorded is "not stated": it must not raise the level.
    const status = held.get(req) ?? "not-stated";
    return { ...h, certification: { scheme: req, status } };
  };
  const storedHits = statementHits(stated, home, today).map(withCertification);
  out.push(...grouped("stored-in", "storage", storedHits, gradeLocation("storage")));
  const accessHits = statementHits(ctx.remoteAccess, home, today).map(withCertification);
  out.push(...grouped("remote-access-from", "access", accessHits, gradeLocation("access")));
  if (stated.length === 0) {
    out.push({ kind: "storage-unknown", severity: "none", countries: [], entities: [], laws: [], sources: [] });
  }
  const storedThere = new Set(stated.flatMap((s) => s.countries));
  const possibleHits = statementHits(possible, home, today).filter((h) => !storedThere.has(h.country)).map((h) => ({ ...h, year: undefined }));
  out.push(...grouped("possible-processing", "possible-processing", possibleHits, (h) => {
    const standing = legal.profile.standing(h.country);
    const laws = legal.compellingLaws(h.country, "possible-processing");
    return { severity: severityFor(standing.tier, "possible-processing", laws.length > 0, false), standing, laws };
  }));
  return out;
}

function processorFindings(ctx: ServiceContext, legal: Legal): Finding[] {
  const hits: Hit[] = [];
  for (const { processor, chain } of ctx.processors) {
    for (const h of controlHits(chain, ctx.zone.home)) {
      hits.push({ ...h, entities: uniq([processor.entity, ...h.entities]), sources: uniqSources([processor.source, ...h.sources]) });
    }
  }
  return grouped("processor-in", "processor", hits, (h) => {
    const standing = legal.profile.standing(h.country);
    const laws = legal.compellingLaws(h.country, "processor");
    return { severity: severityFor(standing.tier, "processor", laws.length > 0, false), standing, laws };
  });
}

function operatorFindings(ctx: ServiceContext): Finding[] {
  const out: Finding[] = [];
  const fallback = ctx.fallback;
  if (!ctx.operator) {
    out.push({
      kind: "operator-unknown", severity: "none", countries: [], entities: fallback ? [fallback.entity] : [], laws: [],
      sources: fallback ? [fallback.source] : [],
    });
  }
  // A company is named but no company of its chain has a recorded place: no control finding can exist, and silence
  // would read as "nothing to worry about".
  const head = ctx.chain[0];
  if (head && ctx.chain.every((l) => runFrom(l.entity) === null)) {
    out.push({ kind: "place-unknown", severity: "none", countries: [], entities: [head.entity.id], laws: [], sources: [] });
  }
  return out;
}

const ACTION_KINDS: ReadonlySet<NewsKind> = new Set(["fine", "ban", "transfer", "law"]);

function newsFindings(ctx: ServiceContext, today: string): Finding[] {
  const byKind = new Map<FindingKind, Finding>();
  const ownState = (n: News) => n.jurisdiction !== "none" && ctx.zone.tokens.has(n.jurisdiction);
  // A ban by the user's own state stands until it is lifted; every other event counts while it is recent.
  const standingBan = (n: News) => n.kind === "ban" && ownState(n) && (n.ended === undefined || n.ended > today);
  const recent = ctx.service.news
    .filter((n) => n.date <= today && (monthsBetween(n.date, today) <= RECENT_MONTHS || standingBan(n)) && DATA_TOPICS.has(n.topic))
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  for (const n of recent) {
    const aboutUser = n.dataOf === undefined ? n.jurisdiction === "none" : covers(n.dataOf, ctx.zone);
    let kind: FindingKind;
    let severity: Level;
    if (n.kind === "ownership" || (n.topic === "ownership" && n.jurisdiction === "none")) {
      kind = "ownership-change";
      severity = "low";
    } else if (n.kind === "breach") {
      if (!aboutUser) continue;
      kind = "data-breach";
      severity = "low";
    } else if (n.jurisdiction !== "none" && ACTION_KINDS.has(n.kind)) {
      // An action by the user's own state or regulator is a finding of its own; another authority's counts when it concerns the user's data.
      if (ownState(n)) {
        kind = "own-state-action";
        severity = "medium";
      } else if (aboutUser) {
        kind = "regulatory-action";
        severity = n.kind === "ban" ? "medium" : "low";
      } else continue;
    } else continue;
    const source: Source = { url: n.url, publisher: n.outlet, date: n.date, title: n.headline };
    const existing = byKind.get(kind);
    if (existing) {
      existing.sources.push(source);
      existing.severity = maxLevel(existing.severity, severity);
    } else {
      byKind.set(kind, {
        kind, severity, countries: n.jurisdiction !== "none" && /^[A-Z]{2}$/.test(n.jurisdiction) ? [n.jurisdiction] : [], entities: [], laws: [],
        date: n.date, newsKind: n.kind, topic: n.topic, headline: n.headline, sources: [source],
      });
    }
  }
  return [...byKind.values()];
}

/** Highest severity first; at equal severity, what the company is before what happened to it, and current facts before old reports. */
function sortFindings(findings: Finding[]): Finding[] {
  const structural = (f: Finding) => (STRUCTURAL_KINDS.has(f.kind) ? 0 : 1);
  const stale = (f: Finding) => (f.reportedYear ? 1 : 0);
  return findings.sort(
    (a, b) => levelRank(b.severity) - levelRank(a.severity) || structural(a) - structural(b) || stale(a) - stale(b)
      || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}

/**
 * The finding a one-sentence summary leads with: a structural finding that
 * sets the level, else whatever sets it (a news item only when no structural
 * fact reaches the level, so the sentence never contradicts the level).
 */
export function headlineFinding(findings: readonly Finding[]): Finding | undefined {
  const level = findings.reduce<Level>((acc, f) => maxLevel(acc, f.severity), "none");
  const atLevel = findings.filter((f) => f.severity === level);
  return atLevel.find((f) => STRUCTURAL_KINDS.has(f.kind)) ?? atLevel[0];
}

export function assessContext(ds: CompiledDataset, ctx: ServiceContext, concerns: Concerns, today: string): Verdict {
  const legal = legalFor(ds, ctx);
  const findings = sortFindings(
    [
      ...controlFindings(ctx, legal),
      ...locationFindings(ctx, legal, today),
      ...processorFindings(ctx, legal),
      ...operatorFindings(ctx),
      ...newsFindings(ctx, today),
    ].filter((f) => concerns[f.kind] !== false),
  );
  const level = findings.reduce<Level>((acc, f) => maxLevel(acc, f.severity), "none");
  return { level, findings, userLaw: { status: legal.profile.status, laws: legal.profile.laws } };
}

/** The verdict for a service and a user's profile on a given day (YYYY-MM-DD). */
export function assess(ds: CompiledDataset, service: CompiledDataset["services"][number], profile: Profile, today: string): Verdict {
  return assessContext(ds, serviceContext(ds, service, profile.country), profile.concerns, today);
}

