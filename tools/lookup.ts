// `lookup`: the extension's verdict for a URL or host name, on the command
// line, from the same src/core code and the same compiled dataset.
//   node dist/tools/lookup.js <url-or-domain> [--country XX] [--json]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { userLawStatuses } from "../src/core/tiers";
import { isCompiledDataset } from "../src/core/dataset";
import { normaliseInput, webHost } from "../src/core/match";
import { buildReport, namesOf, type Report } from "../src/core/report";
import { DEFAULT_CONCERNS } from "../src/core/assess";
import { countryName, findingText, levelMessageKey, summarize, type Translate } from "../src/core/text";
import { COUNTRY_CODES } from "../src/core/country-codes";
import type { CompiledDataset } from "../src/core/dataset";
import type { NoMatchReason } from "../src/core/match";
import { MESSAGES } from "./i18n/messages.mjs";
import { hostsMain } from "./lookup-hosts";
import { batchMain, wantsBatch } from "./lookup-batch";

const USAGE = "usage: lookup <url-or-domain> [--country XX] [--json]   (lookup --help for more)";

const HELP = `usage: lookup <url-or-domain> [--country XX] [--json]

Who controls a site, where it says your data is stored, which governments can
compel access, and what happened lately: the extension's report, on the command
line, from the bundled dataset. No network requests.

  <url-or-domain>  a web address, or a host name such as tiktok.com
  --country XX     the user's country, an ISO 3166-1 alpha-2 code (default US)
  --json           one JSON object instead of the text report
  --format md|json the evidence report: facts, verdict and reasons, every source
                   with its date and archived copy, dataset version
  --file FILE      batch mode: one URL or domain per line (blank lines and
                   # comments ignored); --format csv (default), md or json gives
                   a summary table and one section per site; sites outside the
                   dataset are listed as such; unreadable lines are reported on
                   stderr with their line number and skipped
  -h, --help       this help

Exit status: 0 with a report (also for a site outside the dataset, and in
batch mode when some lines were skipped: the warning count is on stderr);
2 for input that is not a URL or host name, a bad option, or a batch file
from which nothing could be read.
`;

/** Plain-language reasons a valid input has nothing to look up. */
const NO_MATCH: Record<Exclude<NoMatchReason, "unlisted">, string> = {
  "not-web": "not a web address: only http and https sites are assessed",
  ip: "an IP address has no registrable domain to look up",
  "no-domain": "no registrable domain to look up (a bare public suffix such as com or co.uk)",
  invalid: "not a URL or host name",
};

export class UsageError extends Error {}

export interface LookupArgs {
  input: string;
  country: string;
  json: boolean;
  help?: true;
}

