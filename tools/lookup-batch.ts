// `lookup --file` (vendor reviews) and `lookup --format md|json` (one
// evidence report): the extension's verdicts for a list of URLs or domains,
// one per line, as CSV, Markdown or JSON — a summary table, then one section
// per vendor with its facts, reasons and every source.
//   lookup --file vendors.txt --country FR --format csv|md|json
//   lookup tiktok.com --country FR --format md
import { readFileSync } from "node:fs";
import { buildReport, type Report } from "../src/core/report";
import { withActions } from "../src/core/actions";
import { DEFAULT_CONCERNS } from "../src/core/assess";
import { isCompiledDataset, type CompiledDataset } from "../src/core/dataset";
import { COUNTRY_CODES } from "../src/core/country-codes";
import { buildEvidence, evidenceMarkdown, mdCell, type Evidence } from "../src/core/evidence";
import type { NoMatchReason } from "../src/core/match";
import { countryName, type Translate } from "../src/core/text";
import { MESSAGES } from "./i18n/messages.mjs";
import { UsageError, urlFromInput } from "./lookup";

export const FORMATS = ["csv", "md", "json"] as const;
export type Format = (typeof FORMATS)[number];

export interface BatchArgs {
  file: string | null;
  input: string | null;
  country: string;
  format: Format;
}

/** True when the arguments ask for this module (--file or --format). */
export function wantsBatch(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--file" || a.startsWith("--file=") || a === "--format" || a.startsWith("--format="));
}

