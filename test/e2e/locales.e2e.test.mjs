// The interface in each language of the catalogue, in Debian's headless
// Chromium started in that language: the popup for TikTok speaks it (level,
// rows, button, a law's short name for a French user) and is screenshotted
// for docs/screenshots/.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, HOSTS } from "./server.mjs";
import { ROOT, CHROMIUM, ARTIFACTS, requireBrowser, launchChromium, tmpProfile, removeDir, openExtensionPage, poll } from "./harness.mjs";
import { catalogue, LANGS } from "../../tools/i18n/catalogue.mjs";

const EXT = path.join(ROOT, "dist/chrome");
const run = requireBrowser(CHROMIUM, "chromium");
// Chromium speaks a language only with its locale file (Debian: chromium-l10n).
const LOCALES = path.join(path.dirname(CHROMIUM), "locales");
let srv;

after(async () => {
  await srv?.close();
});

for (const lang of LANGS) {
  test(`popup for TikTok in ${lang}; screenshot`, { skip: !run, timeout: 60000 }, async () => {
    assert.ok(fs.existsSync(path.join(EXT, "manifest.json")), "dist/chrome is missing: run npm run build first");
    if (lang !== "en") assert.ok(fs.existsSync(path.join(LOCALES, `${lang}.pak`)), `${LOCALES}/${lang}.pak is missing: install the Debian package "chromium-l10n" (apt-get install chromium-l10n)`);
    srv ??= await startServer();
    const profile = tmpProfile(`db-chromium-${lang}-`);
    const ctx = await launchChromium({ extPath: EXT, port: srv.port, hosts: HOSTS, userDataDir: profile, lang });
    try {
      // A user in France, whatever the language, so the four screenshots show the same verdict.
      await ctx.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
      assert.equal(await ctx.worker.evaluate(() => chrome.i18n.getUILanguage().slice(0, 2)), lang);
      const m = catalogue(lang);
      const shot = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`), () => document.querySelector(".answer h1")?.textContent?.includes("TikTok"));
      await shot.setViewport({ width: 380, height: 600 });
      const text = await shot.$eval("main", (el) => el.innerText);
      for (const key of ["levelHigh", "popupStoredIn", "popupRunBy", "popupWhoCanDemand", "popupLatest", "popupFullReport"]) assert.ok(text.includes(m[key]), `${lang}: "${m[key]}" (${key}) is on the popup`);
      assert.equal(await shot.evaluate(() => document.documentElement.lang.slice(0, 2)), lang);
      assert.equal(await shot.evaluate(() => document.documentElement.scrollWidth <= 380), true, "no horizontal scroll at 380 px");
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await poll(shot, () => [...document.images].every((i) => i.complete));
      await shot.screenshot({ path: path.join(ARTIFACTS, `popup-tiktok-${lang}-chromium.png`), fullPage: true });
      await shot.close();
    } finally {
      await ctx.browser.close();
      await removeDir(profile);
    }
  });
}
