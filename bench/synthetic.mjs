#!/usr/bin/env node
// Writes a synthetic dataset of N services, valid by the schema, for the
// scale benchmark: the real services, laws and groups, plus N − (real count)
// services cloned from the real ones in turn, each with its own domains,
// hosts, entities (its operators, owners and their parents, cloned per
// round), source URLs and text. Text keeps each field's word count with
// words drawn from the real dataset's own vocabulary, so sizes and
// compression are close to what a real dataset of that size would give
// (a little pessimistic: random words repeat fewer phrases than prose).
//
//   node bench/synthetic.mjs <out-dir> <services> [seed]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TEXT_KEYS = new Set(["statement", "note", "reason", "headline", "title", "summary"]);
const ENTITY_REF_KEYS = new Set(["entity"]);

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readKind(dataDir, kind) {
  const dir = path.join(dataDir, kind);
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
}

function vocabulary(records) {
  const words = [];
  const walk = (v, k) => {
    if (typeof v === "string" && TEXT_KEYS.has(k)) words.push(...v.split(/\s+/).filter(Boolean));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, k));
    else if (v && typeof v === "object") for (const [kk, vv] of Object.entries(v)) walk(vv, kk);
  };
  walk(records);
  return words;
}

/** Writes the dataset to `out` (entities/, services/, laws/, groups/); returns the counts. */
export function writeSynthetic(out, n, seed = 20261130, dataDir = path.join(ROOT, "src/data")) {
  const r = rng(seed);
  const real = Object.fromEntries(["entities", "services", "laws", "groups"].map((k) => [k, readKind(dataDir, k)]));
  const words = vocabulary([real.services, real.entities]);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const sentence = (like) => {
    const count = Math.max(1, like.split(/\s+/).filter(Boolean).length);
    return Array.from({ length: count }, () => pick(words)).join(" ");
  };
  const entitiesById = new Map(real.entities.map((e) => [e.id, e]));
  fs.rmSync(out, { recursive: true, force: true });
  for (const k of ["entities", "services", "laws", "groups"]) fs.mkdirSync(path.join(out, k), { recursive: true });
  const write = (kind, rec) => fs.writeFileSync(path.join(out, kind, `${rec.id}.json`), JSON.stringify(rec));
  for (const k of ["laws", "groups", "entities", "services"]) for (const rec of real[k]) write(k, rec);

  let urlSerial = 0;
  /**
   * Clones a record: entity references mapped, free text reworded, source
   * URLs made unique. Within one record, the same text or URL gets the same
   * replacement, so a source cited twice stays one source (as in the real data).
   */
  const clone = (record, mapEntity) => {
    const memo = new Map();
    const same = (key, value, make) => {
      const k = `${key}\u0000${value}`;
      if (!memo.has(k)) memo.set(k, make());
      return memo.get(k);
    };
    const walk = (value, key) => {
      if (Array.isArray(value)) return value.map((v) => walk(v, key));
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      if (typeof value !== "string") return value;
      if (TEXT_KEYS.has(key)) return same(key, value, () => sentence(value));
      if (ENTITY_REF_KEYS.has(key)) return mapEntity(value);
      if (key === "url" || key === "archive") {
        return same("url", value, () => {
          const u = new URL(value);
          return `${u.origin}/${pick(words).replace(/[^A-Za-z0-9]/g, "") || "p"}/${(urlSerial++).toString(36)}${u.search}`;
        });
      }
      return value;
    };
    return walk(record, "");
  };

  const extra = Math.max(0, n - real.services.length);
  const rounds = new Map(); // round → (template entity id → clone id)
  let entityCount = real.entities.length;
  for (let i = 0; i < extra; i++) {
    const round = Math.floor(i / real.services.length);
    const t = real.services[i % real.services.length];
    if (!rounds.has(round)) rounds.set(round, new Map());
    const cloned = rounds.get(round);
    const mapEntity = (id) => {
      if (cloned.has(id)) return cloned.get(id);
      const e = entitiesById.get(id);
      if (!e) return id;
      const cid = `${id}-r${round}`;
      cloned.set(id, cid);
      const copy = clone(e, mapEntity);
      copy.id = cid;
      copy.name = `${sentence("a b").replace(/^./, (c) => c.toUpperCase())} ${round}`;
      write("entities", copy);
      entityCount++;
      return cid;
    };
    const s = clone(t, mapEntity);
    s.id = `syn-${i}`;
    s.name = `${sentence("a b").replace(/^./, (c) => c.toUpperCase())} ${i}`;
    const slug = `syn${i.toString(36)}`;
    s.domains = t.domains.map((d, k) => `${slug}${k ? `-${k}` : ""}.${d.split(".").slice(1).join(".")}`);
    s.hosts = t.hosts.map((h, k) => `${h.split(".")[0]}.${slug}h${k}.com`);
    // A source on the template's own site (its policy) moves to the clone's own site, so it stays the company's own document.
    const moves = [...t.domains.map((d, k) => [d, s.domains[k]]), ...t.hosts.map((h, k) => [h, s.hosts[k]])];
    const onOwnSite = (value, key) => {
      if (Array.isArray(value)) return value.map((v) => onOwnSite(v, key));
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, onOwnSite(v, k)]));
      if (key !== "url" || typeof value !== "string") return value;
      const u = new URL(value);
      const move = moves.find(([from]) => u.hostname === from || u.hostname.endsWith(`.${from}`));
      if (!move) return value;
      u.hostname = `${u.hostname.slice(0, u.hostname.length - move[0].length)}${move[1]}`;
      return u.href;
    };
    Object.assign(s, onOwnSite({ ...s, domains: undefined, hosts: undefined }, ""), { domains: s.domains, hosts: s.hosts });
    write("services", s);
  }
  return { services: real.services.length + extra, entities: entityCount, laws: real.laws.length, groups: real.groups.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error("usage: node bench/synthetic.mjs <out-dir> <services> [seed]");
    process.exit(2);
  }
  console.log(writeSynthetic(path.resolve(dir), Number(count), seed ? Number(seed) : undefined));
}

