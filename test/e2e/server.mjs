// The test web: one local server that plays every host the e2e tests visit.
// It answers direct requests (Chromium maps host names to it) and proxied
// absolute-form requests (Firefox uses it as its HTTP proxy), refuses
// CONNECT, and records every request so the tests can prove silence.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/pages");

/** Host → fixture page. Every host here is either in the dataset or deliberately not. */
export const SITES = {
  "www.tiktok.com": { page: "plain.html" },
  "tiktok.com": { page: "plain.html" },
  "www.deepseek.com": { page: "strict-csp.html", csp: "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" },
  "www.temu.com": { page: "important-styles.html" },
  "www.lemon8-app.com": { page: "custom-elements.html" },
  "www.capcut.com": { page: "mutating.html" },
  "www.kuaishou.com": { page: "spa.html" },
  "www.lemonde.fr": { page: "plain.html", paths: { "/xray/": "news.html" } },
  "www.example.net": { page: "other.html", paths: { "/xray/": "news.html" } },
  "tiktok.com.example.net": { page: "other.html" },
  "nottiktok.com": { page: "other.html" },
  // Third parties the news fixture (news.html) loads from: ten companies in the dataset, two domains outside it.
  ...Object.fromEntries([
    "www.googletagmanager.com", "www.google-analytics.com", "securepubads.g.doubleclick.net", "www.youtube-nocookie.com",
    "connect.facebook.net", "static.criteo.net", "cdn.taboola.com", "widgets.outbrain.com", "static.hotjar.com",
    "www.clarity.ms", "c.amazon-adsystem.com", "mc.yandex.ru", "hm.baidu.com",
    "cdn.unlisted-adnetwork.net", "static.example-widgets.org",
  ].map((host) => [host, { asset: true }])),
};

/** Tiny bodies for the third-party assets: an empty script, a 1×1 GIF, a stylesheet, an empty page. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==", "base64");
function asset(pathname) {
  if (/\.m?js$/.test(pathname)) return ["text/javascript", "/* fixture */\n"];
  if (/\.css$/.test(pathname)) return ["text/css", "/* fixture */\n"];
  if (/\.(gif|png)$|\/(collect|pixel|tr)\b/.test(pathname)) return ["image/gif", GIF];
  return ["text/html; charset=utf-8", "<!doctype html><title>embed</title>"];
}

export const HOSTS = Object.keys(SITES);

export function startServer({ port = 0, log = false } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let host = req.headers.host || "";
    let pathname = req.url || "/";
    const proxied = /^https?:\/\//i.test(pathname);
    if (proxied) {
      const u = new URL(pathname);
      host = u.host;
      pathname = u.pathname + u.search;
    }
    const hostname = host.replace(/:\d+$/, "").toLowerCase();
    requests.push({ method: req.method, host: hostname, path: pathname, proxied, origin: req.headers.origin, referer: req.headers.referer, userAgent: req.headers["user-agent"] });
    if (log) console.log("[server]", req.method, hostname, pathname);
    const site = SITES[hostname];
    if (!site) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not served here");
      return;
    }
    if (pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (site.asset) {
      const [type, body] = asset(pathname.replace(/[?#].*$/, ""));
      res.writeHead(200, { "content-type": type, "cache-control": "no-store", "access-control-allow-origin": "*" });
      res.end(body);
      return;
    }
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (site.csp) headers["content-security-policy"] = site.csp;
    res.writeHead(200, headers);
    // /bench on any host is the timing page used by the benchmarks.
    const page = pathname === "/bench" ? "bench.html" : site.paths?.[pathname.replace(/[?#].*$/, "")] ?? site.page;
    res.end(fs.readFileSync(path.join(PAGES, page)));
  });
  server.on("connect", (req, socket) => {
    requests.push({ method: "CONNECT", host: req.url, path: "", proxied: true });
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => {
    resolve({
      port: server.address().port,
      requests,
      /** Requests made by an extension context (its Origin or Referer is an extension URL). */
      extensionRequests: () => requests.filter((r) => /^(chrome|moz)-extension:/.test(r.origin ?? "") || /^(chrome|moz)-extension:/.test(r.referer ?? "")),
      close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
    });
  }));
}
