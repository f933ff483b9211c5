// Coverage of the compiled dataset, as a Markdown table for
// docs/data-coverage.md and the data:report command.
import type { CompiledDataset } from "../../src/core/dataset";
import type { DataProblem } from "./compile";
import { userLegalProfile } from "../../src/core/tiers";
import { controlChain, runFrom } from "../../src/core/ownership";
import { getDomain } from "tldts-icann";
import { readFileSync } from "node:fs";
import path from "node:path";
import { depthLines } from "./depth";
import { pct } from "./percent";

export function countClaims(ds: CompiledDataset): { claims: number; sourced: number } {
  let claims = 0;
  let sourced = 0;
  const count = (source: unknown) => {
    claims++;
    if (typeof source === "object" && source !== null && typeof (source as { url?: unknown }).url === "string" && (source as { url: string }).url.startsWith("https://")) sourced++;
  };
  for (const e of Object.values(ds.entities)) {
    for (const p of [e.legalDomicile, e.headquarters]) if (p !== "unknown") count(p.source);
    e.owners.forEach((o) => count(o.source));
  }
  for (const s of ds.services) {
    [...s.operators, ...s.storage, ...s.remoteAccess, ...s.certifications].forEach((c) => count(c.source));
    s.news.forEach((n) => count({ url: n.url }));
  }
  for (const l of ds.laws) {
    count(l.status.source);
    l.sources.forEach(count);
  }
  for (const g of Object.values(ds.groups)) g.sources.forEach(count);
  return { claims, sourced };
}

/** One row per user country (or region) that a protective law covers. */
function userCountryRows(ds: CompiledDataset): string[] {
  const protective = ds.laws.filter((l) => l.status.value === "in-force" && l.effect.some((e) => ["transfer-restriction", "no-transfer-restriction", "data-protection", "foreign-adversary-control"].includes(e)));
  const regions = [...new Set(protective.flatMap((l) => l.userRegions))].filter((r) => r !== "*").sort();
  const compelling = (region: string) => {
    const group = Object.values(ds.groups).find((g) => g.regionCode === region);
    const countries = group ? new Set(group.members.map((m) => m.country)) : new Set([region]);
    return ds.laws
      .filter((l) => l.status.value === "in-force" && l.effect.some((e) => ["compels-cooperation", "extraterritorial-access", "bulk-surveillance"].includes(e)))
      .filter((l) => countries.has(l.jurisdiction) || (group !== undefined && l.jurisdiction === group.id))
      .map((l) => l.shortName);
  };
  return regions.map((region) => {
    const laws = protective.filter((l) => l.userRegions.includes(region));
    const profile = userLegalProfile(ds.groups, laws);
    const concern = laws.some((l) => l.effect.includes("foreign-adversary-control")) ? "; names countries of concern" : "";
    const rule = `${profile.status === "restricted" ? "conditioned" : "no condition"}${concern}`;
    const recognised = [...new Set(laws.flatMap((l) => l.safeGroups ?? []))].map((g) => `${g} (${ds.groups[g]?.members.length ?? 0})`);
    const checked = laws.map((l) => l.status.checked).sort().at(0) ?? "";
    return `| ${region} | ${laws.map((l) => l.shortName).join(", ")} | ${rule} | ${recognised.join(", ") || "none"} | ${compelling(region).join(", ") || "none in the dataset"} | ${checked} |`;
  });
}

/** The markets issue-level coverage is measured against: where people use the web most. */
export const MARKETS = ["US", "GB", "FR", "DE", "ES", "IT", "PL", "NL", "TR", "RU", "IN", "JP", "KR", "CN", "ID", "BR", "MX", "AR", "ZA", "NG", "AU", "CA"] as const;

/** The country a service is run from: the head office (or place of operations) of its ultimate controlling company. */
export function homeMarket(ds: CompiledDataset, service: CompiledDataset["services"][number]): string | null {
  // The brand's owner, else the operator for everyone: a region's own operator (e.g. a Chinese partner) is not the brand's home.
  const head = service.owner?.entity ?? service.operators.find((o) => o.regions.includes("*"))?.entity ?? service.operators[0]?.entity;
  if (!head) return null;
  const chain = controlChain(ds.entities, head);
  const top = chain.at(-1)?.entity;
  return top ? runFrom(top) : null;
}

export interface RankedDomain {
  rank: number;
  domain: string;
  /** false for a domain tools/data/ranking/non-consumer.json lists (a government site, a redirect, …). */
  consumer?: boolean;
}