export function parseBatchArgs(argv: readonly string[]): BatchArgs {
  let file: string | null = null;
  let input: string | null = null;
  let country = "US";
  let format: Format | null = null;
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = /^(--file|--format|--country)=(.*)$/.exec(a);
    const name = eq ? eq[1]! : a;
    const v = () => (eq ? eq[2]! : value(++i, name));
    if (name === "--file") file = v();
    else if (name === "--format") {
      const f = v();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(f)}`);
      format = f as Format;
    } else if (name === "--country") {
      const c = v();
      if (!/^[A-Za-z]{2}$/.test(c)) throw new UsageError(`--country needs a two-letter country code (ISO 3166-1), got ${JSON.stringify(c)}`);
      country = c.toUpperCase();
    } else if (a === "--json") format = format ?? "json";
    else if (a.startsWith("--")) throw new UsageError(`unknown option ${JSON.stringify(a)}`);
    else if (input === null) input = a;
    else throw new UsageError(`expected one URL or domain, got a second argument ${JSON.stringify(a)}`);
  }
  if (file !== null && input !== null) throw new UsageError("give either --file or one URL or domain, not both");
  if (file === null && input === null) throw new UsageError("missing --file or URL or domain");
  if (file === null && format === "csv") throw new UsageError("--format csv is for --file; use --format md or json for one site");
  return { file, input, country, format: format ?? (file !== null ? "csv" : "md") };
}

const t: Translate = (key, subs = []) => {
  const m = (MESSAGES as Record<string, [string, string]>)[key]?.[0] ?? key;
  return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
};

/** Why a valid-looking line has nothing to look up. */
const UNUSABLE: Partial<Record<NoMatchReason, string>> = {
  "not-web": "not a web address (only http and https sites are assessed)",
  ip: "an IP address has no registrable domain",
  "no-domain": "no registrable domain (a bare public suffix)",
  invalid: "not a URL or host name",
};

export interface BatchLine {
  line: number;
  input: string;
}

export interface BatchResult {
  country: string;
  dataVersion: string;
  generated: string;
  /** Lines that were looked up, matched or not, in file order. */
  vendors: { line: number; input: string; report: Report; evidence: Evidence }[];
  /** Lines that could not be read as a URL or domain. */
  skipped: { line: number; text: string; reason: string }[];
}

/** The lines to look up: blank lines and lines starting with # are ignored. */
export function readLines(text: string): BatchLine[] {
  return text.split(/\r?\n/).map((raw, i) => ({ line: i + 1, input: raw.trim() })).filter((l) => l.input !== "" && !l.input.startsWith("#"));
}

export function runBatch(ds: CompiledDataset, lines: readonly BatchLine[], country: string, today: string): BatchResult {
  const result: BatchResult = { country, dataVersion: `${ds.version}+${ds.hash}`, generated: today, vendors: [], skipped: [] };
  for (const { line, input } of lines) {
    let url: string;
    try {
      url = urlFromInput(input);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      result.skipped.push({ line, text: input, reason: UNUSABLE.invalid! });
      continue;
    }
    const report = { ...withActions(ds, buildReport(ds, url, country, DEFAULT_CONCERNS, today), DEFAULT_CONCERNS, today), input };
    if (!report.matched && report.reason && report.reason !== "unlisted") {
      result.skipped.push({ line, text: input, reason: UNUSABLE[report.reason] ?? report.reason });
      continue;
    }
    result.vendors.push({ line, input, report, evidence: buildEvidence(report, t, "en", today) });
  }
  return result;
}

export const CSV_COLUMNS = [
  "line", "input", "domain", "in_dataset", "service", "level", "summary", "operator", "operator_country", "ultimate_parent",
  "parent_country", "stored_in", "may_be_processed_in", "accessed_from", "alternatives", "privacy_contact", "reviewed", "sources", "data_version",
] as const;

export function csvCell(v: string | number | boolean | null): string {
  const s = v === null ? "" : String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function csvRow(v: BatchResult["vendors"][number]): string {
  const r = v.report;
  const chain = r.ownershipChain;
  const first = chain[0];
  const last = chain.length > 1 ? chain[chain.length - 1] : undefined;
  const country = (e: typeof first) => (e ? (e.headquarters !== "unknown" ? e.headquarters : e.legalDomicile !== "unknown" ? e.legalDomicile : "") : "");
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
    line: v.line,
    input: v.input,
    domain: r.domain,
    in_dataset: r.matched,
    service: r.service?.name ?? null,
    level: r.matched ? r.verdict.level : null,
    summary: r.matched ? v.evidence.verdict.summary : "not in the Data Borders dataset",
    operator: first && r.operator ? first.name : null,
    operator_country: first && r.operator ? country(first) : null,
    ultimate_parent: (last ?? (r.operator ? undefined : first))?.name ?? null,
    parent_country: country(last ?? (r.operator ? undefined : first)) || null,
    stored_in: uniq(r.storage.filter((s) => s.basis !== "possible").flatMap((s) => s.countries)).join(" "),
    may_be_processed_in: uniq(r.storage.filter((s) => s.basis === "possible").flatMap((s) => s.countries)).join(" "),
    accessed_from: uniq(r.remoteAccess.flatMap((s) => s.countries)).join(" "),
    alternatives: v.evidence.alternatives?.map((a) => `${a.name} (${a.level})`).join("; ") ?? null,
    privacy_contact: v.evidence.privacyContact ? [v.evidence.privacyContact.email, v.evidence.privacyContact.url].filter(Boolean).join(" ") : null,
    reviewed: r.reviewed,
    sources: v.evidence.sources.length,
    data_version: r.dataVersion,
  };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(",");
}

export function batchCsv(b: BatchResult): string {
  return `${[CSV_COLUMNS.join(","), ...b.vendors.map(csvRow)].join("\r\n")}\r\n`;
}

export function batchMarkdown(b: BatchResult): string {
  const out: string[] = [];
  out.push(`# Vendor review: ${countryName(b.country, "en")} (${b.country})`, "");
  out.push(`Generated ${b.generated} from the Data Borders dataset ${b.dataVersion}, for a user in ${countryName(b.country, "en")}.`, "");
  out.push("## Summary", "", "| line | input | service | level | summary |", "| --- | --- | --- | --- | --- |");
  for (const v of b.vendors) {
    out.push(`| ${v.line} | ${mdCell(v.input)} | ${mdCell(v.report.service?.name ?? "not in the dataset")} | ${v.report.matched ? v.report.verdict.level : "—"} | ${mdCell(v.report.matched ? v.evidence.verdict.summary : "not in the Data Borders dataset")} |`);
  }
  const missing = b.vendors.filter((v) => !v.report.matched);
  if (missing.length > 0) {
    out.push("", "## Not in the dataset", "");
    for (const v of missing) out.push(`- line ${v.line}: ${v.input}${v.report.domain ? ` (${v.report.domain})` : ""}`);
  }
  if (b.skipped.length > 0) {
    out.push("", "## Skipped lines", "");
    for (const s of b.skipped) out.push(`- line ${s.line}: ${mdCell(s.text)} — ${s.reason}`);
  }
  for (const v of b.vendors.filter((x) => x.report.matched)) out.push("", evidenceMarkdown(v.evidence, 2).trimEnd());
  out.push("");
  return out.join("\n");
}

