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
  "www.shein.com": { page: "plain.html" },
  "www.example.net": { page: "other.html" },
  "tiktok.com.example.net": { page: "other.html" },
  "nottiktok.com": { page: "other.html" },
};

export const HOSTS = Object.keys(SITES);

/** Paths the tests load; a request for anything else on a fixture host was not made by a test. */
const TEST_PATHS = new Set(["/", "/favicon.ico"]);

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
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (site.csp) headers["content-security-policy"] = site.csp;
    res.writeHead(200, headers);
    // /bench on any host is the timing page used by the benchmarks.
    res.end(fs.readFileSync(path.join(PAGES, pathname === "/bench" ? "bench.html" : site.page)));
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
    const what = `${r.method} ${r.host}${r.path}`;
    if (r.method === "CONNECT") out.push(`${what}: an https request`);
    else if (r.method === "NOT-HTTP") out.push(`a connection that is not HTTP (${r.error}) for ${r.host || "an unnamed host"}: an https request`);
    else if (!SITES[r.host]) out.push(`${what}: a host no test visits`);
    else if (EXTENSION.test(r.origin ?? "") || EXTENSION.test(r.referer ?? "")) out.push(`${what}: from an extension context (${r.origin ?? r.referer})`);
    else if (!TEST_PATHS.has(r.path)) out.push(`${what}: a path no test loads`);
  }
  return out;
}
