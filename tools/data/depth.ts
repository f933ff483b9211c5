// How deep the answers go for the services the depth targets were set on: the
// operator per user region, a storage statement, the Data Privacy Framework
// status of US-controlled services, empty and unreached companies, and the
// share at high confidence. The scope is the committed list of the 139
// services the dataset held when the targets were set, so that growth in
// breadth neither hides nor inflates depth.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CompiledDataset } from "../../src/core/dataset";
import { pickOperator } from "../../src/core/context";
import { controlChain, runFrom } from "../../src/core/ownership";
import { userZone } from "../../src/core/regions";
import type { DataProblem } from "./compile";
import { pct } from "./percent";

export function readDepthScope(root: string): string[] {
  return (JSON.parse(readFileSync(path.join(root, "tools/data/depth-scope.json"), "utf8")) as { services: string[] }).services;
}

/** Representative users: an EEA country, the United Kingdom, the United States. */
const USERS = [
  ["EEA", "DE"],
  ["UK", "GB"],
  ["US", "US"],
] as const;

type Service = CompiledDataset["services"][number];

/** A service whose operators' chains end at a company run from the United States. */
function usControlled(ds: CompiledDataset, s: Service): boolean {
  return s.operators.some((o) => {
    const top = controlChain(ds.entities, o.entity).at(-1)?.entity;
    return top !== undefined && runFrom(top) === "US";
  });
}

function dpfRecorded(ds: CompiledDataset, s: Service): boolean {
  const chains = new Set(s.operators.flatMap((o) => controlChain(ds.entities, o.entity).map((l) => l.entity.id)));
  return s.certifications.some((c) => c.scheme === "eu-us-dpf" && chains.has(c.entity));
}

export function depthLines(ds: CompiledDataset, warnings: readonly DataProblem[], scope: readonly string[]): string[] {
  const byId = new Map(ds.services.map((s) => [s.id, s]));
  const services = scope.map((id) => byId.get(id)).filter((s): s is Service => s !== undefined);
  const gone = scope.filter((id) => !byId.has(id));
  const n = services.length;
  const zones = USERS.map(([, country]) => userZone(ds.groups, country));
  // Per service, whether an operator covers each representative user (in USERS order).
  const known = new Map(services.map((s) => [s, zones.map((zone) => pickOperator(s.operators, zone) !== undefined)]));
  const allThree = services.filter((s) => known.get(s)!.every(Boolean));
  const perRegion = USERS.map(([label], i) => `${label} ${services.filter((s) => known.get(s)![i]).length}`);
  const noStorage = services.filter((s) => s.storage.length === 0);
  const storage = n - noStorage.length;
  const us = services.filter((s) => usControlled(ds, s));
  const dpf = us.filter((s) => dpfRecorded(ds, s));
  const high = services.filter((s) => s.confidence.level === "high").length;
  const orphans = warnings.filter((w) => w.message.startsWith("no service reaches this entity")).length;
  const placeless = Object.values(ds.entities).filter((e) => e.kind !== "person" && e.legalDomicile === "unknown" && e.headquarters === "unknown");
  const empty = placeless.length;
  const met = (ok: boolean) => (ok ? "met" : "not met");
  const row = (measure: string, count: string, share: string, target: string, ok: boolean) => `| ${measure} | ${count} | ${share} | ${target} | ${met(ok)} |`;
  const missingOperator = services.filter((s) => !allThree.includes(s)).map((s) => s.name);
  const missingDpf = us.filter((s) => !dpf.includes(s)).map((s) => s.name);
  return [
    "## Depth of the first 139 services",
    "",
    `The depth targets were set on the ${scope.length} services listed in \`tools/data/depth-scope.json\` (the dataset`,
    "when they were set); the whole dataset's figures are in the first table. An operator is known for a",
    "region when one covers a user there (Germany, the United Kingdom and the United States stand for the",
    "regions). A service is US-controlled when an operator's chain ends at a company run from the United",
    "States; its Data Privacy Framework status is recorded when an EU-U.S. DPF entry names a company of that chain.",
    "",
    "| Measure | Count | Share | Target | |",
    "| --- | ---: | ---: | ---: | --- |",
    row(`Operator known for EEA, UK and US users (${perRegion.join(", ")})`, `${allThree.length} of ${n}`, pct(allThree.length, n), "95 %", allThree.length >= 0.95 * n),
    row("Storage statement (stated or possible)", `${storage} of ${n}`, pct(storage, n), "85 %", storage >= 0.85 * n),
    row("US-controlled services with their DPF status recorded", `${dpf.length} of ${us.length}`, pct(dpf.length, us.length), "100 %", dpf.length === us.length),
    row("Confidence high", `${high} of ${n}`, pct(high, n), "40 %", high >= 0.4 * n),
    row("Entities no service reaches (whole dataset)", `${orphans}`, "", "0", orphans === 0),
    row("Entities with neither incorporation nor headquarters (whole dataset)", `${empty}`, "", "0", empty === 0),
    "",
    `Without an operator for all three regions (${missingOperator.length}): ${missingOperator.join(", ") || "none"}.`,
    "",
    `Without a storage statement (${noStorage.length}): ${noStorage.map((s) => s.name).join(", ") || "none"}.`,
    "",
    `US-controlled without a DPF entry (${missingDpf.length}): ${missingDpf.join(", ") || "none"}.`,
    "",
    `Companies with no place (${empty}): ${placeless.map((e) => e.name).sort((a, b) => a.localeCompare(b, "en")).join(", ") || "none"}.`,
    "",
    ...(gone.length > 0 ? [`No longer in the dataset: ${gone.join(", ")}.`, ""] : []),
  ];
}