/** The committed ranking, each domain marked consumer or not from the committed non-consumer list. */
export function readRanking(root: string): RankedDomain[] {
  const dir = path.join(root, "tools/data/ranking");
  const ranking = JSON.parse(readFileSync(path.join(dir, "top-sites.json"), "utf8")) as RankedDomain[];
  const listed = JSON.parse(readFileSync(path.join(dir, "non-consumer.json"), "utf8")) as { domains: Record<string, string[]> };
  const nonConsumer = new Set(Object.values(listed.domains).flat());
  return ranking.map((r) => ({ ...r, consumer: !nonConsumer.has(r.domain) }));
}

function rankingLines(ds: CompiledDataset, ranking: readonly RankedDomain[]): string[] {
  const covered = (d: string) => {
    const registrable = getDomain(d) ?? d;
    return ds.domains[registrable] !== undefined || ds.hosts[d] !== undefined;
  };
  const share = (n: number) => {
    const top = ranking.filter((r) => r.rank <= n);
    const hit = top.filter((r) => covered(r.domain)).length;
    const consumer = top.filter((r) => r.consumer !== false);
    const consumerHit = consumer.filter((r) => covered(r.domain)).length;
    return `| Top ${n} | ${hit} of ${top.length} | ${pct(hit, top.length)} | ${consumerHit} of ${consumer.length} | ${pct(consumerHit, consumer.length)} |`;
  };
  const missing = ranking.filter((r) => r.rank <= 100 && !covered(r.domain));
  const missingConsumer = (n: number) => ranking.filter((r) => r.rank <= n && r.consumer !== false && !covered(r.domain));
  return [
    "## Coverage against the ranking",
    "",
    "The committed ranking (`tools/data/ranking/`, the top-sites package's 500 most-linked domains) counts",
    "infrastructure and non-consumer sites too. Those listed, with the reason, in",
    "`tools/data/ranking/non-consumer.json` (government and intergovernmental sites, universities, standards",
    "bodies and open-source project sites, hosting infrastructure, advertising opt-out pages, domain parking,",
    "link redirects) are left out of the consumer columns.",
    "",
    "| Ranking | Covered | Share | Consumer services covered | Share |",
    "| --- | ---: | ---: | ---: | ---: |",
    share(100),
    share(500),
    "",
    `Missing from the top 100: ${missing.map((r) => `${r.rank}. ${r.domain}`).join(", ") || "none"}.`,
    "",
    `Consumer services missing from the top 500 (${missingConsumer(500).length}): ${missingConsumer(500).map((r) => `${r.rank}. ${r.domain}`).join(", ") || "none"}.`,
    "",
  ];
}

// Country-code domains used worldwide as generic names: they say nothing of the audience.
const GENERIC_CC = new Set(["io", "co", "tv", "me", "ai", "fm", "ly", "gg", "to", "cc", "ws", "app"]);

/** The country a domain's code names (uk → GB), or null for a generic one. */
function domainCountry(domain: string): string | null {
  const tld = domain.split(".").at(-1) ?? "";
  if (tld.length !== 2 || GENERIC_CC.has(tld)) return null;
  return tld === "uk" ? "GB" : tld.toUpperCase();
}

/**
 * Whether a service is domestic to its home market: a brand run from there for another country's users
 * (every domain under that country's code, e.g. a Spanish paper owned from Milan) is not counted.
 */
function aimedAtHome(service: CompiledDataset["services"][number], home: string): boolean {
  const named = service.domains.map(domainCountry);
  return !(named.length > 0 && named.every((c) => c !== null && c !== home));
}

function marketLines(ds: CompiledDataset): string[] {
  const byMarket = new Map<string, string[]>();
  for (const s of ds.services) {
    if (s.kind === "third-party") continue;
    const m = homeMarket(ds, s);
    if (m && aimedAtHome(s, m)) byMarket.set(m, [...(byMarket.get(m) ?? []), s.name]);
  }
  return [
    "## Domestic services per market",
    "",
    "A service counts for the market its ultimate controlling company is run from, unless every one of its",
    "domains is under another country's code (a brand run from there for another country's users).",
    "",
    "| Market | Services | Examples |",
    "| --- | ---: | --- |",
    ...MARKETS.map((m) => {
      const names = (byMarket.get(m) ?? []).sort((a, b) => a.localeCompare(b));
      return `| ${m} | ${names.length} | ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""} |`;
    }),
    "",
  ];
}