export function batchJson(b: BatchResult): unknown {
  return {
    country: b.country,
    dataVersion: b.dataVersion,
    generated: b.generated,
    vendors: b.vendors.map((v) => ({ line: v.line, ...v.evidence })),
    notInDataset: b.vendors.filter((v) => !v.report.matched).map((v) => ({ line: v.line, input: v.input, domain: v.report.domain })),
    skipped: b.skipped,
  };
}

export function batchMain(argv: readonly string[], datasetPath: string, today: string): { code: number; stdout: string; stderr: string } {
  const usage = "usage: lookup --file vendors.txt [--country XX] [--format csv|md|json]   or   lookup <url-or-domain> --format md|json";
  let args: BatchArgs;
  try {
    args = parseBatchArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: `lookup: ${e.message}\n${usage}\n` };
    throw e;
  }
  if (!COUNTRY_CODES.includes(args.country)) return { code: 2, stdout: "", stderr: `lookup: --country ${args.country} is not an assigned ISO 3166-1 country code\n${usage}\n` };
  const parsed: unknown = JSON.parse(readFileSync(datasetPath, "utf8"));
  if (!isCompiledDataset(parsed)) return { code: 1, stdout: "", stderr: `lookup: ${datasetPath} is not a compiled dataset; run npm run build\n` };
  let lines: BatchLine[];
  if (args.file !== null) {
    let text: string;
    try {
      text = readFileSync(args.file, "utf8");
    } catch (e) {
      return { code: 2, stdout: "", stderr: `lookup: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n` };
    }
    lines = readLines(text);
  } else lines = [{ line: 1, input: args.input! }];
  const b = runBatch(parsed, lines, args.country, today);
  const warnings = b.skipped.map((s) => `lookup: ${args.file ?? "input"}:${s.line}: ${s.reason}: ${JSON.stringify(s.text.length > 200 ? `${s.text.slice(0, 200)}…` : s.text)} (skipped)`);
  if (b.vendors.length === 0) {
    return { code: 2, stdout: "", stderr: `${[...warnings, `lookup: nothing could be read${args.file ? ` from ${args.file}` : ""}: no URL or domain`].join("\n")}\n` };
  }
  if (warnings.length > 0) warnings.push(`lookup: ${warnings.length} warning(s): ${warnings.length} line(s) skipped`);
  const stderr = warnings.length > 0 ? `${warnings.join("\n")}\n` : "";
  if (args.file === null) {
    const ev = b.vendors[0]!.evidence;
    return { code: 0, stdout: args.format === "json" ? `${JSON.stringify(ev, null, 2)}\n` : evidenceMarkdown(ev), stderr };
  }
  const stdout = args.format === "csv" ? batchCsv(b) : args.format === "md" ? batchMarkdown(b) : `${JSON.stringify(batchJson(b), null, 2)}\n`;
  return { code: 0, stdout, stderr };
}
