// End-to-end, in Chromium and Firefox: the alternatives and the request
// letter in the popup (its "Copy" puts the letter on the clipboard, read back
// by pasting into a page), the evidence report's print stylesheet, and the
// popup and banner at a phone's 360 px width (Firefox for Android).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, HOSTS } from "./server.mjs";
import {
  ROOT, CHROMIUM, FIREFOX, ARTIFACTS, requireBrowser, launchChromium, launchFirefox, tmpProfile, removeDir, poll,
  openExtensionPage, expectOneBanner,
} from "./harness.mjs";

const runChromium = requireBrowser(CHROMIUM, "chromium");
const runFirefox = requireBrowser(FIREFOX, "firefox-esr");
const PHONE = { width: 360, height: 740 };
const TIKTOK = `popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`;
let srv;

before(async () => {
  if (runChromium || runFirefox) srv = await startServer();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await srv?.close();
});

/** What the popup shows of the next steps. */
const nextSteps = () => ({
  alternatives: [...document.querySelectorAll(".alternatives .alt")].map((li) => ({
    name: li.querySelector(".alt-name")?.textContent,
    level: li.querySelector(".level")?.className,
    reason: li.querySelector(".alt-reason")?.textContent,
  })),
  none: document.querySelector(".alternatives .alt-none")?.textContent ?? null,
  letter: document.querySelector(".letter-text")?.value ?? "",
  mail: document.querySelector("a.letter-mail")?.getAttribute("href") ?? null,
  form: [...document.querySelectorAll(".letter-to a")].map((a) => a.getAttribute("href")),
});

/** Layout at the current width: the widest box in the page and the document's scroll width. */
const overflow = () => {
  const width = document.documentElement.clientWidth;
  let widest = 0;
  for (const el of document.querySelectorAll("main *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > widest) widest = Math.ceil(r.right);
  }
  return { width, scrollWidth: document.documentElement.scrollWidth, widest };
};

/** The popup page in a new tab already at a phone's width. */
async function openAtWidth(browser, url, viewport) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  await page.goto(url, { waitUntil: [], timeout: 10000 }).catch(() => {});
  await poll(page, () => Boolean(document.querySelector(".alternatives")));
  return page;
}

/** Opens the letter section as a user does: its body is loaded on opening. */
async function openLetter(popup) {
  assert.equal(await popup.evaluate(() => document.querySelector(".letter-text")), null, "the closed letter is not loaded");
  await popup.evaluate(() => { document.querySelector(".request-letter").open = true; });
  await poll(popup, () => Boolean(document.querySelector(".letter-text")?.value));
}

/** Opens the letter, clicks Copy, then pastes into a text field of a web page: the pasted text is what the clipboard holds. */
async function copyAndPaste(browser, popup, pastePage) {
  await popup.bringToFront();
  await popup.evaluate(() => { document.querySelector(".request-letter").open = true; });
  await popup.click(".letter-copy");
  await poll(popup, () => document.querySelector(".letter-actions [role=status]")?.textContent === "Copied to the clipboard.");
  const letter = await popup.evaluate(() => document.querySelector(".letter-text").value);
  await pastePage.bringToFront();
  await pastePage.evaluate(() => {
    const ta = document.createElement("textarea");
    ta.id = "paste-here";
    document.body.append(ta);
    ta.focus();
  });
  await pastePage.keyboard.down("Control");
  await pastePage.keyboard.press("v");
  await pastePage.keyboard.up("Control");
  const pasted = await poll(pastePage, () => document.querySelector("#paste-here").value);
  return { letter, pasted };
}

function checkTikTok(s) {
  assert.ok(s.alternatives.length >= 1 && s.alternatives.length <= 3, `one to three alternatives for TikTok (${JSON.stringify(s.alternatives)})`);
  for (const a of s.alternatives) {
    assert.match(a.level, /level-(none|low|medium)/, `${a.name} has a lower level than TikTok's high`);
    assert.ok(a.reason && a.reason.length > 10, `${a.name} has a one-line reason`);
  }
  assert.match(s.letter, /^Access request \(GDPR Article 15\)/);
  assert.match(s.letter, /Article 15\(2\)/);
  assert.match(s.letter, /TikTok Technology Limited/);
  assert.deepEqual(s.form, ["https://www.tiktok.com/legal/report/privacy"]);
}

