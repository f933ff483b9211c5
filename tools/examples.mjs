#!/usr/bin/env node
// `npm run examples`: regenerates docs/examples/ from the built extension and
// the lookup command (run after `npm run build`, which the npm script does):
//   tiktok-FR.md     the evidence report of TikTok for a user in France (lookup --format md)
//   tiktok-FR.pdf    the details page of the same report, printed by headless Chromium
//   vendors-FR.csv   the batch lookup of docs/examples/vendors.txt (20 lines, two of them bad)
//   vendors-FR.md    the same batch as Markdown
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, launchChromium, openExtensionPage, removeDir, tmpProfile } from "../test/e2e/harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "docs/examples");
const LOOKUP = path.join(ROOT, "dist/tools/lookup.js");

function lookup(args, file) {
  const r = spawnSync(process.execPath, [LOOKUP, ...args], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lookup ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  fs.writeFileSync(path.join(OUT, file), r.stdout);
  console.log(`wrote docs/examples/${file}${r.stderr ? ` (warnings: ${r.stderr.trim().split("\n").length})` : ""}`);
}

for (const need of [LOOKUP, path.join(ROOT, "dist/chrome/manifest.json")]) {
  if (!fs.existsSync(need)) throw new Error(`${path.relative(ROOT, need)} is missing: run npm run build first`);
}
fs.mkdirSync(OUT, { recursive: true });
lookup(["tiktok.com", "--country", "FR", "--format", "md"], "tiktok-FR.md");
lookup(["--file", "docs/examples/vendors.txt", "--country", "FR", "--format", "csv"], "vendors-FR.csv");
lookup(["--file", "docs/examples/vendors.txt", "--country", "FR", "--format", "md"], "vendors-FR.md");

if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install the Debian package "chromium" to print the PDF`);
const profile = tmpProfile("db-examples-");
// No host is reachable: the details page needs none (the report comes from the bundled dataset).
const ctx = await launchChromium({ extPath: path.join(ROOT, "dist/chrome"), port: 9, hosts: [], userDataDir: profile });
try {
  await ctx.worker.evaluate(() => globalThis.chrome.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
  const page = await openExtensionPage(ctx.browser, ctx.extUrl(`details.html?url=${encodeURIComponent("https://www.tiktok.com/")}`), () => Boolean(document.querySelector(".evidence-footer")));
  // What the print button does before printing: open the collapsed lists.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  await page.pdf({ path: path.join(OUT, "tiktok-FR.pdf"), format: "A4", margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" }, displayHeaderFooter: false });
  console.log("wrote docs/examples/tiktok-FR.pdf");
} finally {
  await ctx.browser.close();
  await removeDir(profile);
}
