// The test web: one local server that every request of the browsers under
// test reaches. Chromium resolves every host name to it; Firefox uses it as
// its only proxy, for http and https. It serves the fixture hosts, answers
// 404 for any other host, refuses CONNECT (an https request), and records
// everything, including connections that are not HTTP at all (TLS sent to
// a mapped host), in one log that outlives browser restarts.
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

/** Paths the tests load on every page host; a request for anything else on a fixture host was not made by a test. */
const TEST_PATHS = new Set(["/", "/favicon.ico"]);

/** The third-party addresses the news fixture loads ("host/path"): the only requests an asset host should see. */
const NEWS_ASSETS = new Set(
  [...fs.readFileSync(path.join(PAGES, "news.html"), "utf8").matchAll(/http:\/\/([^/"'\s]+)([^"'\s]*)/g)].map(([, host, p]) => `${host}${p.replaceAll("&amp;", "&")}`),
);

const NEWS_ASSET_HOSTS = new Set([...NEWS_ASSETS].map((a) => a.split("/")[0]));

/** Whether a test loads this path on this fixture host: a page, one of the host's extra pages, or an asset of the news fixture. */
function testPath(host, p) {
  const site = SITES[host];
  if (site.asset) return NEWS_ASSETS.has(`${host}${p}`);
  return TEST_PATHS.has(p) || Object.hasOwn(site.paths ?? {}, p);
}

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
  // Bytes that are not HTTP: in practice a TLS handshake for an https URL that Chromium mapped here.
  server.on("clientError", (err, socket) => {
    // A connection opened ahead of time and left idle sends nothing: no request, nothing to record.
    if (err.code === "ERR_HTTP_REQUEST_TIMEOUT" && !err.rawPacket?.length) return void socket.destroy();
    requests.push({ method: "NOT-HTTP", host: tlsServerName(err.rawPacket) ?? "", path: "", error: err.code ?? String(err) });
    socket.destroy();
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => {
    resolve({
      port: server.address().port,
      requests,
      close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
    });
  }));
}

/** The host name a TLS ClientHello asks for (its SNI extension), or null. */
function tlsServerName(buf) {
  try {
    if (!buf || buf[0] !== 0x16 || buf[5] !== 0x01) return null; // handshake record, ClientHello
    let p = 9 + 2 + 32; // record and handshake headers, client version, random
    p += 1 + buf[p]; // session id
    p += 2 + buf.readUInt16BE(p); // cipher suites
    p += 1 + buf[p]; // compression methods
    const end = p + 2 + buf.readUInt16BE(p);
    p += 2;
    while (p + 4 <= end) {
      const type = buf.readUInt16BE(p);
      const len = buf.readUInt16BE(p + 2);
      if (type === 0) return buf.toString("ascii", p + 9, p + 9 + buf.readUInt16BE(p + 7));
      p += 4 + len;
    }
  } catch {
    // not a ClientHello we can read
  }
  return null;
}

const EXTENSION = /^(chrome|moz)-extension:/;

/**
 * The requests in a server log that break silence: any https attempt
 * (CONNECT or a TLS handshake), any host that is not a fixture, any request
 * from an extension context (its Origin or Referer), and any fixture path a
 * test never loads. Each is described in one line. `browserOwn` names the
 * browser's own service requests, which a browser driver may know of.
 */
export function silenceViolations(requests, browserOwn = () => false) {
  const out = [];
  for (const r of requests) {
    if (browserOwn(r)) continue;
    // The news fixture's page loads some third parties whose names are on the browsers' HSTS preload list
    // (connect.facebook.net, www.google-analytics.com): the browser upgrades those page requests to https.
    // They are the page's, not the extension's; extension contexts are recorded on their own by the drivers.
    if ((r.method === "CONNECT" || r.method === "NOT-HTTP") && NEWS_ASSET_HOSTS.has(r.host.replace(/:443$/, ""))) continue;
    const what = `${r.method} ${r.host}${r.path}`;
    if (r.method === "CONNECT") out.push(`${what}: an https request`);
    else if (r.method === "NOT-HTTP") out.push(`a connection that is not HTTP (${r.error}) for ${r.host || "an unnamed host"}: an https request`);
    else if (!SITES[r.host]) out.push(`${what}: a host no test visits`);
    else if (EXTENSION.test(r.origin ?? "") || EXTENSION.test(r.referer ?? "")) out.push(`${what}: from an extension context (${r.origin ?? r.referer})`);
    else if (!testPath(r.host, r.path)) out.push(`${what}: a path no test loads`);
  }
  return out;
}