test("Chromium: alternatives and letter for TikTok (FR); Copy puts the letter on the clipboard; 360 px popup and banner; print", { skip: !runChromium, timeout: 120000 }, async () => {
  const profile = tmpProfile("db-next-chromium-");
  const ctx = await launchChromium({ extPath: path.join(ROOT, "dist/e2e/chrome"), port: srv.port, hosts: HOSTS, userDataDir: profile });
  try {
    await ctx.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
    const popup = await openExtensionPage(ctx.browser, ctx.extUrl(TIKTOK), () => Boolean(document.querySelector(".alternatives")));
    await openLetter(popup);
    checkTikTok(await popup.evaluate(nextSteps));

    // Copy → clipboard → paste into a web page.
    const web = await ctx.browser.newPage();
    await web.goto("http://www.example.net/");
    const { letter, pasted } = await copyAndPaste(ctx.browser, popup, web);
    assert.equal(pasted.replace(/\r\n/g, "\n"), letter);

    // A phone's width: nothing wider than the screen, in the popup and the banner.
    const phone = await openAtWidth(ctx.browser, ctx.extUrl(TIKTOK), { ...PHONE, isMobile: true, hasTouch: true });
    const o = await phone.evaluate(overflow);
    assert.ok(o.scrollWidth <= PHONE.width && o.widest <= PHONE.width, `popup fits 360 px (${JSON.stringify(o)})`);
    await phone.screenshot({ path: path.join(ARTIFACTS, "popup-tiktok-chromium-360.png"), fullPage: true });
    // The fixture page has no viewport meta tag: without mobile emulation its layout viewport is the 360 px screen.
    const page = await ctx.browser.newPage();
    await page.setViewport(PHONE);
    await page.goto("http://www.tiktok.com/");
    const banner = await expectOneBanner(page);
    assert.ok(banner.width > 200 && banner.width <= PHONE.width, `banner fits 360 px (${banner.width})`);
    await page.screenshot({ path: path.join(ARTIFACTS, "banner-tiktok-chromium-360.png") });

    // The details page prints without its buttons and with the generation line.
    const details = await openExtensionPage(ctx.browser, ctx.extUrl(`details.html?url=${encodeURIComponent("http://www.tiktok.com/")}`), () => Boolean(document.querySelector(".evidence-bar")));
    await details.emulateMediaType("print");
    const printed = await details.evaluate(() => ({
      bar: getComputedStyle(document.querySelector(".evidence-bar")).display,
      footer: getComputedStyle(document.querySelector(".evidence-footer")).display,
      letter: getComputedStyle(document.querySelector(".request-letter")).display,
    }));
    assert.deepEqual(printed, { bar: "none", footer: "block", letter: "none" });
  } finally {
    await ctx.browser.close();
    await removeDir(profile);
  }
});

test("Firefox: alternatives and letter for TikTok (FR); Copy puts the letter on the clipboard; 360 px popup and banner", { skip: !runFirefox, timeout: 120000 }, async () => {
  const profile = tmpProfile("db-next-firefox-");
  // A phone's primary pointer is coarse (Firefox for Android); Firefox has no device emulation over BiDi.
  const ctx = await launchFirefox({ extPath: path.join(ROOT, "dist/e2e/firefox"), port: srv.port, userDataDir: profile, prefs: { "layout.css.prefers-color-scheme.content-override": 1, "ui.primaryPointerCapabilities": 1 } });
  try {
    const ext = await openExtensionPage(ctx.browser, ctx.extUrl("options.html"), () => typeof browser !== "undefined" && Boolean(document.querySelector("#country")));
    await ext.evaluate(() => browser.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
    const popup = await openExtensionPage(ctx.browser, ctx.extUrl(TIKTOK), () => Boolean(document.querySelector(".alternatives")));
    await openLetter(popup);
    checkTikTok(await popup.evaluate(nextSteps));

    const web = await ctx.browser.newPage();
    await web.goto("http://www.example.net/");
    const { letter, pasted } = await copyAndPaste(ctx.browser, popup, web);
    assert.equal(pasted.replace(/\r\n/g, "\n"), letter);

    const phone = await openAtWidth(ctx.browser, ctx.extUrl(TIKTOK), PHONE);
    const o = await phone.evaluate(overflow);
    assert.ok(o.scrollWidth <= PHONE.width && o.widest <= PHONE.width, `popup fits 360 px (${JSON.stringify(o)})`);
    await phone.screenshot({ path: path.join(ARTIFACTS, "popup-tiktok-firefox-360.png") });
    const page = await ctx.browser.newPage();
    await page.setViewport(PHONE);
    await page.goto("http://www.tiktok.com/");
    const banner = await expectOneBanner(page);
    assert.ok(banner.width > 200 && banner.width <= PHONE.width, `banner fits 360 px (${banner.width})`);
    await page.screenshot({ path: path.join(ARTIFACTS, "banner-tiktok-firefox-360.png") });
  } finally {
    await ctx.browser.close();
    await removeDir(profile);
  }
});
