// Compiles the dataset sources (src/data/*) into the one artefact the
// extension ships. Every problem is reported with its file, JSON path and
// what is wrong; any error fails the build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { getDomain, parse } from "tldts-icann";
import type { z } from "zod";
import * as schema from "../../src/data/schema";
import type { CompiledDataset } from "../../src/core/dataset";
import type { Entity, Group, Law, Service } from "../../src/data/schema";
import { claimsTooMuch } from "./confidence";
import { COUNTRY_CODES } from "../../src/core/country-codes";
import { serviceRanks } from "../../src/core/alternatives";
import { runFrom } from "../../src/core/ownership";

/** The committed popularity ranking (rank, domain), read from the project root; used to order alternatives. */
function readRanking(): { rank: number; domain: string }[] {
  const file = path.join(process.cwd(), "tools/data/ranking/top-sites.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { rank: number; domain: string }[]) : [];
}

export interface DataProblem {
  file: string;
  path: string;
  message: string;
}

export interface CompileResult {
  dataset: CompiledDataset | null;
  errors: DataProblem[];
  warnings: DataProblem[];
  /** Depth gaps: they fail `data:check` (the dataset is not finished) but not the build (it is still correct). */
  gaps: DataProblem[];
  files: { entities: Map<string, string>; services: Map<string, string>; laws: Map<string, string>; groups: Map<string, string> };
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`;
}

function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const s of segments) out += typeof s === "number" ? `[${s}]` : `.${String(s)}`;
  return out;
}

const KINDS = ["entities", "services", "laws", "groups"] as const;
type Kind = (typeof KINDS)[number];
const SCHEMAS = { entities: schema.entity, services: schema.service, laws: schema.law, groups: schema.group } as const;

/** The value at a zod issue's path in the parsed JSON, or undefined when a step is absent. */
function valueAt(value: unknown, segments: ReadonlyArray<PropertyKey>): unknown {
  let v = value;
  for (const s of segments) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[s];
  }
  return v;
}

function zodProblems(file: string, error: z.ZodError, input: unknown): DataProblem[] {
  return error.issues.map((issue) => {
    const last = issue.path[issue.path.length - 1];
    // Enums and unions report a missing field as an invalid value: say what it is.
    const missing = issue.path.length > 0 && issue.code !== "unrecognized_keys" && issue.code !== "custom" && valueAt(input, issue.path) === undefined;
    let message = issue.message;
    if (missing && last === "source") message = "claim without a source (every claim needs {url, publisher, date})";
    else if (missing) message = `required field "${String(last)}" is missing`;
    else if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
    return { file, path: jsonPath(issue.path), message };
  });
}

/** Every value at a key named like a date, with its JSON path. */
function* datesIn(value: unknown, segments: PropertyKey[] = []): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* datesIn(value[i], [...segments, i]);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && ["date", "reviewed", "checked", "since", "adopted", "ended"].includes(k)) yield [jsonPath([...segments, k]), v];
      else yield* datesIn(v, [...segments, k]);
    }
  }
}

function readKind(root: string, kind: Kind, errors: DataProblem[]): Map<string, { file: string; value: unknown }> {
  const dir = path.join(root, kind);
  const out = new Map<string, { file: string; value: unknown }>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".json")) continue;
    const file = path.relative(process.cwd(), path.join(dir, name)).split(path.sep).join("/");
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    } catch (e) {
      errors.push({ file, path: "", message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    out.set(name.slice(0, -5), { file, value });
  }
  return out;
}

export function compileData(root: string, today: string): CompileResult {
  const errors: DataProblem[] = [];
  const warnings: DataProblem[] = [];
  const gaps: DataProblem[] = [];
  const parsed = { entities: new Map<string, Entity>(), services: new Map<string, Service>(), laws: new Map<string, Law>(), groups: new Map<string, Group>() };
  const files = { entities: new Map<string, string>(), services: new Map<string, string>(), laws: new Map<string, string>(), groups: new Map<string, string>() };

  for (const kind of KINDS) {
    for (const [stem, { file, value }] of readKind(root, kind, errors)) {
      const result = SCHEMAS[kind].safeParse(value);
      if (!result.success) {
        errors.push(...zodProblems(file, result.error, value));
        continue;
      }
      const record = result.data as { id: string };
      if (record.id !== stem) errors.push({ file, path: "$.id", message: `id "${record.id}" must equal the file name "${stem}"` });
      for (const [p, d] of datesIn(value)) {
        if (d > today) errors.push({ file, path: p, message: `date ${d} is in the future (today is ${today})` });
      }
      (parsed[kind] as Map<string, unknown>).set(record.id, record);
      files[kind].set(record.id, file);
    }
  }

  const entityFile = (id: string) => files.entities.get(id)!;
  const serviceFile = (id: string) => files.services.get(id)!;
  const regionCodes = new Set([...parsed.groups.values()].flatMap((g) => (g.regionCode ? [g.regionCode] : [])));
  const checkRegion = (file: string, p: string, r: string) => {
    if (r !== "*" && !/^[A-Z]{2}$/.test(r) && !regionCodes.has(r)) errors.push({ file, path: p, message: `unknown region "${r}" (use "*", a country code or one of: ${[...regionCodes].join(", ") || "no region groups defined"})` });
  };

  // Entities: owner references and ownership cycles (controlling edges).
  for (const e of parsed.entities.values()) {
    e.owners.forEach((o, i) => {
      if (!parsed.entities.has(o.entity)) errors.push({ file: entityFile(e.id), path: `$.owners[${i}].entity`, message: `unknown entity "${o.entity}"` });
      if (o.entity === e.id) errors.push({ file: entityFile(e.id), path: `$.owners[${i}].entity`, message: "an entity cannot own itself" });
    });
    if (e.owners.filter((o) => o.controls).length > 1) {
      warnings.push({ file: entityFile(e.id), path: "$.owners", message: "more than one controlling owner; the first is used for the chain" });
    }
  }
  for (const e of parsed.entities.values()) {
    const seen = [e.id];
    let current: Entity | undefined = e;
    for (;;) {
      const edge: { entity: string } | undefined = current.owners.find((o) => o.controls);
      if (!edge) break;
      if (seen.includes(edge.entity)) {
        if (edge.entity === e.id) errors.push({ file: entityFile(e.id), path: "$.owners", message: `ownership cycle: ${[...seen, edge.entity].join(" → ")}` });
        break;
      }
      seen.push(edge.entity);
      current = parsed.entities.get(edge.entity);
      if (!current) break;
    }
  }

  // Services: references, regions, domains.
  const domainOwner = new Map<string, string>();
  const hostOwner = new Map<string, string>();
  for (const s of parsed.services.values()) {
    const file = serviceFile(s.id);
    s.operators.forEach((o, i) => {
      if (!parsed.entities.has(o.entity)) errors.push({ file, path: `$.operators[${i}].entity`, message: `unknown entity "${o.entity}"` });
      o.regions.forEach((r, j) => checkRegion(file, `$.operators[${i}].regions[${j}]`, r));
    });
    (s.serves?.regions ?? []).forEach((r, j) => checkRegion(file, `$.serves.regions[${j}]`, r));
    s.certifications.forEach((c, i) => {
      if (!parsed.entities.has(c.entity)) errors.push({ file, path: `$.certifications[${i}].entity`, message: `unknown entity "${c.entity}"` });
    });
    if (s.owner && !parsed.entities.has(s.owner.entity)) errors.push({ file, path: "$.owner.entity", message: `unknown entity "${s.owner.entity}"` });
    s.processors.forEach((p, i) => {
      if (!parsed.entities.has(p.entity)) errors.push({ file, path: `$.processors[${i}].entity`, message: `unknown entity "${p.entity}"` });
    });
    s.news.forEach((n, i) => {
      if (n.jurisdiction !== "none") checkRegion(file, `$.news[${i}].jurisdiction`, n.jurisdiction);
      (n.dataOf ?? []).forEach((r, j) => checkRegion(file, `$.news[${i}].dataOf[${j}]`, r));
    });
    for (const key of ["storage", "remoteAccess", "processors"] as const) {
      s[key].forEach((st, i) => st.appliesTo.forEach((r, j) => checkRegion(file, `$.${key}[${i}].appliesTo[${j}]`, r)));
    }
    s.domains.forEach((d, i) => {
      const p = `$.domains[${i}]`;
      const registrable = getDomain(d);
      if (registrable !== d) errors.push({ file, path: p, message: `"${d}" is not a registrable domain${registrable ? ` (its registrable domain is "${registrable}")` : ""}` });
      const other = domainOwner.get(d);
      if (other && other !== s.id) errors.push({ file, path: p, message: `domain "${d}" is also claimed by service "${other}" (${serviceFile(other)})` });
      domainOwner.set(d, s.id);
    });
    s.hosts.forEach((h, i) => {
      const p = `$.hosts[${i}]`;
      const info = parse(h);
      if (!info.domain || info.isIp) errors.push({ file, path: p, message: `"${h}" is not a host name under a registrable domain` });
      const other = hostOwner.get(h);
      if (other && other !== s.id) errors.push({ file, path: p, message: `host "${h}" is also claimed by service "${other}" (${serviceFile(other)})` });
      hostOwner.set(h, s.id);
    });
    if (s.domains.length === 0 && s.hosts.length === 0) errors.push({ file, path: "$.domains", message: "a service needs at least one domain or host" });
  }

  // Laws and groups.
  for (const l of parsed.laws.values()) {
    const file = files.laws.get(l.id)!;
    if (!/^[A-Z]{2}$/.test(l.jurisdiction) && !parsed.groups.has(l.jurisdiction)) errors.push({ file, path: "$.jurisdiction", message: `unknown group "${l.jurisdiction}"` });
    l.reach.forEach((r, i) => {
      if (r.group && !parsed.groups.has(r.group)) errors.push({ file, path: `$.reach[${i}].group`, message: `unknown group "${r.group}"` });
    });
    (l.safeGroups ?? []).forEach((g, i) => {
      if (!parsed.groups.has(g)) errors.push({ file, path: `$.safeGroups[${i}]`, message: `unknown group "${g}"` });
    });
    l.userRegions.forEach((r, i) => checkRegion(file, `$.userRegions[${i}]`, r));
    (l.designates ?? []).forEach((id, i) => {
      if (!parsed.entities.has(id)) errors.push({ file, path: `$.designates[${i}]`, message: `unknown entity "${id}"` });
    });
  }
  for (const g of parsed.groups.values()) {
    const file = files.groups.get(g.id)!;
    const seen = new Set<string>();
    g.members.forEach((m, i) => {
      if (seen.has(m.country)) errors.push({ file, path: `$.members[${i}].country`, message: `country ${m.country} listed twice` });
      seen.add(m.country);
    });
  }

  // Review-age, storage and confidence warnings (data:check).
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  for (const s of parsed.services.values()) {
    const file = serviceFile(s.id);
    if (s.reviewed < yearAgo) warnings.push({ file, path: "$.reviewed", message: `not reviewed since ${s.reviewed} (over 12 months)` });
    if (s.storage.length === 0) warnings.push({ file, path: "$.storage", message: "no storage statement: shown as not stated" });
    if (s.operators.length === 0) warnings.push({ file, path: "$.operators", message: "no operator: shown as not stated" });
    if (s.confidence.level === "low") warnings.push({ file, path: "$.confidence", message: `low confidence: ${s.confidence.reason}` });
    const tooMuch = claimsTooMuch(s, today);
    if (tooMuch) errors.push({ file, path: "$.confidence.level", message: tooMuch });
  }
  for (const e of parsed.entities.values()) {
    if (e.reviewed < yearAgo) warnings.push({ file: entityFile(e.id), path: "$.reviewed", message: `not reviewed since ${e.reviewed} (over 12 months)` });
    const named = e.legalDomicile === "unknown" && e.headquarters === "unknown" && e.kind !== "person" ? placeInName(e.name) : null;
    if (named) gaps.push({ file: entityFile(e.id), path: "$.legalDomicile", message: `neither incorporation nor headquarters is recorded, but the name states a place ("${named}"): source one of them` });
  }
  for (const g of unlinkedNamesakes(parsed.entities, parsed.services.values(), entityFile)) gaps.push(g);
  for (const id of orphanEntities(parsed.entities, parsed.services.values(), parsed.laws.values())) {
    warnings.push({ file: entityFile(id), path: "", message: "no service reaches this entity (through an operator, owner, processor, certification or owner edge)" });
  }

  if (errors.length > 0) return { dataset: null, errors, warnings, gaps, files };

  const services = [...parsed.services.values()];
  const domains: Record<string, number> = {};
  const hosts: Record<string, number> = {};
  services.forEach((s, i) => {
    for (const d of s.domains) domains[d] = i;
    for (const h of s.hosts) hosts[h] = i;
  });
  const records = {
    services,
    entities: Object.fromEntries(parsed.entities),
    laws: [...parsed.laws.values()],
    groups: Object.fromEntries(parsed.groups),
  };
  const hash = createHash("sha256").update(JSON.stringify(records)).digest("hex").slice(0, 12);
  const allReviewed = [...services.map((s) => s.reviewed), ...[...parsed.entities.values()].map((e) => e.reviewed)];
  const version = allReviewed.reduce((a, b) => (a > b ? a : b), "0000-00-00");
  const ranks = serviceRanks(services, readRanking());
  return { dataset: { format: 1, version, hash, domains, hosts, ...records, ranks }, errors, warnings, gaps, files };
}

/**
 * A country named in a company's name, or the PRC city that Chinese company
 * names begin with by law (the region where the company is registered).
 */
function placeInName(name: string): string | null {
  const dn = new Intl.DisplayNames(["en"], { type: "region" });
  for (const code of COUNTRY_CODES) {
    const country = dn.of(code);
    if (country && country !== code && new RegExp(`\\b${country.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(name)) return country;
  }
  return /^(Beijing|Shanghai|Shenzhen|Hangzhou|Guangzhou|Chengdu|Tianjin|Wuhan|Nanjing|Xiamen|Zhuhai)\b/.exec(name)?.[1] ?? null;
}

