#!/usr/bin/env node
// `npm run bench`: measures Data Borders' cost and prints every figure with
// its target, as numbers and ratios (min / median / max), then writes
// bench/results/latest.json. Benchmarks are not tests: nothing here fails
// the build; a missed target is reported, with the figure.
//
//   node bench/run.mjs [--quick]     (--quick: fewer rounds, for a smoke run)
import * as esbuild from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const QUICK = process.argv.includes("--quick");
const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, platform: `${os.platform()} ${os.arch()}` }, figures: [] };

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1), n: sorted.length };
}

/** Records a figure. `target` is { op: "<=", value } on the median; `unit` for display. */
function figure(group, name, s, unit, target, note) {
  const met = target ? (target.op === "<=" ? s.median <= target.value : s.median >= target.value) : null;
  results.figures.push({ group, name, unit, ...s, target: target ? `${target.op} ${target.value}` : null, met, note: note ?? null });
}

// ---------------------------------------------------------------- 1. lookup
async function lookupBench() {
  const outfile = path.join(ROOT, ".cache/bench/core.mjs");
  await esbuild.build({ entryPoints: [path.join(ROOT, "bench/core-entry.ts")], outfile, bundle: true, platform: "node", format: "esm", logLevel: "silent" });
  const core = await import(pathToFileURL(outfile).href);
  const ds = JSON.parse(fs.readFileSync(path.join(ROOT, "dist/chrome/data/dataset.json"), "utf8"));
  const urls = core.realisticUrls(ds, 200_000, 20261129);
  // Warm up both paths, then alternate rounds so drift hits both alike.
  const rounds = QUICK ? 3 : 9;
  const ours = [];
  const tldtsOnly = [];
  let sink = 0;
  const runOurs = () => {
    const t = process.hrtime.bigint();
    for (const u of urls) sink += core.matchUrl(ds, u).matched ? 1 : 0;
    return Number(process.hrtime.bigint() - t) / urls.length;
  };
  const runTldts = () => {
    const t = process.hrtime.bigint();
    for (const u of urls) sink += core.getDomain(u) ? 1 : 0;
    return Number(process.hrtime.bigint() - t) / urls.length;
  };
  // Two warm-up rounds, then rounds that alternate which goes first, so JIT and GC timing hit both alike.
  for (let r = -2; r < rounds; r++) {
    const [a, b] = r % 2 === 0 ? [runOurs(), runTldts()] : (([y, x]) => [x, y])([runTldts(), runOurs()]);
    if (r >= 0) { ours.push(a); tldtsOnly.push(b); }
  }
  if (sink === 42) console.log("");
  const ratio = ours.map((a, i) => a / tldtsOnly[i]);
  figure("lookup", "matchUrl, ns per URL (200,000 URLs)", stats(ours), "ns");
  figure("lookup", "tldts.getDomain alone, ns per URL (same URLs)", stats(tldtsOnly), "ns");
  figure("lookup", "matchUrl / tldts.getDomain", stats(ratio), "ratio", { op: "<=", value: 1.5 });

  const profiles = ["US", "FR", "GB", "JP"];
  const perCall = [];
  for (let r = 0; r < (QUICK ? 3 : 7); r++) {
    const t = process.hrtime.bigint();
    let calls = 0;
    for (const s of ds.services) for (const c of profiles) { sink += core.assess(ds, s, { country: c, concerns: core.DEFAULT_CONCERNS }, "2026-11-29").findings.length; calls++; }
    perCall.push(Number(process.hrtime.bigint() - t) / calls / 1000);
  }
  figure("lookup", `assess(), µs per service and profile (${ds.services.length} services × 4 profiles)`, stats(perCall), "µs");
}

// ---------------------------------------------------------------- 2. weight
function weight() {
  const size = (f) => fs.statSync(path.join(ROOT, f)).size;
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length;
  const one = (name, file, targetGz) => {
    figure("weight", `${name}, minified bytes`, { min: size(file), median: size(file), max: size(file), n: 1 }, "B");
    figure("weight", `${name}, gzip bytes`, { min: gz(file), median: gz(file), max: gz(file), n: 1 }, "B", targetGz ? { op: "<=", value: targetGz } : undefined);
  };
  one("content script", "dist/chrome/content.js", 4096);
  one("background", "dist/chrome/background.js");
  one("popup (without the map)", "dist/chrome/popup.js", 35 * 1024);
  one("details page", "dist/chrome/details.js");
  one("options page", "dist/chrome/options.js");
  one("compiled dataset", "dist/chrome/data/dataset.json");
  one("world map data", "dist/chrome/data/map.json");
  for (const t of ["chrome", "firefox"]) {
    const s = size(`dist/data-borders-${t}.zip`);
    figure("weight", `${t} zip, bytes`, { min: s, median: s, max: s, n: 1 }, "B");
  }
}

