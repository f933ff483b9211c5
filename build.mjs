#!/usr/bin/env node
// Builds Data Borders: validates and compiles the dataset, bundles every
// extension context with esbuild, writes dist/chrome and dist/firefox from the
// one manifest.json, zips both, and builds the command-line tools. It also
// writes dist/e2e/{chrome,firefox}: the same extension with the content
// script's test signal compiled in, for the end-to-end tests.
//
//   node build.mjs            production build (minified, no source maps)
//   node build.mjs --dev      development build (source maps, not minified)
//   node build.mjs --watch    rebuild on every change under src/, tools/, icons/
//   node build.mjs --data-only [--check | --report]   dataset only
//   node build.mjs --tools-only                        dataset + dist/tools only
//   node build.mjs --data-only --verdicts              docs/verdicts.md, the calibration table
import * as esbuild from "esbuild";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { zipSync } from "fflate";
import { MESSAGES } from "./tools/i18n/messages.mjs";
import { catalogue, LANGS } from "./tools/i18n/catalogue.mjs";
import { coverageHtml } from "./tools/coverage-page.mjs";
import { projectAddresses } from "./tools/project-addresses.mjs";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const DEV = args.has("--dev") || args.has("--watch");
const QUIET = args.has("--quiet");
const TARGETS = ["chrome", "firefox"];
const GECKO_ID = "data-borders@data-borders.org";
const log = (...m) => { if (!QUIET) console.log(...m); };

class BuildError extends Error {}

function today() {
  return process.env.DATA_TODAY || new Date().toISOString().slice(0, 10);
}

/** esbuild options shared by every bundle: warnings and unresolved imports fail the build. */
async function bundle(options) {
  const result = await esbuild.build({ bundle: true, logLevel: "silent", legalComments: "none", ...options });
  if (result.warnings.length > 0) {
    const text = await esbuild.formatMessages(result.warnings, { kind: "warning" });
    throw new BuildError(`esbuild warnings are errors here:\n${text.join("\n")}`);
  }
  return result;
}