export function parseArgs(argv: readonly string[]): LookupArgs {
  let input: string | undefined;
  let country = "US";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") return { input: "", country, json, help: true };
    if (a === "--json") json = true;
    else if (a === "--country") {
      const v = argv[++i];
      if (v === undefined || !/^[A-Za-z]{2}$/.test(v)) throw new UsageError(`--country needs a two-letter country code (ISO 3166-1), got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
      country = v.toUpperCase();
    } else if (a.startsWith("--country=")) {
      return parseArgs([...argv.slice(0, i), "--country", a.slice("--country=".length), ...argv.slice(i + 1)]);
    } else if (a.startsWith("--")) throw new UsageError(`unknown option ${JSON.stringify(a)}`);
    else if (input === undefined) input = a;
    else throw new UsageError(`expected one URL or domain, got a second argument ${JSON.stringify(a)}`);
  }
  if (input === undefined) throw new UsageError("missing URL or domain");
  return { input, country, json };
}

/** The URL to look up, or a UsageError naming what is wrong with the input. */
export function urlFromInput(input: string): string {
  const url = normaliseInput(input);
  if (url === null || (/^https?:/i.test(url) && webHost(url) === null)) {
    throw new UsageError(`not a URL or host name: ${JSON.stringify(input.length > 200 ? `${input.slice(0, 200)}…` : input)}`);
  }
  return url;
}

const t: Translate = (key, subs = []) => {
  const m = (MESSAGES as Record<string, [string, string]>)[key]?.[0] ?? key;
  return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
};

export function humanReport(r: Report): string {
  const lines: string[] = [];
  const cn = (c: string) => (c === "unknown" ? "not stated" : `${countryName(c, "en")} (${c})`);
  if (!r.matched || !r.service) {
    const why = r.reason && r.reason !== "unlisted" ? NO_MATCH[r.reason] : NO_MATCH.invalid;
    lines.push(r.domain ? `${r.domain}: not in the Data Borders dataset.` : `${r.input}: ${why}.`);
    lines.push(`Dataset ${r.dataVersion}`);
    return lines.join("\n");
  }
  const names = namesOf(r);
  lines.push(`${r.service.name} (${r.domain}) — ${t(levelMessageKey(r.verdict.level))} for a user in ${cn(r.country)}`);
  lines.push(`  ${summarize(r.verdict.findings, t, names, "en")}`, "");
  if (r.verdict.userLaw.status === "not-modelled") lines.push(`  ${t("userLawNotModelled")}`, "");
  lines.push("Who controls it:");
  if (r.ownershipChain.length === 0) lines.push("  operator not stated");
  if (!r.operator && r.operatorFallback) lines.push("  the company responsible for users in your region is not stated; the service belongs to this group:");
  const places = (e: Report["ownershipChain"][number]) => `head office ${cn(e.headquarters)}, incorporated in ${cn(e.legalDomicile)}`;
  r.ownershipChain.forEach((e, i) => {
    const pct = e.share !== undefined ? ` [${e.share}%]` : "";
    const role = i === 0 && r.operator ? "operator" : i === 0 ? "group" : "controlled by";
    const ops = e.operations && e.operations !== e.headquarters ? `, run from ${cn(e.operations)}` : "";
    lines.push(`  ${role}: ${e.name}${pct} — ${places(e)}${ops}`);
  });
  if (r.unlinkedOwner) lines.push(`  the service belongs to: ${r.unlinkedOwner.name} — ${places(r.unlinkedOwner)}; no control link from the operator to it is recorded`);
  for (const s of r.minorityStakes) lines.push(`  also holds a stake: ${s.holder.name}${s.share !== undefined ? ` (${s.share}%)` : ""} in ${s.in.name}`);
  lines.push("", "Where your data is stored:");
  if (!r.storage.some((s) => s.basis !== "possible")) lines.push("  not stated");
  for (const s of r.storage) {
    const how = s.basis === "possible" ? "may be processed in " : "";
    lines.push(`  ${how}${s.countries.map(cn).join(", ")}${s.provider ? ` via ${s.provider}` : ""} — ${s.statement} (${s.source.publisher}, ${s.source.date}: ${s.source.url})`);
  }
  for (const s of r.remoteAccess) lines.push(`  accessed from ${s.countries.map(cn).join(", ")} — ${s.statement} (${s.source.url})`);
  for (const p of r.processors) lines.push(`  received by ${p.chain.map((e) => e.name).join(" → ")} — ${p.statement} (${p.source.url})`);
  lines.push("", "Findings:");
  if (r.verdict.findings.length === 0) lines.push("  none");
  for (const f of r.verdict.findings) {
    lines.push(`  [${f.severity}] ${findingText(f, t, names, "en")}`);
    for (const s of f.sources.slice(0, 3)) lines.push(`      source: ${s.publisher}, ${s.date}: ${s.url}`);
  }
  if (r.news.length > 0) {
    lines.push("", "What happened:");
    for (const n of r.news.slice(0, 6)) lines.push(`  ${n.date} [${n.kind}] ${n.headline} — ${n.outlet}: ${n.url}`);
  }
  lines.push("", `Reviewed ${r.reviewed}, confidence ${r.confidence?.level}${r.confidence?.reason ? ` (${r.confidence.reason})` : ""}. Dataset ${r.dataVersion}`);
  return lines.join("\n");
}

export function lookupJson(r: Report): unknown {
  return {
    input: r.input,
    domain: r.domain,
    matched: r.matched,
    service: r.service ? { id: r.service.id, name: r.service.name } : null,
    operator: r.operator ? { name: r.operator.name, legalDomicile: r.operator.legalDomicile, headquarters: r.operator.headquarters } : null,
    ownershipChain: r.ownershipChain.map((e) => ({ name: e.name, legalDomicile: e.legalDomicile, headquarters: e.headquarters, operations: e.operations ?? null, share: e.share ?? null })),
    minorityStakes: r.minorityStakes.map((s) => ({ holder: s.holder.name, in: s.in.name, share: s.share ?? null })),
    operatorFallback: r.operatorFallback ? { name: r.operatorFallback.name, basis: r.operatorFallback.basis } : null,
    unlinkedOwner: r.unlinkedOwner ? { name: r.unlinkedOwner.name, legalDomicile: r.unlinkedOwner.legalDomicile, headquarters: r.unlinkedOwner.headquarters } : null,
    storage: r.storage.map((s) => ({ countries: s.countries, basis: s.basis ?? "stated", provider: s.provider ?? null, appliesTo: s.appliesTo, source: s.source })),
    remoteAccess: r.remoteAccess.map((s) => ({ countries: s.countries, appliesTo: s.appliesTo, source: s.source })),
    processors: r.processors.map((p) => ({ chain: p.chain.map((e) => e.name), appliesTo: p.appliesTo, source: p.source })),
    laws: r.laws.map((l) => ({ id: l.id, name: l.name, jurisdiction: l.jurisdiction, reasons: l.reasons })),
    verdict: r.verdict,
    country: r.country,
    dataVersion: r.dataVersion,
  };
}

/** Countries whose own laws the dataset models (a transfer rule, or an explicit "no condition"). */
export function modelledCountries(ds: Pick<CompiledDataset, "laws" | "groups">): string[] {
  const statuses = userLawStatuses(ds, COUNTRY_CODES);
  return COUNTRY_CODES.filter((c) => statuses[c] !== "not-modelled");
}

export function main(argv: readonly string[], datasetPath: string, today: string): { code: number; stdout: string; stderr: string } {
  if (argv.some((a) => a === "--hosts" || a.startsWith("--hosts="))) return hostsMain(argv, datasetPath, today);
  const usage = (e: unknown) => {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: `lookup: ${e.message}\n${USAGE}\n` };
    throw e;
  };
  if (wantsBatch(argv) && !argv.some((a) => a === "--help" || a === "-h")) return batchMain(argv, datasetPath, today);
  let args: LookupArgs;
  let url: string;
  try {
    args = parseArgs(argv);
    if (args.help) return { code: 0, stdout: HELP, stderr: "" };
    url = urlFromInput(args.input);
  } catch (e) {
    return usage(e);
  }
  const parsed: unknown = JSON.parse(readFileSync(datasetPath, "utf8"));
  if (!isCompiledDataset(parsed)) return { code: 1, stdout: "", stderr: `lookup: ${datasetPath} is not a compiled dataset; run npm run build\n` };
  if (!COUNTRY_CODES.includes(args.country)) {
    return usage(new UsageError(`--country ${args.country} is not an assigned ISO 3166-1 country code. Countries whose own laws the dataset models: ${modelledCountries(parsed).join(" ")}; any other assigned code gets the laws that reach everyone`));
  }
  const report = { ...buildReport(parsed, url, args.country, DEFAULT_CONCERNS, today), input: args.input };
  return { code: 0, stdout: `${args.json ? JSON.stringify(lookupJson(report), null, 2) : humanReport(report)}\n`, stderr: "" };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const result = main(process.argv.slice(2), path.join(path.dirname(self), "dataset.json"), new Date().toISOString().slice(0, 10));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
