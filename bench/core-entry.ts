// What the lookup benchmark measures, bundled for Node: the real matcher and
// engine, tldts alone for comparison, and a seeded generator of realistic URLs.
export { matchUrl } from "../src/core/match";
export { assess, DEFAULT_CONCERNS } from "../src/core/assess";
export { getDomain } from "tldts-icann";
import type { CompiledDataset } from "../src/core/dataset";

/** Mulberry32: a small, seeded PRNG so every run measures the same URLs. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["news", "shop", "cloud", "mail", "photo", "video", "travel", "bank", "music", "games", "sport", "food", "city", "blog", "tech", "home", "auto", "health", "weather", "maps"];
const TLDS = ["com", "org", "net", "de", "fr", "co.uk", "com.au", "io", "nl", "it", "es", "co.jp", "com.br", "ru", "pl", "ca"];
const SUBS = ["www", "m", "api", "static", "cdn", "app", "login", "img"];
const PATHS = ["/", "/@someone", "/video/7312345678901234567", "/search?q=privacy&lang=en", "/p/abc123?utm_source=x#top", "/en-gb/account/settings", "/watch?v=dQw4w9WgXcQ", "/products/42?ref=home"];
const JUNK = ["about:blank", "chrome://newtab/", "moz-extension://abc/popup.html", "file:///home/user/doc.html", "data:text/html,hi", "javascript:void(0)", "not a url", "", "http://", "https://[::1]:8080/", "http://192.168.1.10/admin", "http://localhost:3000/"];

export function realisticUrls(ds: CompiledDataset, n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const domains = Object.keys(ds.domains);
  const hosts = Object.keys(ds.hosts);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const scheme = r() < 0.9 ? "https://" : "http://";
    if (x < 0.4) out.push(`${scheme}${r() < 0.6 ? `${pick(SUBS)}.` : ""}${pick(domains)}${pick(PATHS)}`);
    else if (x < 0.45) out.push(`${scheme}${pick(hosts)}${pick(PATHS)}`);
    else if (x < 0.7) out.push(`${scheme}${r() < 0.5 ? "www." : ""}${pick(WORDS)}${pick(WORDS)}.${pick(TLDS)}${pick(PATHS)}`);
    else if (x < 0.85) {
      const d = pick(domains);
      out.push(pick([`${scheme}${d}.evil.net/`, `${scheme}my-${d}/`, `${scheme}${d.replace(".", "-")}.ru/login`, `${scheme}${d}.${pick(TLDS)}/`]));
    } else out.push(pick(JUNK));
  }
  return out;
}
export { shardPath, SplitDataset, isDatasetIndex } from "../src/core/dataset-split";