async function loadDataTools() {
  const out = path.join(ROOT, ".cache/build/data-tools.mjs");
  await bundle({ entryPoints: [path.join(ROOT, "tools/data/index.ts")], outfile: out, platform: "node", format: "esm", target: "node20", packages: "external" });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

function compileDataset(tools) {
  // DATA_BORDERS_DATA_DIR lets the tests point the build at an invalid fixture.
  const result = tools.compileData(process.env.DATA_BORDERS_DATA_DIR || path.join(ROOT, "src/data"), today());
  if (result.errors.length > 0) {
    const lines = result.errors.map((e) => `  ✗ ${tools.formatProblem(e)}`);
    throw new BuildError(`the dataset has ${result.errors.length} error(s):\n${lines.join("\n")}`);
  }
  return result;
}

function writeFile(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** The target's _locales, written from the message tables: the build writes nothing into the source tree. */
function writeLocales(out) {
  for (const lang of LANGS) {
    const messages = Object.fromEntries(Object.entries(catalogue(lang)).map(([k, v]) => [k, { message: v }]));
    writeFile(path.join(out, "_locales", lang, "messages.json"), `${JSON.stringify(messages, null, 2)}\n`);
  }
}

function readPackage() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
}

function packageVersion() {
  return readPackage().version;
}

function manifestFor(target, patterns) {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  m.version = packageVersion();
  m.host_permissions = patterns;
  m.content_scripts = [{ matches: patterns, js: ["content.js"], run_at: "document_idle", all_frames: false }];
  if (target === "chrome") {
    m.background = { service_worker: "background.js" };
    m.minimum_chrome_version = "120"; // the bundles' target; storage.session and the popover API are there

  } else {
    m.background = { scripts: ["background.js"] };
    m.browser_specific_settings = {
      // data_collection_permissions (nothing is collected) needs Firefox 140, and 142 on Android.
      gecko: { id: GECKO_ID, strict_min_version: "140.0", data_collection_permissions: { required: ["none"] } },
      gecko_android: { strict_min_version: "142.0" },
    };
  }
  return m;
}

const ENTRIES = {
  background: "src/background/index.ts",
  content: "src/content/index.ts",
  popup: "src/popup/index.tsx",
  details: "src/details/index.tsx",
  options: "src/options/index.tsx",
  welcome: "src/welcome/index.tsx",
};

/**
 * The dataset ships split (src/core/dataset-split.ts): data/index.json, read
 * when the worker starts, and data/shards/N.json by category, at most this
 * many services each, read when a report needs them.
 */
const SHARD_SIZE = 64;

// The popup is a classic script too: opened on every click, it starts faster as one file than as a
// graph of modules (measured with the benchmark: about 65 ms of a 230–300 ms open). Its request letter,
// imported dynamically, is bundled in but evaluated only when opened.
const SCRIPTS = ["background", "content", "popup"];
const PAGES = ["details", "options", "welcome"];
const STATIC = ["popup", ...PAGES].map((p) => `${p}.html`);

/**
 * One extension build. `e2e` makes the instrumented copy the end-to-end tests
 * load (dist/e2e/<target>, not zipped): the same code with __E2E__ true, so
 * the content script marks on the page when it has applied an answer.
 */
async function buildTarget(target, dataFiles, patterns, mapJson, countries, { e2e = false } = {}) {
  const out = path.join(ROOT, "dist", ...(e2e ? ["e2e", target] : [target]));
  fs.rmSync(out, { recursive: true, force: true });
  const shared = {
    outdir: out,
    target: target === "chrome" ? "chrome120" : "firefox140",
    minify: !DEV,
    sourcemap: DEV ? "linked" : false,
    jsx: "automatic",
    jsxImportSource: "preact",
    define: {
      __BROWSER__: JSON.stringify(target),
      __PROJECT_BUGS__: JSON.stringify(projectAddresses(readPackage()).bugs),
      __PROJECT_HOMEPAGE__: JSON.stringify(projectAddresses(readPackage()).homepage),
      __E2E__: JSON.stringify(e2e),
    },
    loader: { ".css": "css" },
  };
  const entries = (names) => Object.fromEntries(names.map((name) => [name, path.join(ROOT, ENTRIES[name])]));
  // The worker, the content script and the popup are classic scripts, each self-contained.
  await bundle({ ...shared, entryPoints: entries(SCRIPTS), format: "iife" });
  // The other pages are ES modules sharing chunks (Preact and the report views are read once, not once per page).
  await bundle({ ...shared, entryPoints: entries(PAGES), format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]" });
  for (const file of STATIC) {
    const html = fs.readFileSync(path.join(ROOT, "src/ui", file), "utf8");
    const script = `<script src="${file.replace(/\.html$/, ".js")}"></script>`;
    if (!html.includes(script)) throw new BuildError(`src/ui/${file} should load its script with ${script}`);
    const isModule = PAGES.includes(file.replace(/\.html$/, ""));
    fs.writeFileSync(path.join(out, file), isModule ? html.replace(script, script.replace("<script ", '<script type="module" ')) : html);
  }
  fs.copyFileSync(path.join(ROOT, "src/ui/styles.css"), path.join(out, "styles.css"));
  writeFile(path.join(out, "coverage.html"), coverageHtml(fs.readFileSync(path.join(ROOT, "docs/data-coverage.md"), "utf8"), { title: MESSAGES.coverageTitle[0] }));
  for (const size of [16, 32, 48, 128]) {
    fs.mkdirSync(path.join(out, "icons"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, `icons/icon-${size}.png`), path.join(out, `icons/icon-${size}.png`));
  }
  writeLocales(out);
  for (const cc of countries) {
    const flag = flagFile(cc);
    if (flag) writeFile(path.join(out, "flags", `${cc.toLowerCase()}.svg`), flag);
  }
  for (const [file, text] of Object.entries(dataFiles)) writeFile(path.join(out, file), text);
  writeFile(path.join(out, "data/map.json"), mapJson);
  writeFile(path.join(out, "manifest.json"), `${JSON.stringify(manifestFor(target, patterns), null, 2)}\n`);
  if (!e2e) zipDir(out, path.join(ROOT, "dist", `data-borders-${target}.zip`));
}

/**
 * The flag shipped for a country: the smaller of flag-icons' SVG and an SVG
 * wrapping the committed 32×24 rendering (icons/flags, see
 * tools/render-flags.mjs). Shown at 16×12, a coat of arms is a few pixels:
 * some SVGs weigh tens of kilobytes for it. Null when there is no flag.
 */
function flagFile(cc) {
  const name = cc.toLowerCase();
  const svgPath = path.join(path.dirname(require.resolve("flag-icons/flags/4x3/fr.svg")), `${name}.svg`);
  const pngPath = path.join(ROOT, "icons/flags", `${name}.png`);
  const candidates = [];
  if (fs.existsSync(svgPath)) candidates.push(fs.readFileSync(svgPath, "utf8"));
  if (fs.existsSync(pngPath)) {
    const data = fs.readFileSync(pngPath).toString("base64");
    candidates.push(`<svg xmlns="http://www.w3.org/2000/svg" width="32" height="24" viewBox="0 0 32 24"><image width="32" height="24" href="data:image/png;base64,${data}"/></svg>`);
  }
  return candidates.sort((a, b) => a.length - b.length)[0] ?? null;
}

function zipDir(dir, zipFile) {
  const files = {};
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".map")) files[path.relative(dir, full).split(path.sep).join("/")] = [fs.readFileSync(full), { mtime: new Date("2026-01-01T00:00:00Z") }];
    }
  };
  walk(dir);
  fs.writeFileSync(zipFile, zipSync(files, { level: 9 }));
}

