// The shape a page scan returns, checked before anything else reads it: the
// scan runs in the page, so its answer is untrusted input. No imports, so the
// popup can check an answer without bundling the dataset code.

/** One host name seen in the page, with the number of requests made to it. */
export interface ScanHost {
  host: string;
  requests: number;
}

/** What the scan may return at most: a page with more distinct hosts is cut, never trusted blindly. */
export const MAX_SCAN_HOSTS = 5000;
const MAX_REQUESTS = 1_000_000;
// URL.hostname's forms: lower-case names (punycode), IPv4, bracketed IPv6.
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?|\[[0-9a-f:.]{2,45}\])$/;

export function isScanHost(v: unknown): v is ScanHost {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const o = v as Record<string, unknown>;
  return Object.keys(o).length === 2 &&
    typeof o.host === "string" && o.host.length <= 253 && HOST.test(o.host) &&
    typeof o.requests === "number" && Number.isInteger(o.requests) && o.requests >= 1 && o.requests <= MAX_REQUESTS;
}

/** Checks what came back from the page (an untrusted context): a list of {host, requests}, or null. */
export function parseScan(raw: unknown): ScanHost[] | null {
  if (!Array.isArray(raw) || raw.length > MAX_SCAN_HOSTS) return null;
  const seen = new Set<string>();
  for (const item of raw) {
    if (!isScanHost(item) || seen.has(item.host)) return null;
    seen.add(item.host);
  }
  return raw as ScanHost[];
}
