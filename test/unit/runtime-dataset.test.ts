// The runtime artefact (fields dropped, group reach resolved, optionally
// split into an index and shards) must give exactly the reports the full
// compiled dataset gives, for every service and a spread of users.
import fs from "node:fs";
import path from "node:path";
import { buildReport } from "../../src/core/report";
import { withActions } from "../../src/core/actions";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { SplitDataset, shardPath } from "../../src/core/dataset-split";
import { compileData } from "../../tools/data/compile";
import { MEMBER_KEYS, runtimeDataset, splitDataset, STRIPPED_KEYS } from "../../tools/data/runtime";
import { compactPath } from "../../tools/data/path";

const ROOT = path.resolve(__dirname, "../..");
const TODAY = new Date().toISOString().slice(0, 10);
const compiled = compileData(path.join(ROOT, "src/data"), TODAY);
if (!compiled.dataset) throw new Error("the dataset does not compile");
const full = compiled.dataset;
const runtime = runtimeDataset(full);
const COUNTRIES = ["US", "FR", "GB", "IN", "CN"];

function withoutStripped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStripped);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !STRIPPED_KEYS.includes(k)).map(([k, v]) => [k, withoutStripped(v)]));
}

const urlOf = (i: number) => {
  const s = full.services[i]!;
  return `https://${s.domains[0] ?? s.hosts[0]}/some/page`;
};

test("the runtime artefact has none of the stripped keys and keeps the compiled shape", () => {
  const text = JSON.stringify(runtime);
  for (const k of STRIPPED_KEYS) expect(text).not.toContain(`"${k}":`);
  expect(Object.keys(runtime).sort()).toEqual(Object.keys(full).sort());
  for (const g of Object.values(runtime.groups)) for (const m of g.members) for (const k of Object.keys(m)) expect(MEMBER_KEYS).toContain(k);
  expect(text.length).toBeLessThan(JSON.stringify(full).length);
});

test("law reach that names a group carries exactly the group's countries", () => {
  let resolved = 0;
  for (const law of runtime.laws) {
    for (const r of law.reach) {
      if (!r.group) continue;
      resolved++;
      expect(r.countries).toEqual(full.groups[r.group]!.members.map((m) => m.country));
    }
  }
  expect(resolved).toBeGreaterThan(0);
});

test("every service gives the same report from the runtime artefact as from the full one", () => {
  for (let i = 0; i < full.services.length; i++) {
    for (const c of COUNTRIES) {
      const a = buildReport(full, urlOf(i), c, DEFAULT_CONCERNS, TODAY);
      const b = buildReport(runtime, urlOf(i), c, DEFAULT_CONCERNS, TODAY);
      expect(b).toEqual(withoutStripped(a));
    }
  }
});

test("the split dataset reads a report's category shards only, and gives the same reports and alternatives", async () => {
  const { index, shards } = splitDataset(runtime, 8);
  const categories = new Set(runtime.services.map((s) => s.category));
  expect(shards.length).toBe([...categories].reduce((n, c) => n + Math.ceil(runtime.services.filter((s) => s.category === c).length / 8), 0));
  const files = new Map(shards.map((s, n) => [shardPath(n), JSON.parse(JSON.stringify(s))]));
  const reads: string[] = [];
  const split = new SplitDataset(JSON.parse(JSON.stringify(index)), async (p) => {
    reads.push(p);
    if (!files.has(p)) throw new Error(`no file ${p}`);
    return files.get(p);
  });
  // A page outside the dataset reads nothing.
  const outside = buildReport(await split.forUrls(["https://www.example.net/"]), "https://www.example.net/", "FR", DEFAULT_CONCERNS, TODAY);
  expect(outside.matched).toBe(false);
  expect(reads).toEqual([]);
  for (let i = runtime.services.length - 1; i >= 0; i--) {
    const before = reads.length;
    const ds = await split.forUrls([urlOf(i)]);
    // Read now: at most its category's shards, never another category's.
    const mine = new Set(index.categories[runtime.services[i]!.category]!.map(shardPath));
    for (const r of reads.slice(before)) expect(mine.has(r)).toBe(true);
    for (const c of ["US", "FR", "IN"]) {
      const a = buildReport(ds, urlOf(i), c, DEFAULT_CONCERNS, TODAY);
      expect(a).toEqual(buildReport(runtime, urlOf(i), c, DEFAULT_CONCERNS, TODAY));
      if (i % 7 === 0) expect(withActions(ds, a, DEFAULT_CONCERNS, TODAY)).toEqual(withActions(runtime, a, DEFAULT_CONCERNS, TODAY));
    }
  }
  expect(new Set(reads).size).toBe(reads.length); // each shard read once
  expect(reads.length).toBe(shards.length);
});

