// Page X-ray benchmark: the extension's work to scan a page that loaded 500
// resources — the read-only collection that runs in the page, and the shape
// check and roll-up the popup and the background then do — in Chromium and
// Node. A figure, not a test: `npm run bench` reports it with its target.
//   node bench/xray.mjs            (standalone; npm run bench calls xrayBench)
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { shippedDataset } from "./shipped.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESOURCES = 500;

/** A page that loads RESOURCES images from the fixture web: its own host, ten companies' hosts and two unknown ones. */
function pageHtml(hosts) {
  const tags = [];
  for (let i = 0; i < RESOURCES; i++) tags.push(`<img src="http://${hosts[i % hosts.length]}/r/${i}.gif" alt="" width="1" height="1">`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>500 resources</title><script>performance.setResourceTimingBufferSize(1000)</script></head><body>${tags.join("")}</body></html>`;
}

/** `figure(group, name, stats, unit, target, note)` and `stats(values)` come from bench/run.mjs. */
export async function xrayBench({ figure, stats, quick = false }) {
  const outfile = path.join(ROOT, ".cache/bench/xray.mjs");
  await esbuild.build({ entryPoints: [path.join(ROOT, "bench/xray-entry.ts")], outfile, bundle: true, platform: "node", format: "esm", logLevel: "silent" });
  const x = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  const ds = await shippedDataset(path.join(ROOT, "dist/chrome"), x);
  const { CHROMIUM, tmpProfile, removeDir, launchChromium } = await import("../test/e2e/harness.mjs");
  const { startServer, SITES } = await import("../test/e2e/server.mjs");
  const assetHosts = Object.keys(SITES).filter((h) => SITES[h].asset);
  const rounds = quick ? 5 : 30;

  // In the page (Chromium): the collection itself, as executeScript runs it.
  let scans = [];
  const inPage = [];
  if (fs.existsSync(CHROMIUM)) {
    const srv = await startServer();
    const dir = tmpProfile("bench-xray-");
    const ctx = await launchChromium({ extPath: path.join(ROOT, "dist/chrome"), port: srv.port, hosts: Object.keys(SITES), userDataDir: dir });
    try {
      const page = await ctx.browser.newPage();
      await page.goto("http://www.example.net/");
      await page.setContent(pageHtml(["www.example.net", ...assetHosts]), { waitUntil: "load" });
      const source = x.collectHosts.toString();
      for (let r = 0; r < rounds + 3; r++) {
        const got = await page.evaluate(`(() => { const f = ${source}; const t = performance.now(); const hosts = f(5000); return { ms: performance.now() - t, hosts }; })()`);
        if (r >= 3) inPage.push(got.ms);
        scans = got.hosts;
      }
    } finally {
      await ctx.browser.close();
      await removeDir(dir);
      await srv.close();
    }
  }
  if (scans.length === 0) {
    // No browser: the same shape, built here, so the roll-up is still measured.
    const counts = new Map();
    for (let i = 0; i < RESOURCES; i++) { const h = ["www.example.net", ...assetHosts][i % (assetHosts.length + 1)]; counts.set(h, (counts.get(h) ?? 0) + 1); }
    scans = [...counts].map(([host, requests]) => ({ host, requests }));
  }
  const requests = scans.reduce((n, s) => n + s.requests, 0);

  // In the popup and the background (Node): shape check, then the roll-up for a French user.
  const rollupMs = [];
  for (let r = 0; r < rounds + 3; r++) {
    const t = process.hrtime.bigint();
    const hosts = x.parseScan(JSON.parse(JSON.stringify(scans)));
    const result = x.rollup(ds, "http://www.example.net/", hosts, "FR", x.DEFAULT_CONCERNS, ds.version);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (result.totals.requests !== requests) throw new Error("roll-up lost requests");
    if (r >= 3) rollupMs.push(ms);
  }
  const label = `page with ${RESOURCES} resources (${requests} requests seen, ${scans.length} hosts)`;
  if (inPage.length > 0) figure("page x-ray", `in-page collection, ms — ${label}`, stats(inPage), "ms");
  figure("page x-ray", `shape check + roll-up, ms — ${label}`, stats(rollupMs), "ms");
  if (inPage.length > 0) {
    const total = inPage.map((v, i) => v + rollupMs[i]);
    figure("page x-ray", "extension work for the scan (collection + roll-up), ms", stats(total), "ms", { op: "<=", value: 100 }, "messaging between the page, the popup and the worker is not included");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = [];
  const stats = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return { min: s[0], median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, max: s.at(-1), n: s.length };
  };
  const figure = (group, name, s, unit, target) => figures.push({ group, name, ...s, unit, target: target ? `${target.op} ${target.value}` : "", met: target ? s.median <= target.value : null });
  await xrayBench({ figure, stats, quick: process.argv.includes("--quick") });
  for (const f of figures) console.log(`${f.name}: min ${f.min.toFixed(2)} / median ${f.median.toFixed(2)} / max ${f.max.toFixed(2)} ${f.unit}${f.target ? ` (target ${f.target}: ${f.met ? "met" : "MISSED"})` : ""}`);
}
