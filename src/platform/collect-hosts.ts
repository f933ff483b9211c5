// The one function the page scan runs inside a page (scripting.executeScript
// serialises it: self-contained, no imports, no closures). It only reads.
// Kept apart from scan.ts so the benchmark can run it without an extension.

/**
 * Runs in the page (serialised by executeScript: self-contained, no closures). Counts one request per
 * Resource Timing entry, plus one per frame, script, image, stylesheet or media source in the DOM whose URL
 * Resource Timing does not list (its buffer is limited, and some loads are not in it). Reads only.
 */
export function collectHosts(max: number): Array<{ host: string; requests: number }> {
  const counts = new Map<string, number>();
  const timed = new Set<string>();
  const add = (raw: string | null | undefined) => {
    if (!raw) return;
    let u: URL;
    try {
      u = new URL(raw, document.baseURI);
    } catch {
      return;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") return;
    const host = u.hostname.toLowerCase();
    if (host === "" || (!counts.has(host) && counts.size >= max)) return;
    counts.set(host, (counts.get(host) ?? 0) + 1);
  };
  add(location.href);
  for (const e of performance.getEntriesByType("resource")) {
    timed.add(e.name);
    add(e.name);
  }
  const selector = "script[src], iframe[src], frame[src], img[src], link[href], source[src], video[src], audio[src], embed[src], object[data]";
  for (const el of Array.from(document.querySelectorAll(selector))) {
    const attr = el.tagName === "LINK" ? "href" : el.tagName === "OBJECT" ? "data" : "src";
    const value = el.getAttribute(attr);
    if (!value) continue;
    let abs: string;
    try {
      abs = new URL(value, document.baseURI).href;
    } catch {
      continue;
    }
    if (!timed.has(abs)) {
      timed.add(abs);
      add(abs);
    }
  }
  return Array.from(counts, ([host, requests]) => ({ host, requests }));
}
