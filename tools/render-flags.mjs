#!/usr/bin/env node
// Rasterises every flag of flag-icons (4:3) to a 32×24 PNG (the 16×12 flag at
// 2× for high-density screens) in icons/flags/. The build ships these instead
// of the SVGs, some of which carry a detailed coat of arms weighing tens of
// kilobytes that nobody can see at 16×12. Run after updating flag-icons; the
// PNGs are committed, so the build needs no browser.
//   node tools/render-flags.mjs
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const W = 32;
const H = 24;
const flagDir = path.dirname(require.resolve("flag-icons/flags/4x3/fr.svg"));
const outDir = path.join(ROOT, "icons/flags");
fs.mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || "/usr/lib/chromium/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
let total = 0;
let count = 0;
try {
  const page = await browser.newPage();
  for (const name of fs.readdirSync(flagDir).filter((f) => f.endsWith(".svg")).sort()) {
    const svg = fs.readFileSync(path.join(flagDir, name), "utf8");
    // Draw through an <img> on a canvas: the browser's own SVG renderer, with its anti-aliasing.
    const rgba = await page.evaluate(async (text, w, h) => {
      const img = new Image(w, h);
      img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0, w, h);
      return Array.from(ctx.getImageData(0, 0, w, h).data);
    }, svg, W, H);
    const png = encodePng(W, H, Uint8Array.from(rgba));
    fs.writeFileSync(path.join(outDir, name.replace(/\.svg$/, ".png")), png);
    total += png.length;
    count++;
  }
} finally {
  await browser.close();
}
console.log(`icons/flags: ${count} PNGs of ${W}×${H}, ${total.toLocaleString("en")} bytes in all`);
