#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure:
// type check, lint, unused exports and dependencies, production build (which
// must change no tracked file: under CI, git status must be clean), web-ext lint (Firefox build), unit tests (jest), build checks (manifests,
// permissions), and the end-to-end tests in real Chromium and Firefox.
// Prints "N passed, N failed" last.
//
// DATA_BORDERS_SKIP_E2E=1 skips the browser tests when a browser is missing
// (CI never sets it: there, a missing browser is a failure).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = path.join(ROOT, ".cache");
for (const dir of ["tmp", "config", "cache"]) fs.mkdirSync(path.join(CACHE, dir), { recursive: true });
// Browsers, swc and jest write under ~/.config, ~/.cache and /tmp: keep it all inside the checkout.
const env = {
  ...process.env,
  TMPDIR: path.join(CACHE, "tmp"),
  XDG_CONFIG_HOME: path.join(CACHE, "config"),
  XDG_CACHE_HOME: path.join(CACHE, "cache"),
  NO_UPDATE_NOTIFIER: "1",
  FORCE_COLOR: "0",
};
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);
let passed = 0;
let failed = 0;

function run(label, cmd, args, { parse } = {}) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const relay = (stream, target) => stream.on("data", (d) => { out += d; target.write(d); });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on("close", (code) => {
      if (parse) {
        const counts = parse(out);
        passed += counts.passed;
        failed += counts.failed;
      }
      if (code !== 0) {
        if (!parse) failed++;
        finish(`${label} failed (exit ${code})`);
      }
      resolve();
    });
  });
}

function finish(message) {
  if (message) console.error(`\n✗ ${message}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(message || failed > 0 ? 1 : 0);
}

/** `git status` of the checkout, or null outside a git work tree (a release tarball). */
function gitStatus() {
  const r = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout : null;
}

/**
 * Generated files are committed (or written to dist/ only): the build must leave the tree as it found it.
 * Under CI (a fresh clone, already built by .ci/run) the tree must be exactly clean.
 */
function checkTreeUnchanged(before) {
  console.log("\n▶ the build wrote nothing into the source tree");
  const after = gitStatus();
  if (before === null || after === null) {
    console.log("  not a git checkout: skipped");
    return;
  }
  const changed = process.env.CI ? after : after.split("\n").filter((l) => l && !before.split("\n").includes(l)).join("\n");
  if (changed.trim() === "") {
    passed++;
    return;
  }
  failed++;
  finish(`uncommitted generated changes:\n${changed}\n(commit what a generator wrote, or make it write to dist/)`);
}

const nodeTestCounts = (out) => ({
  passed: Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0),
  failed: Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0),
});
// A test file that crashes while loading has no tests in jest's count: each counts as one failure here.
const jestCounts = (out) => ({
  passed: Number(/Tests:.*?(\d+) passed/.exec(out)?.[1] ?? 0),
  failed: Number(/Tests:.*?(\d+) failed/.exec(out)?.[1] ?? 0) + (out.match(/● Test suite failed to run/g)?.length ?? 0),
});

await run("type check (tsc --noEmit)", bin("tsc"), ["--noEmit"]);
await run("lint (eslint)", bin("eslint"), ["."]);
await run("unused exports and dependencies", process.execPath, ["tools/unused.mjs"]);
const treeBefore = gitStatus();
await run("build (production)", process.execPath, ["build.mjs"]);
checkTreeUnchanged(treeBefore);
await run("web-ext lint on dist/firefox", bin("web-ext"), ["lint", "--source-dir", "dist/firefox", "--no-config-discovery"]);
await run("unit tests (jest)", bin("jest"), ["--config", "jest.config.cjs", "--ci"], { parse: jestCounts });
await run("build checks", process.execPath, ["--test", "--test-reporter=tap", "test/build/manifest.test.mjs", "test/build/addresses.test.mjs", "test/build/android.test.mjs"], { parse: nodeTestCounts });

const browsers = [["/usr/lib/chromium/chromium", "chromium", process.env.CHROMIUM_BIN], ["/usr/bin/firefox-esr", "firefox-esr", process.env.FIREFOX_BIN]];
const missing = browsers.filter(([def, , override]) => !fs.existsSync(override || def));
if (missing.length > 0 && process.env.DATA_BORDERS_SKIP_E2E !== "1") {
  finish(`browser tests need Debian's ${missing.map(([, pkg]) => pkg).join(" and ")}: apt-get install ${missing.map(([, pkg]) => pkg).join(" ")} (or set DATA_BORDERS_SKIP_E2E=1 to skip them)`);
}
if (process.env.DATA_BORDERS_SKIP_E2E === "1") {
  console.log("\n▶ end-to-end tests skipped (DATA_BORDERS_SKIP_E2E=1)");
} else {
  await run("end-to-end tests (Chromium, Firefox)", process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=tap", "test/e2e/chromium.e2e.test.mjs", "test/e2e/firefox.e2e.test.mjs", "test/e2e/first-use.e2e.test.mjs", "test/e2e/next-steps.e2e.test.mjs", "test/e2e/locales.e2e.test.mjs"], { parse: nodeTestCounts });
}
finish();