/**
 * Writes the real dataset restricted to `ids` (the services the size targets were set on): their
 * records, the companies they reach (operators, processors, certifiers, owners, transitively, and
 * those a law designates), every law and group. Returns the counts.
 */
export function writeSubset(out, ids, dataDir = path.join(ROOT, "src/data")) {
  const real = Object.fromEntries(["entities", "services", "laws", "groups"].map((k) => [k, readKind(dataDir, k)]));
  const wanted = new Set(ids);
  const services = real.services.filter((s) => wanted.has(s.id));
  const missing = ids.filter((id) => !services.some((s) => s.id === id));
  if (missing.length > 0) throw new Error(`subset: no service ${missing.join(", ")} in ${dataDir}`);
  const byId = new Map(real.entities.map((e) => [e.id, e]));
  const keep = new Set();
  const todo = real.laws.flatMap((l) => l.designates ?? []);
  for (const s of services) {
    todo.push(...s.operators.map((o) => o.entity), ...(s.processors ?? []).map((p) => p.entity), ...(s.certifications ?? []).map((c) => c.entity));
    if (s.owner) todo.push(s.owner.entity);
  }
  while (todo.length > 0) {
    const id = todo.pop();
    const e = byId.get(id);
    if (!e || keep.has(id)) continue;
    keep.add(id);
    todo.push(...e.owners.map((o) => o.entity));
  }
  fs.rmSync(out, { recursive: true, force: true });
  const records = { laws: real.laws, groups: real.groups, services, entities: real.entities.filter((e) => keep.has(e.id)) };
  for (const [kind, recs] of Object.entries(records)) {
    fs.mkdirSync(path.join(out, kind), { recursive: true });
    for (const rec of recs) fs.writeFileSync(path.join(out, kind, `${rec.id}.json`), JSON.stringify(rec));
  }
  return { services: services.length, entities: keep.size };
}
