// The verdict for one service and one user: findings with their reasons and
// sources, and a level. Rules read laws and country groups from the data;
// no country code is special-cased here.
import type { CompiledDataset, NewsKind, Service, Source } from "./dataset";
import { COMPELLING_EFFECTS, serviceContext, type ServiceContext } from "./context";
import { countriesOf } from "./regions";

export const LEVELS = ["none", "low", "medium", "high"] as const;
export type Level = (typeof LEVELS)[number];

export const FINDING_KINDS = [
  "foreign-adversary-control",
  "compelled-access",
  "remote-access-from",
  "outside-adequacy",
  "controlled-from",
  "stored-in",
  "storage-unknown",
  "operator-unknown",
  "regulatory-action",
  "ownership-change",
  "data-breach",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  severity: Exclude<Level, "none">;
  countries: string[];
  entities: string[];
  laws: string[];
  /** For news-based findings: the event date and kind of the latest event. */
  date?: string;
  newsKind?: NewsKind;
  sources: Source[];
}

export interface Verdict {
  level: Level;
  findings: Finding[];
}

export type Concerns = Record<FindingKind, boolean>;

export interface Profile {
  country: string;
  concerns: Concerns;
}

export const DEFAULT_CONCERNS: Concerns = Object.fromEntries(FINDING_KINDS.map((k) => [k, true])) as Concerns;

/** How far back a fine, ban, breach or ownership change still counts as recent. */
export const RECENT_MONTHS = 24;

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
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

type Groups = CompiledDataset["groups"];

/**
 * Countries outside the user's home that a transfer-restriction law
 * protecting the user does not regard as safe for this service. A safe-list
 * member that requires a certification is safe only if the service holds it.
 */
function unsafeUnder(groups: Groups, ctx: ServiceContext, countries: readonly string[]): Map<string, string[]> {
  const byLaw = new Map<string, string[]>();
  const held = new Set(ctx.service.certifications.map((c) => c.scheme));
  for (const law of ctx.userLaws) {
    if (!law.effect.includes("transfer-restriction")) continue;
    const unsafe = countries.filter((c) => {
      if (ctx.zone.home.has(c)) return false;
      return !(law.safeGroups ?? []).some((gid) => {
        const member = groups[gid]?.members.find((m) => m.country === c);
        return member !== undefined && (member.requires === undefined || held.has(member.requires));
      });
    });
    if (unsafe.length > 0) byLaw.set(law.id, unsafe);
  }
  return byLaw;
}

/** Countries that a law protecting this user names as a country of concern. */
function concernCountries(groups: Groups, ctx: ServiceContext): Set<string> {
  const out = new Set<string>();
  for (const law of ctx.userLaws) {
    if (!law.effect.includes("foreign-adversary-control")) continue;
    for (const r of law.reach) for (const c of countriesOf(groups, r)) out.add(c);
  }
  return out;
}

function ownershipFindings(ctx: ServiceContext): Finding[] {
  if (!ctx.operator) {
    return [{ kind: "operator-unknown", severity: "low", countries: [], entities: [], laws: [], sources: [] }];
  }
  const countries: string[] = [];
  const entities: string[] = [];
  const sources: Source[] = [ctx.operator.source];
  for (const { entity } of ctx.chain) {
    for (const place of [entity.headquarters, entity.legalDomicile]) {
      if (place !== "unknown" && !ctx.zone.home.has(place.country)) {
        countries.push(place.country);
        entities.push(entity.id);
        sources.push(place.source);
      }
    }
  }
  if (countries.length === 0) return [];
  return [{ kind: "controlled-from", severity: "low", countries: uniq(countries), entities: uniq(entities), laws: [], sources: uniqSources(sources) }];
}

function locationFindings(groups: Groups, ctx: ServiceContext): Finding[] {
  const out: Finding[] = [];
  const stored = uniq(ctx.storage.flatMap((s) => s.countries));
  if (ctx.storage.length === 0) {
    out.push({ kind: "storage-unknown", severity: "low", countries: [], entities: [], laws: [], sources: [] });
  } else {
    const abroad = stored.filter((c) => !ctx.zone.home.has(c));
    if (abroad.length > 0) {
      out.push({ kind: "stored-in", severity: "low", countries: abroad, entities: [], laws: [], sources: uniqSources(ctx.storage.map((s) => s.source)) });
    }
  }
  const remote = uniq(ctx.remoteAccess.flatMap((r) => r.countries)).filter((c) => !ctx.zone.home.has(c));
  if (remote.length > 0) {
    out.push({ kind: "remote-access-from", severity: "medium", countries: remote, entities: [], laws: [], sources: uniqSources(ctx.remoteAccess.map((r) => r.source)) });
  }
  const unsafe = unsafeUnder(groups, ctx, uniq([...stored, ...remote]));
  for (const [lawId, countries] of unsafe) {
    const law = ctx.userLaws.find((l) => l.id === lawId)!;
    const statementSources = [...ctx.storage, ...ctx.remoteAccess].filter((s) => s.countries.some((c) => countries.includes(c))).map((s) => s.source);
    out.push({ kind: "outside-adequacy", severity: "medium", countries, entities: [], laws: [lawId], sources: uniqSources([...statementSources, ...law.sources]) });
  }
  return out;
}