// Words that begin company names without naming the group.
const GENERIC_NAME_WORDS = new Set([
  "the", "grupo", "group", "groupe", "gruppo", "grupa", "financiero", "banco", "bank", "pt", "new", "first", "china", "global", "international",
  "koninklijke", "royal", "national", "united", "türk", "turk", "red", "internet",
  // Legal forms that lead a name (Russian and other post-Soviet companies, often transliterated).
  "ooo", "oao", "zao", "pao", "ao", "mkpao", "pjsc", "ojsc", "cjsc", "jsc", "llc", "tov", "too",
  "beijing", "shanghai", "shenzhen", "hangzhou", "guangzhou", "chengdu", "tianjin", "wuhan", "nanjing", "xiamen", "zhuhai",
]);

/** The word a company name starts with once generic words are skipped: "Yelp Ireland Ltd." → "yelp". */
function brandWord(name: string): string | null {
  return name.toLowerCase().split(/[\s,.()&/-]+/).find((w) => w.length > 1 && !GENERIC_NAME_WORDS.has(w)) ?? null;
}

/**
 * A service's chain that stops at a company with no recorded owner, while a company of the same name
 * (its likely listed parent, e.g. Yelp Ireland Ltd. and Yelp Inc.) is placed, itself or through an owner, and neither is
 * linked to the other: the verdict would stop at the subsidiary's country. Record which controls which, or
 * list the other in `distinctFrom` when a source shows they are unrelated.
 */