/** What the coverage report reads besides the dataset: the compiler's warnings and gaps, the committed ranking and depth scope. */
export interface CoverageInputs {
  warnings: readonly DataProblem[];
  /** The gaps `data:check` fails on (a sourced link or place still missing). */
  gaps?: readonly DataProblem[];
  ranking?: readonly RankedDomain[];
  depthScope?: readonly string[];
}

function problemLines(problems: readonly DataProblem[]): string[] {
  return problems.map((p) => `- ${p.file}${p.path ? ` (${p.path})` : ""}: ${p.message}`);
}

export function coverageMarkdown(ds: CompiledDataset, { warnings, gaps = [], ranking = [], depthScope = [] }: CoverageInputs): string {
  const services = ds.services;
  const n = services.length;
  const withStorage = services.filter((s) => s.storage.length > 0).length;
  const withOperator = services.filter((s) => s.operators.length > 0).length;
  const withNews = services.filter((s) => s.news.length > 0).length;
  const withRemote = services.filter((s) => s.remoteAccess.length > 0).length;
  const byConfidence = (level: string) => services.filter((s) => s.confidence.level === level).length;
  const { claims, sourced } = countClaims(ds);
  const domains = Object.keys(ds.domains).length + Object.keys(ds.hosts).length;
  const lines = [
    "# Dataset coverage",
    "",
    `Generated by \`npm run data:report\` from dataset ${ds.version} (${ds.hash}).`,
    "",
    "| Measure | Count | Share |",
    "| --- | ---: | ---: |",
    `| Services | ${n} | |`,
    `| Entities (companies, bodies, people) | ${Object.keys(ds.entities).length} | |`,
    `| Domains and hosts matched | ${domains} | |`,
    `| Laws and regimes | ${ds.laws.length} | |`,
    `| Country groups | ${Object.keys(ds.groups).length} | |`,
    `| Services with an operator | ${withOperator} | ${pct(withOperator, n)} |`,
    `| Services with a storage statement | ${withStorage} | ${pct(withStorage, n)} |`,
    `| Services with a remote-access statement | ${withRemote} | ${pct(withRemote, n)} |`,
    `| Services with news | ${withNews} | ${pct(withNews, n)} |`,
    `| Confidence high | ${byConfidence("high")} | ${pct(byConfidence("high"), n)} |`,
    `| Confidence medium | ${byConfidence("medium")} | ${pct(byConfidence("medium"), n)} |`,
    `| Confidence low | ${byConfidence("low")} | ${pct(byConfidence("low"), n)} |`,
    `| Claims with an https source | ${sourced} of ${claims} | ${pct(sourced, claims)} |`,
    "",
    ...(depthScope.length > 0 ? depthLines(ds, warnings, depthScope) : []),
    "## Services",
    "",
    "| Service | Category | Domains | Operators | Storage | Remote access | News | Confidence | Reviewed |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...[...services]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => `| ${s.name} | ${s.category} | ${s.domains.length + s.hosts.length} | ${s.operators.length} | ${s.storage.length} | ${s.remoteAccess.length} | ${s.news.length} | ${s.confidence.level} | ${s.reviewed} |`),
    "",
    ...(ranking.length > 0 ? rankingLines(ds, ranking) : []),
    ...marketLines(ds),
    "## User countries",
    "",
    "Whose protective law the dataset models, how it treats transfers abroad, which states it recognises,",
    "and which laws of that country can compel access to data. A country absent here is \"not modelled\":",
    "its users see at most a medium level, and the report says why.",
    "",
    "| User country | Protective laws | Transfers abroad | Recognised (groups) | Government-access laws | Checked |",
    "| --- | --- | --- | --- | --- | --- |",
    ...userCountryRows(ds),
    "",
    "## Laws",
    "",
    "| Law | Jurisdiction | Status | Checked |",
    "| --- | --- | --- | --- |",
    ...ds.laws.map((l) => `| ${l.shortName} | ${l.jurisdiction} | ${l.status.value} | ${l.status.checked} |`),
    "",
    `## Gaps data:check fails on (${gaps.length})`,
    "",
    "Each needs a source that states the missing link or place; until then the verdict stops at the company the chain",
    "reaches, which may not be where the service is controlled from.",
    "",
    ...problemLines(gaps),
    "",
    `## Warnings (${warnings.length})`,
    "",
    "Shown as \"not stated\" in the extension; listed here so reviewers can close the gaps.",
    "",
    ...problemLines(warnings),
    "",
  ];
  return lines.join("\n");
}
