// `lookup --hosts <file>`: the Page X-ray on the command line. The file lists
// the host names a page sent requests to, one per line (URLs are accepted too,
// e.g. from a HAR export); each line counts as one request. Bad lines are
// reported with their number and skipped. Same roll-up as the extension.
//   node dist/tools/lookup.js --hosts hosts.txt [<page-url>] [--country XX] [--json]
import { readFileSync } from "node:fs";
import { DEFAULT_CONCERNS } from "../src/core/assess";
import { isCompiledDataset } from "../src/core/dataset";
import { normaliseInput, webHost } from "../src/core/match";
import { countryName, levelMessageKey, type Translate } from "../src/core/text";
import { MAX_SCAN_HOSTS, isScanHost, type ScanHost } from "../src/core/scan-shape";
import { rollup, type Xray } from "../src/core/xray";
import { requestsText, xraySummary } from "../src/core/xray-text";
import { MESSAGES } from "./i18n/messages.mjs";

export const HOSTS_USAGE = "usage: lookup --hosts <file> [<page-url>] [--country XX] [--json]";

class HostsUsageError extends Error {}

export interface HostsArgs {
  file: string;
  page: string | null;
  country: string;
  json: boolean;
}

export function parseHostsArgs(argv: readonly string[]): HostsArgs {
  let file: string | undefined;
  let page: string | null = null;
  let country = "US";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf("=");
    const [name, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (name === "--json") json = true;
    else if (name === "--hosts") {
      const v = value();
      if (!v) throw new HostsUsageError("--hosts needs a file (one host name per line)");
      file = v;
    } else if (name === "--country") {
      const v = value();
      if (v === undefined || !/^[A-Za-z]{2}$/.test(v)) throw new HostsUsageError(`--country needs a two-letter country code (ISO 3166-1), got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
      country = v.toUpperCase();
    } else if (a.startsWith("--")) throw new HostsUsageError(`unknown option ${JSON.stringify(a)}`);
    else if (page === null) {
      const url = normaliseInput(a);
      if (url === null || webHost(url) === null) throw new HostsUsageError(`not a page URL or host name: ${JSON.stringify(a.slice(0, 200))}`);
      page = url;
    } else throw new HostsUsageError(`expected at most one page URL, got a second argument ${JSON.stringify(a)}`);
  }
  if (file === undefined) throw new HostsUsageError("--hosts needs a file (one host name per line)");
  return { file, page, country, json };
}

export interface HostLines {
  hosts: ScanHost[];
  skipped: Array<{ line: number; text: string; reason: string }>;
}

/** One host (or URL) per line; blank lines and # comments are ignored; anything else that is not a host is skipped. */
export function parseHostLines(text: string): HostLines {
  const counts = new Map<string, number>();
  const skipped: HostLines["skipped"] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    // A URL (with a scheme), or a bare host name with an optional port: nothing else.
    const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(line) ? webHost(line) : /^[A-Za-z0-9_.-]+(:\d{1,5})?$/.test(line) ? webHost(`https://${line}/`) : null;
    if (host === null || !isScanHost({ host, requests: 1 })) {
      skipped.push({ line: i + 1, text: line.length > 120 ? `${line.slice(0, 120)}…` : line, reason: "not a host name or http(s) URL" });
      return;
    }
    if (!counts.has(host) && counts.size >= MAX_SCAN_HOSTS) {
      skipped.push({ line: i + 1, text: line, reason: `more than ${MAX_SCAN_HOSTS} distinct hosts` });
      return;
    }
    counts.set(host, (counts.get(host) ?? 0) + 1);
  });
  return { hosts: [...counts].map(([host, requests]) => ({ host, requests })), skipped };
}

const t: Translate = (key, subs = []) => {
  const m = (MESSAGES as Record<string, [string, string]>)[key]?.[0] ?? key;
  return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
};

export function humanXray(x: Xray, hasPage: boolean): string {
  const cn = (c: string) => (c === "unknown" ? "not stated" : `${countryName(c, "en")} (${c})`);
  const lines = [xraySummary(x, t, "en"), `For a user in ${cn(x.country)}; ${x.totals.hosts} hosts, ${requestsText(x.totals.requests, t, "en")}.`];
  if (hasPage && x.firstParty.domain) lines.push(`First party, shown apart: ${x.firstParty.domain}${x.firstParty.service ? ` (${x.firstParty.service.name})` : ""}, ${requestsText(x.firstParty.requests, t, "en")}.`);
  if (x.companies.length > 0) lines.push("", "Companies:");
  for (const c of x.companies) {
    lines.push(`  ${c.name} — controlled from ${cn(c.controlledFrom)} — ${t(levelMessageKey(c.level))} — ${requestsText(c.requests, t, "en")}`);
    lines.push(`      countries of its chain: ${c.countries.length > 0 ? c.countries.join(", ") : "not stated"}; ${c.services.map((s) => `${s.name} (${s.requests})`).join(", ")}; via ${c.domains.join(", ")}`);
  }
  if (x.unknown.length > 0) {
    lines.push("", "Not in the dataset (counted, no company named):");
    for (const u of x.unknown) lines.push(`  ${u.domain} — ${requestsText(u.requests, t, "en")}`);
  }
  lines.push("", `Dataset ${x.dataVersion}`);
  return lines.join("\n");
}

export function hostsMain(argv: readonly string[], datasetPath: string, today: string): { code: number; stdout: string; stderr: string } {
  let args: HostsArgs;
  let text: string;
  try {
    args = parseHostsArgs(argv);
    try {
      text = readFileSync(args.file, "utf8");
    } catch (e) {
      throw new HostsUsageError(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  } catch (e) {
    if (e instanceof HostsUsageError) return { code: 2, stdout: "", stderr: `lookup: ${e.message}\n${HOSTS_USAGE}\n` };
    throw e;
  }
  const parsed: unknown = JSON.parse(readFileSync(datasetPath, "utf8"));
  if (!isCompiledDataset(parsed)) return { code: 1, stdout: "", stderr: `lookup: ${datasetPath} is not a compiled dataset; run npm run build\n` };
  const { hosts, skipped } = parseHostLines(text);
  const x = rollup(parsed, args.page ?? "", hosts, args.country, DEFAULT_CONCERNS, today);
  const stderr = skipped.map((s) => `lookup: ${args.file}:${s.line}: skipped ${JSON.stringify(s.text)} (${s.reason})\n`).join("");
  const out = args.json
    ? JSON.stringify({ page: args.page, summary: xraySummary(x, t, "en"), ...x, skipped }, null, 2)
    : humanXray(x, args.page !== null);
  return { code: 0, stdout: `${out}\n`, stderr };
}