function unlinkedNamesakes(entities: ReadonlyMap<string, Entity>, services: Iterable<Service>, entityFile: (id: string) => string): DataProblem[] {
  const heads = new Set<string>();
  for (const s of services) {
    for (const o of s.operators) heads.add(o.entity);
    if (s.owner) heads.add(s.owner.entity);
  }
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    for (const o of entities.get(id)?.owners ?? []) if (!seen.has(o.entity)) ancestors(o.entity, seen.add(o.entity));
    return seen;
  };
  const placedItself = (id: string) => {
    const e = entities.get(id);
    return e !== undefined && runFrom(e) !== null;
  };
  // A namesake with no place of its own still places the chain when one of its owners is placed (Yahoo Inc. under Apollo).
  const placed = (e: Entity) => placedItself(e.id) || [...ancestors(e.id)].some(placedItself);
  // Placed companies by brand word, read once: comparing every chain's end with every company grows with the square of the dataset.
  const byWord = new Map<string, Entity[]>();
  for (const other of entities.values()) {
    if (other.kind === "person" || !placed(other)) continue;
    const w = brandWord(other.name);
    if (w) byWord.set(w, [...(byWord.get(w) ?? []), other]);
  }
  const out: DataProblem[] = [];
  const reported = new Set<string>();
  for (const id of heads) {
    const e = entities.get(id);
    if (!e || e.owners.length > 0 || e.kind === "person") continue;
    const word = brandWord(e.name);
    if (!word) continue;
    for (const other of byWord.get(word) ?? []) {
      if (other.id === id) continue;
      if (ancestors(other.id).has(id) || ancestors(id).has(other.id)) continue;
      if (e.distinctFrom?.includes(other.id) || other.distinctFrom?.includes(id)) continue;
      const pair = [id, other.id].sort().join(" ");
      if (reported.has(pair)) continue;
      reported.add(pair);
      out.push({ file: entityFile(id), path: "$.owners", message: `the chain stops here, but "${other.name}" (${other.id}) has the same name and a recorded place: record which controls which, or list it in distinctFrom when a source shows they are unrelated` });
    }
  }
  return out;
}

