// Page X-ray: the host names a page sent requests to, rolled up by the
// company that ultimately controls each of them, with that company's verdict
// for this user as a recipient of their data. Hosts the dataset does not
// know are counted by registrable domain and never attributed to anyone.
import { getDomain } from "tldts-icann";
import type { CompiledDataset, Entity, Service } from "./dataset";
import { assessContext, levelRank, type Concerns, type Level } from "./assess";
import { serviceContext } from "./context";
import { runFrom } from "./ownership";
import { matchUrl, webHost } from "./match";
import type { ScanHost } from "./scan-shape";

export { MAX_SCAN_HOSTS, isScanHost, parseScan, type ScanHost } from "./scan-shape";

export interface XrayService {
  id: string;
  name: string;
  level: Level;
  requests: number;
}

export interface XrayCompany {
  /** The controlling company's entity id ("service:<id>" when the dataset names no company for it). */
  id: string;
  name: string;
  /** Where the controlling company is run from (operations, else headquarters, else incorporation), or "unknown". */
  controlledFrom: string;
  /** Every country where a company of the chain is incorporated, headquartered or run from: the flags. */
  countries: string[];
  /** The highest verdict level, for this user, among the company's services seen on the page. */
  level: Level;
  requests: number;
  services: XrayService[];
  /** The registrable domains the page reached it through. */
  domains: string[];
}

export interface XrayUnknown {
  /** Registrable domain; the host itself when it has none (an IP address, a single label). */
  domain: string;
  requests: number;
}

export interface Xray {
  url: string;
  country: string;
  dataVersion: string;
  /** The page's own site, shown apart: its registrable domain, its service when listed, and the requests to it. */
  firstParty: { domain: string | null; service: { id: string; name: string } | null; requests: number };
  companies: XrayCompany[];
  unknown: XrayUnknown[];
  /** Companies by the country they are controlled from, most first ("unknown" last). */
  byCountry: Array<{ country: string; companies: number }>;
  totals: { hosts: number; requests: number; companies: number; unknownDomains: number };
}

const CONTROL_PLACES = ["operations", "headquarters", "legalDomicile"] as const;

function chainCountries(chain: readonly Entity[]): string[] {
  const out: string[] = [];
  for (const e of chain) {
    for (const key of CONTROL_PLACES) {
      const p = e[key];
      if (p && p !== "unknown" && !out.includes(p.country)) out.push(p.country);
    }
  }
  return out;
}

interface Bucket {
  company: XrayCompany;
  byService: Map<string, XrayService>;
}

/**
 * The page's third parties, by ultimate controlling company, for one user. `hosts` comes from a scan (or a
 * HAR export in the CLI); the page's own registrable domain and the page's own service are first party.
 */
export function rollup(ds: CompiledDataset, pageUrl: string, hosts: readonly ScanHost[], country: string, concerns: Concerns, today: string): Xray {
  const page = matchUrl(ds, pageUrl);
  const pageDomain = page.domain ?? (webHost(pageUrl) || null);
  const pageService = page.matched ? page.serviceIndex : -1;
  const firstParty = { domain: pageDomain, service: page.matched ? { id: ds.services[pageService]!.id, name: ds.services[pageService]!.name } : null, requests: 0 };
  const buckets = new Map<string, Bucket>();
  const unknown = new Map<string, number>();
  const levels = new Map<number, { level: Level; chain: Entity[] }>();
  let requests = 0;

  const assessed = (index: number) => {
    let a = levels.get(index);
    if (!a) {
      const ctx = serviceContext(ds, ds.services[index]!, country);
      a = { level: assessContext(ds, ctx, concerns, today).level, chain: ctx.chain.map((l) => l.entity) };
      levels.set(index, a);
    }
    return a;
  };

  for (const { host, requests: n } of hosts) {
    requests += n;
    const m = matchUrl(ds, `https://${host}/`);
    const domain = m.domain ?? getDomain(host) ?? host;
    if (domain === pageDomain || (m.matched && m.serviceIndex === pageService)) {
      firstParty.requests += n;
      continue;
    }
    if (!m.matched) {
      unknown.set(domain, (unknown.get(domain) ?? 0) + n);
      continue;
    }
    const service: Service = ds.services[m.serviceIndex]!;
    const { level, chain } = assessed(m.serviceIndex);
    // The ultimate controlling *company*: a person, fund or foundation above it is not the company data goes to.
    const top = [...chain].reverse().find((e) => e.kind === "company") ?? chain.at(-1);
    const key = top ? top.id : `service:${service.id}`;
    let b = buckets.get(key);
    if (!b) {
      b = {
        company: {
          id: key, name: top ? top.name : service.name, controlledFrom: top ? (runFrom(top) ?? "unknown") : "unknown", countries: chainCountries(chain),
          level: "none", requests: 0, services: [], domains: [],
        },
        byService: new Map(),
      };
      buckets.set(key, b);
    }
    const c = b.company;
    c.requests += n;
    if (levelRank(level) > levelRank(c.level)) c.level = level;
    for (const cc of chainCountries(chain)) if (!c.countries.includes(cc)) c.countries.push(cc);
    if (!c.domains.includes(domain)) c.domains.push(domain);
    let s = b.byService.get(service.id);
    if (!s) {
      s = { id: service.id, name: service.name, level, requests: 0 };
      b.byService.set(service.id, s);
      c.services.push(s);
    }
    s.requests += n;
  }

  const companies = [...buckets.values()].map((b) => b.company);
  companies.sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.requests - a.requests || a.name.localeCompare(b.name, "en"));
  for (const c of companies) {
    c.services.sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name, "en"));
    c.domains.sort();
  }
  const unknownList = [...unknown].map(([domain, n]) => ({ domain, requests: n }))
    .sort((a, b) => b.requests - a.requests || a.domain.localeCompare(b.domain, "en"));
  const perCountry = new Map<string, number>();
  for (const c of companies) perCountry.set(c.controlledFrom, (perCountry.get(c.controlledFrom) ?? 0) + 1);
  const byCountry = [...perCountry].map(([cc, n]) => ({ country: cc, companies: n }))
    .sort((a, b) => Number(a.country === "unknown") - Number(b.country === "unknown") || b.companies - a.companies || a.country.localeCompare(b.country));
  return {
    url: pageUrl,
    country,
    dataVersion: `${ds.version}+${ds.hash}`,
    firstParty,
    companies,
    unknown: unknownList,
    byCountry,
    totals: { hosts: hosts.length, requests, companies: companies.length, unknownDomains: unknownList.length },
  };
}