test("a failed shard read is retried, and a shard of the wrong shape is refused", async () => {
  const { index, shards } = splitDataset(runtime, 8);
  const first = index.shardOf[0]!;
  let fail = true;
  const split = new SplitDataset(index, async (p) => {
    if (fail) throw new Error("read failed");
    return shards.find((_, n) => shardPath(n) === p);
  });
  await expect(split.ensure(0)).rejects.toThrow("read failed");
  fail = false;
  await expect(split.ensure(0)).resolves.toBeUndefined();
  expect(split.view.services[0]).toEqual(runtime.services[0]);
  const other = runtime.services.findIndex((_, i) => index.shardOf[i] !== first);
  const wrong = new SplitDataset(index, async () => shards[first]);
  await expect(wrong.ensure(other)).rejects.toThrow("unexpected shape");
  await expect(split.ensure(-1)).rejects.toThrow(RangeError);
});

test("no code outside the data names a stripped key (a view that needs one must take it off the list)", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (p !== path.join(ROOT, "src/data")) walk(p); } else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, "src"));
  files.push(path.join(ROOT, "tools/lookup.ts"));
  for (const f of files) {
    const code = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const k of STRIPPED_KEYS) {
      const reads = new RegExp(`\\.${k}\\b|\\[\\s*["'\`]${k}["'\`]\\s*\\]|[{,]\\s*${k}\\s*[,}:]`);
      expect({ file: path.relative(ROOT, f), key: k, read: reads.test(code) }).toEqual({ file: path.relative(ROOT, f), key: k, read: false });
    }
  }
});

/** Absolute points of a path made of M/m, L/l (with implicit repeats) and Z/z. */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let cmd = "";
  for (const tok of d.match(/[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? []) {
    if (/[MmLlZz]/.test(tok)) {
      cmd = tok;
      if (cmd === "z" || cmd === "Z") { x = sx; y = sy; }
      continue;
    }
    out.push([Number(tok), NaN]);
    const last = out.at(-1)!;
    if (out.length >= 2 && Number.isNaN(out.at(-2)![1])) {
      out.pop();
      const px = out.at(-1)![0];
      const py = Number(tok);
      out.pop();
      const rel = cmd === "m" || cmd === "l";
      x = rel ? x + px : px;
      y = rel ? y + py : py;
      if (cmd === "M" || cmd === "m") { sx = x; sy = y; cmd = cmd === "m" ? "l" : "L"; }
      out.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    } else void last;
  }
  return out;
}

test("the compact map path draws the same points, on a grid of tenths", () => {
  const d = "M351.53,108.44L351.72,108.2L351.72,108.2L352,108.5ZM6.3,106.8L6.549,107.31L6.3,106.8Z";
  const dedup = [[351.5, 108.4], [351.7, 108.2], [352, 108.5], [6.3, 106.8], [6.5, 107.3], [6.3, 106.8]];
  expect(points(compactPath(d))).toEqual(dedup);
  expect(compactPath(d).length).toBeLessThan(d.length);
});