/** Entities that no service reaches through operators, owners, processors or certifications and their owner edges. */
function orphanEntities(entities: ReadonlyMap<string, Entity>, services: Iterable<Service>, laws: Iterable<Law>): string[] {
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    for (const o of entities.get(id)?.owners ?? []) visit(o.entity);
  };
  for (const s of services) {
    for (const x of [...s.operators, ...s.processors, ...s.certifications]) visit(x.entity);
    if (s.owner) visit(s.owner.entity);
  }
  for (const l of laws) for (const id of l.designates ?? []) visit(id);
  return [...entities.keys()].filter((id) => !reached.has(id));
}

/**
 * Host match patterns for the manifest: exactly the domains and hosts of the dataset's services people visit.
 * Third-party providers (kind "third-party") are only matched in a page scan the user asks for: never a host
 * permission, never a content-script match.
 */
export function matchPatterns(ds: CompiledDataset): string[] {
  const visited = (i: number) => ds.services[i]?.kind !== "third-party";
  const domains = Object.keys(ds.domains).filter((d) => visited(ds.domains[d]!));
  const covered = new Set(domains);
  const patterns = new Set<string>();
  for (const d of domains.sort()) patterns.add(`*://*.${d}/*`);
  for (const h of Object.keys(ds.hosts).filter((x) => visited(ds.hosts[x]!)).sort()) {
    const registrable = getDomain(h);
    if (registrable && covered.has(registrable)) continue; // already covered by its domain's pattern
    patterns.add(`*://*.${h}/*`);
  }
  return [...patterns];
}

/** Every country code the dataset names (for flags and the map). */
export function countriesNamed(ds: CompiledDataset): string[] {
  const out = new Set<string>();
  for (const e of Object.values(ds.entities)) {
    for (const p of [e.legalDomicile, e.headquarters]) if (p !== "unknown") out.add(p.country);
  }
  for (const s of ds.services) for (const st of [...s.storage, ...s.remoteAccess]) st.countries.forEach((c) => out.add(c));
  for (const l of ds.laws) if (/^[A-Z]{2}$/.test(l.jurisdiction)) out.add(l.jurisdiction);
  for (const g of Object.values(ds.groups)) g.members.forEach((m) => out.add(m.country));
  return [...out].sort();
}
