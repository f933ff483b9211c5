// Maps a URL to the dataset service it belongs to. Exact on registrable
// domains (Public Suffix List via tldts) plus declared host overrides: a host
// that merely contains or ends with a brand string never matches.
import { getDomain } from "tldts-icann";
import type { CompiledDataset } from "./dataset";

export type NoMatchReason = "invalid" | "not-web" | "ip" | "no-domain" | "unlisted";

export type Match =
  | { matched: true; serviceIndex: number; host: string; domain: string }
  | { matched: false; reason: NoMatchReason; host: string | null; domain: string | null };

export type DomainIndex = Pick<CompiledDataset, "domains" | "hosts">;

const MAX_URL_LENGTH = 8192;
// Hosts made only of these characters need no IDNA or percent-decoding, so
// the cheap path below gives the same answer as the WHATWG parser.
const PLAIN_WEB_URL = /^https?:\/\/([a-z0-9.-]+)(?::\d{1,5})?(?:[/?#]|$)/;
const WEB_SCHEME = /^\s*https?:/i;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The host name of a web URL, lower-cased, punycoded and without trailing
 * dots; null for anything that is not an http(s) URL. Never throws.
 */
export function webHost(input: unknown): string | null {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_URL_LENGTH) return null;
  // Fast path: the common, already-normalised form the browser hands us.
  const plain = PLAIN_WEB_URL.exec(input);
  if (plain) return trimDots(plain[1]!);
  // Anything that does not start like a web URL is not one: skip the (throwing, slow) full parser.
  if (!WEB_SCHEME.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return trimDots(url.hostname);
}

function trimDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46 /* . */) end--;
  return end === host.length ? host : host.slice(0, end);
}

/**
 * Accepts what a person would type: a full URL, or a bare host name such as
 * "www.tiktok.com" or "tiktok.com/@x". Returns a URL string or null.
 */
export function normaliseInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || /\s/.test(trimmed)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(\/|$)/.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const TLDTS_OPTIONS = { extractHostname: false, validateHostname: true, detectIp: true } as const;

function matchLowerHost(index: DomainIndex, host: string): Match {
  if (host === "") return { matched: false, reason: "invalid", host: null, domain: null };
  const last = host.charCodeAt(host.length - 1);
  if (host.charCodeAt(0) === 91 /* [ */ || (last >= 48 && last <= 57 && IPV4.test(host))) return { matched: false, reason: "ip", host, domain: null };
  const domain = getDomain(host, TLDTS_OPTIONS);
  if (!domain) return { matched: false, reason: "no-domain", host, domain: null };
  // Host overrides: the host itself or any parent of it down to the registrable domain.
  if (host.length > domain.length && hostParents(index).has(domain)) {
    let h = host;
    while (h.length > domain.length) {
      if (hasOwn.call(index.hosts, h)) return { matched: true, serviceIndex: index.hosts[h]!, host, domain };
      h = h.slice(h.indexOf(".") + 1);
    }
  }
  if (hasOwn.call(index.hosts, domain)) return { matched: true, serviceIndex: index.hosts[domain]!, host, domain };
  if (hasOwn.call(index.domains, domain)) return { matched: true, serviceIndex: index.domains[domain]!, host, domain };
  return { matched: false, reason: "unlisted", host, domain };
}

// The last index seen and its parents: one dataset is in use at a time, and an
// identity check is cheaper than a WeakMap lookup on this hot path.
let parentsOf: object | undefined;
let parents = new Set<string>();

/** Registrable domains under which some host override exists (so most lookups skip the walk). */
function hostParents(index: DomainIndex): Set<string> {
  if (parentsOf !== index.hosts) {
    parents = new Set();
    for (const h of Object.keys(index.hosts)) {
      const d = getDomain(h, TLDTS_OPTIONS);
      if (d) parents.add(d);
    }
    parentsOf = index.hosts;
  }
  return parents;
}

/** The dataset service for a URL, or the reason there is none. Never throws. */
export function matchUrl(index: DomainIndex, url: unknown): Match {
  const host = webHost(url);
  if (host === null) {
    const reason: NoMatchReason = typeof url === "string" && /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url) ? "not-web" : "invalid";
    return { matched: false, reason, host: null, domain: null };
  }
  return matchLowerHost(index, host); // webHost's hosts are already lower-case
}