/** Adds a finding, or folds it into the one already kept under the same key. */
function merge(into: Map<string, Finding>, key: string, f: Finding): void {
  const existing = into.get(key);
  if (!existing) {
    into.set(key, f);
    return;
  }
  existing.laws = uniq([...existing.laws, ...f.laws]);
  existing.entities = uniq([...existing.entities, ...f.entities]);
  existing.sources = uniqSources([...existing.sources, ...f.sources]);
  if (levelRank(f.severity) > levelRank(existing.severity)) existing.severity = f.severity;
}

function lawFindings(groups: Groups, ctx: ServiceContext): Finding[] {
  const out: Finding[] = [];
  const reachable = new Set([...ctx.storage, ...ctx.remoteAccess].flatMap((s) => s.countries));
  const unsafe = new Set([...unsafeUnder(groups, ctx, [...reachable]).values()].flat());
  const concern = concernCountries(groups, ctx);
  const compelled = new Map<string, Finding>();
  const adversary = new Map<string, Finding>();
  for (const { law, reasons, jurisdiction, domestic } of ctx.reaches) {
    const entities = uniq(reasons.flatMap((r) => (r.entity ? [r.entity] : [])));
    const countries = uniq(reasons.flatMap((r) => r.countries));
    if (law.effect.includes("foreign-adversary-control") && law.userRegions.some((r) => ctx.zone.tokens.has(r))) {
      merge(adversary, countries.join(","), { kind: "foreign-adversary-control", severity: "high", countries, entities, laws: [law.id], sources: law.sources });
    }
    if (domestic || !law.effect.some((e) => COMPELLING_EFFECTS.has(e))) continue;
    // Reachable data in an unprotected jurisdiction is worse than a legal claim on a parent company alone.
    const dataThere = jurisdiction.some((c) => reachable.has(c));
    const unprotected = jurisdiction.some((c) => unsafe.has(c) || concern.has(c));
    const severity = dataThere && unprotected ? "high" : "medium";
    // One finding per government, naming every law by which it can compel access.
    merge(compelled, jurisdiction.join(","), { kind: "compelled-access", severity, countries: jurisdiction, entities, laws: [law.id], sources: law.sources });
  }
  out.push(...adversary.values(), ...compelled.values());
  return out;
}

const NEWS_FINDING: Partial<Record<NewsKind, { kind: FindingKind; severity: Finding["severity"] }>> = {
  fine: { kind: "regulatory-action", severity: "low" },
  ban: { kind: "regulatory-action", severity: "medium" },
  transfer: { kind: "regulatory-action", severity: "low" },
  law: { kind: "regulatory-action", severity: "low" },
  ownership: { kind: "ownership-change", severity: "low" },
  breach: { kind: "data-breach", severity: "low" },
};

function newsFindings(service: Service, today: string): Finding[] {
  const byKind = new Map<FindingKind, Finding>();
  const recent = service.news
    .filter((n) => n.date <= today && monthsBetween(n.date, today) <= RECENT_MONTHS)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  for (const n of recent) {
    const rule = NEWS_FINDING[n.kind];
    if (!rule) continue;
    const existing = byKind.get(rule.kind);
    const source: Source = { url: n.url, publisher: n.outlet, date: n.date, title: n.headline };
    if (existing) {
      existing.sources.push(source);
      if (levelRank(rule.severity) > levelRank(existing.severity)) existing.severity = rule.severity;
    } else {
      byKind.set(rule.kind, { kind: rule.kind, severity: rule.severity, countries: [], entities: [], laws: [], date: n.date, newsKind: n.kind, sources: [source] });
    }
  }
  return [...byKind.values()];
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => levelRank(b.severity) - levelRank(a.severity) || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}

export function assessContext(ds: CompiledDataset, ctx: ServiceContext, concerns: Concerns, today: string): Verdict {
  const findings = sortFindings(
    [
      ...lawFindings(ds.groups, ctx),
      ...locationFindings(ds.groups, ctx),
      ...ownershipFindings(ctx),
      ...newsFindings(ctx.service, today),
    ].filter((f) => concerns[f.kind] !== false),
  );
  const level = findings.reduce<Level>((acc, f) => (levelRank(f.severity) > levelRank(acc) ? f.severity : acc), "none");
  return { level, findings };
}

/** The verdict for a service and a user's profile on a given day (YYYY-MM-DD). */
export function assess(ds: CompiledDataset, service: Service, profile: Profile, today: string): Verdict {
  return assessContext(ds, serviceContext(ds, service, profile.country), profile.concerns, today);
}