// ---------------------------------------------------------------- 3–5. browser
async function browserBench() {
  const { CHROMIUM, tmpProfile, removeDir, sleep } = await import("../test/e2e/harness.mjs");
  if (!fs.existsSync(CHROMIUM)) {
    results.browser = `skipped: ${CHROMIUM} not found (apt-get install chromium)`;
    console.log(`\nBrowser figures skipped: ${CHROMIUM} not found. Install Debian's chromium to measure them.`);
    return;
  }
  const puppeteer = (await import("puppeteer-core")).default;
  const { startServer, HOSTS } = await import("../test/e2e/server.mjs");
  const srv = await startServer();
  const ext = path.join(ROOT, "dist/chrome");
  const rules = [...HOSTS.map((h) => `MAP ${h} 127.0.0.1:${srv.port}`), "MAP * ~NOTFOUND", "EXCLUDE localhost"].join(", ");
  const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,NetworkTimeServiceQuerying", `--host-resolver-rules=${rules}`];
  // Puppeteer is kept away from the service worker so that, once stopped, it restarts on its own.
  const launch = (withExt, dir) => puppeteer.launch({ executablePath: CHROMIUM, headless: true, userDataDir: dir, enableExtensions: withExt, args,
    targetFilter: (t) => t.type() !== "service_worker" });
  const dirs = [tmpProfile("bench-a-"), tmpProfile("bench-b-")];
  const withExt = await launch(true, dirs[0]);
  const without = await launch(false, dirs[1]);
  try {
    const extId = await withExt.installExtension(ext);
    const extUrl = (p) => `chrome-extension://${extId}/${p}`;
    results.browserVersion = await withExt.version();
    // A French user: TikTok is a high concern, so the banner shows on the dataset page.
    const settingsPage = await withExt.newPage();
    await settingsPage.goto(extUrl("options.html"));
    await settingsPage.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true, bannerThreshold: "high" } }));
    await settingsPage.evaluate(() => chrome.storage.session.set({ closedBanners: {} }));

    const N = QUICK ? 10 : 40;
    /** One load of the timing page; returns the load-event time and, where there is one, DOMContentLoaded → banner. */
    const loadOnce = async (page, url, expectBanner) => {
      await page.goto(url, { waitUntil: "load" });
      const t = await page.evaluate(() => ({ load: performance.getEntriesByType("navigation")[0].loadEventStart, dcl: window.__timing.dcl }));
      const banner = expectBanner ? (await page.waitForFunction(() => window.__timing.banner, { timeout: 5000 }).then((h) => h.jsonValue())) - t.dcl : null;
      return { load: t.load, banner };
    };
    for (const [label, url, target, expectBanner] of [["dataset page (www.tiktok.com)", "http://www.tiktok.com/bench", 1.05, true], ["non-dataset page (www.example.net)", "http://www.example.net/bench", 1.01, false]]) {
      const pa = await withExt.newPage();
      const pb = await without.newPage();
      const a = [];
      const b = [];
      const dclToBanner = [];
      // Alternate load by load, so drift and background work hit both browsers alike.
      for (let i = -3; i < N; i++) {
        const x = await loadOnce(pa, url, expectBanner);
        const y = await loadOnce(pb, url, false);
        if (i < 0) continue; // warm-up loads
        a.push(x.load);
        b.push(y.load);
        if (x.banner !== null) dclToBanner.push(x.banner);
      }
      await pa.close();
      await pb.close();
      const sa = stats(a);
      const sb = stats(b);
      figure("page load", `${label}: load event, ms, with extension`, sa, "ms");
      figure("page load", `${label}: load event, ms, without extension`, sb, "ms");
      figure("page load", `${label}: ratio with / without`, { min: sa.min / sb.min, median: sa.median / sb.median, max: sa.max / sb.max, n: sa.n }, "ratio", { op: "<=", value: target },
        "ratios of the minima, medians and maxima");
      if (dclToBanner.length) figure("page load", "DOMContentLoaded → banner mounted, ms", stats(dclToBanner), "ms", { op: "<=", value: 50 });
    }

    // 4. Service worker: stopped → first answered message.
    const page = await withExt.newPage();
    await page.goto(extUrl("options.html"));
    const cdp = await page.createCDPSession();
    await cdp.send("ServiceWorker.enable");
    const wake = [];
    const warm = [];
    for (let i = 0; i < (QUICK ? 5 : 25); i++) {
      await cdp.send("ServiceWorker.stopAllWorkers");
      await sleep(150);
      wake.push(await page.evaluate(async () => {
        const t = performance.now();
        const r = await chrome.runtime.sendMessage({ type: "getDataInfo", payload: {} });
        if (!r?.ok) throw new Error(JSON.stringify(r));
        return performance.now() - t;
      }));
      warm.push(await page.evaluate(async () => {
        const t = performance.now();
        await chrome.runtime.sendMessage({ type: "getDataInfo", payload: {} });
        return performance.now() - t;
      }));
    }
    figure("service worker", "stopped worker → first answered message, ms", stats(wake), "ms", { op: "<=", value: 50 }, "message sent from an extension page; it takes the same path as a content script's");
    figure("service worker", "running worker → answered message, ms", stats(warm), "ms");
    // Heap of the worker after the dataset is loaded (attached by hand, after the measurements).
    const bcdp = await withExt.target().createCDPSession();
    const { targetInfos } = await bcdp.send("Target.getTargets");
    const sw = targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${extId}/`));
    if (sw) {
      const { sessionId } = await bcdp.send("Target.attachToTarget", { targetId: sw.targetId, flatten: true });
      const s = bcdp.connection().session(sessionId);
      await s.send("HeapProfiler.collectGarbage").catch(() => undefined);
      const { usedSize } = await s.send("Runtime.getHeapUsage");
      const mb = usedSize / (1024 * 1024);
      figure("service worker", "JS heap used after loading the dataset, MB", { min: mb, median: mb, max: mb, n: 1 }, "MB", { op: "<=", value: 10 });
    }

    // 5. Popup: open → verdict rendered.
    await page.evaluateOnNewDocument(() => {
      window.__verdictAt = null;
      window.__firstRender = null;
      new MutationObserver(() => {
        if (window.__firstRender === null && document.querySelector("#app > *")) window.__firstRender = performance.now();
        if (window.__verdictAt === null && document.querySelector(".verdict .level")) window.__verdictAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const popup = [];
    const afterScript = [];
    await page.bringToFront(); // a popup is a visible page: let it paint like one
    for (let i = 0; i < (QUICK ? 5 : 30); i++) {
      await page.goto(extUrl(`popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`));
      const t = await page.waitForFunction(() => window.__verdictAt && [window.__verdictAt, window.__firstRender], { timeout: 5000 }).then((h) => h.jsonValue());
      popup.push(t[0]);
      afterScript.push(t[0] - t[1]);
    }
    figure("popup", "open popup page → verdict rendered, ms", stats(popup), "ms", { op: "<=", value: 100 }, "from navigation start: includes starting the page's renderer");
    figure("popup", "popup script's first render → verdict rendered, ms", stats(afterScript), "ms", undefined, "the popup's own work: asking the worker and rendering the report");
  } finally {
    await withExt.close();
    await without.close();
    await srv.close();
    for (const d of dirs) await removeDir(d);
  }
}

function fmt(v, unit) {
  if (unit === "ratio") return v.toFixed(3);
  if (unit === "B") return v.toLocaleString("en");
  return v < 10 ? v.toFixed(2) : v.toFixed(1);
}

function table() {
  const rows = results.figures.map((f) => [f.group, f.name, fmt(f.min, f.unit), fmt(f.median, f.unit), fmt(f.max, f.unit), f.target ?? "", f.met === null ? "" : f.met ? "met" : "MISSED"]);
  const head = ["group", "figure", "min", "median", "max", "target", ""];
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

if (!fs.existsSync(path.join(ROOT, "dist/chrome/manifest.json"))) {
  console.log("dist/chrome is missing: building first (npm run build)…");
  execFileSync(process.execPath, [path.join(ROOT, "build.mjs")], { stdio: "inherit" });
}
await lookupBench();
weight();
await browserBench();
await (await import("./xray.mjs")).xrayBench({ figure, stats, quick: QUICK });
const md = table();
console.log(`\nData Borders benchmarks — ${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}${results.browserVersion ? `, ${results.browserVersion}` : ""}\n`);
console.log(md);
const missed = results.figures.filter((f) => f.met === false);
if (missed.length) console.log(`\n${missed.length} figure(s) missed their target: ${missed.map((f) => f.name).join("; ")}`);
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench/results/latest.json"), `${JSON.stringify({ ...results, table: md }, null, 2)}\n`);
console.log("\nwritten to bench/results/latest.json");