async function buildTools(dataset) {
  const out = path.join(ROOT, "dist/tools");
  await bundle({ entryPoints: [path.join(ROOT, "tools/lookup.ts")], outfile: path.join(out, "lookup.js"), platform: "node", format: "esm", target: "node20", banner: { js: "#!/usr/bin/env node" } });
  writeFile(path.join(out, "dataset.json"), JSON.stringify(dataset));
}

async function buildAll() {
  const started = Date.now();
  const tools = await loadDataTools();
  const { dataset, warnings, gaps } = compileDataset(tools);
  if (args.has("--check")) {
    for (const w of warnings) console.log(`  ! ${tools.formatProblem(w)}`);
    for (const g of gaps) console.log(`  ✗ ${tools.formatProblem(g)}`);
    const counts = `${dataset.services.length} services, ${Object.keys(dataset.entities).length} entities, ${dataset.laws.length} laws, ${Object.keys(dataset.groups).length} groups; ${warnings.length} warning(s)`;
    if (gaps.length > 0) throw new BuildError(`the dataset is valid but has ${gaps.length} gap(s) to close (above): ${counts}`);
    console.log(`dataset OK: ${counts}`);
    return;
  }
  if (args.has("--report")) {
    const ranking = tools.readRanking(ROOT);
    // As of the dataset's own date, not the clock: the committed report (shipped as the coverage page) changes
    // with the data only, and a test can regenerate it byte for byte on any later day.
    const asOf = tools.compileData(process.env.DATA_BORDERS_DATA_DIR || path.join(ROOT, "src/data"), dataset.version);
    const md = tools.coverageMarkdown(asOf.dataset, { warnings: asOf.warnings, gaps: asOf.gaps, ranking, depthScope: tools.readDepthScope(ROOT) });
    writeFile(path.join(ROOT, "docs/data-coverage.md"), md);
    console.log(md.split("\n## Services")[0]);
    console.log("written to docs/data-coverage.md");
    return;
  }
  if (args.has("--verdicts")) {
    writeFile(path.join(ROOT, "docs/verdicts.md"), tools.verdictsMarkdown(dataset));
    console.log("written to docs/verdicts.md");
    return;
  }
  if (args.has("--data-only")) return;
  await buildTools(dataset);
  if (args.has("--tools-only")) return;
  const patterns = tools.matchPatterns(dataset);
  const countries = tools.countriesNamed(dataset);
  const topology = JSON.parse(fs.readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
  const mapJson = JSON.stringify(tools.buildWorldMap(topology));
  // The extension ships the runtime shape (fields no view reads dropped, group reach resolved); dist/tools keeps the full one.
  // Split once (src/core/dataset-split.ts): the same files go into every target.
  const { index, shards } = tools.splitDataset(tools.runtimeDataset(dataset), SHARD_SIZE);
  const dataFiles = { "data/index.json": JSON.stringify(index), ...Object.fromEntries(shards.map((shard, n) => [`data/shards/${n}.json`, JSON.stringify(shard)])) };
  for (const target of TARGETS) await buildTarget(target, dataFiles, patterns, mapJson, countries);
  for (const target of TARGETS) await buildTarget(target, dataFiles, patterns, mapJson, countries, { e2e: true });
  log(`built dist/chrome, dist/firefox, their zips and the end-to-end copies in dist/e2e (${dataset.services.length} services, ${patterns.length} host patterns, dataset ${dataset.version} ${dataset.hash}) in ${Date.now() - started} ms`);
}

async function main() {
  try {
    await buildAll();
  } catch (e) {
    if (!args.has("--watch")) {
      console.error(`build failed: ${e instanceof BuildError ? e.message : e?.stack ?? e}`);
      process.exit(1);
    }
    console.error(`build failed: ${e instanceof BuildError ? e.message : e?.stack ?? e}`);
  }
  if (!args.has("--watch")) return;
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildAll().catch((e) => console.error(`build failed: ${e.message ?? e}`)), 150);
  };
  for (const dir of ["src", "tools", "icons"]) {
    fs.watch(path.join(ROOT, dir), { recursive: true }, (_event, file) => {
      if (file) rebuild();
    });
  }
  fs.watch(path.join(ROOT, "manifest.json"), rebuild);
  log("watching src/, tools/, icons/ and manifest.json for changes…");
}

await main();
