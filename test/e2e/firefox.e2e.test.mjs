// End-to-end in Debian's headless Firefox ESR with dist/firefox installed as a
// temporary add-on. Firefox offers no DevTools handle on a closed shadow root
// or on the background script: the banner is checked through its host element
// and screenshots, the badge and storage through an extension page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "./server.mjs";
import {
  ROOT, FIREFOX, ARTIFACTS, BUTTON, requireBrowser, launchFirefox, tmpProfile, removeDir, poll,
  openExtensionPage, expectOneBanner, settledBannerCount, pressBannerButton, checkHostilePages, waitForBanners, pollValue, sleep,
  XRAY_SUMMARY, XRAY_COMPANIES, xrayResult,
} from "./harness.mjs";

const EXT = path.join(ROOT, "dist/firefox");
const run = requireBrowser(FIREFOX, "firefox-esr");
let srv;
let profile;
let ctx;
let ext; // an extension page, for the extension APIs

// Light colour scheme unless a test asks otherwise (Firefox has no media emulation over BiDi).
const LIGHT = { "layout.css.prefers-color-scheme.content-override": 1 };
const DARK = { "layout.css.prefers-color-scheme.content-override": 0, "ui.systemUsesDarkTheme": 1 };

async function start() {
  ctx = await launchFirefox({ extPath: EXT, port: srv.port, userDataDir: profile, prefs: LIGHT });
  ext = await openExtensionPage(ctx.browser, ctx.extUrl("options.html"), () => typeof browser !== "undefined" && Boolean(document.querySelector("#country")));
}

before(async () => {
  if (!run) return;
  assert.ok(fs.existsSync(path.join(EXT, "manifest.json")), "dist/firefox is missing: run npm run build first");
  srv = await startServer();
  profile = tmpProfile("db-firefox-");
  await start();
  await ext.evaluate(() => browser.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
});

after(async () => {
  if (!run) return;
  await ctx?.browser.close();
  await removeDir(profile);
  await srv?.close();
});

const setSettings = (patch) => ext.evaluate(async (p) => {
  const { settings = {} } = await browser.storage.sync.get("settings");
  await browser.storage.sync.set({ settings: { ...settings, ...p } });
}, patch);

/** Badge text and title of the tab showing this host, read from an extension page. */
const badgeFor = (host) => ext.evaluate(async (h) => {
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((t) => t.url && new URL(t.url).host === h);
  if (!tab) return { text: "", title: "", found: false };
  return { text: await browser.action.getBadgeText({ tabId: tab.id }), title: await browser.action.getTitle({ tabId: tab.id }), found: true };
}, host);

test("dataset page: one banner, also after a reload; badge and title set", { skip: !run, timeout: 90000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  const state = await expectOneBanner(page);
  assert.equal(state.label, "Data Borders warning: TikTok");
  assert.ok(state.width > 200 && state.height > 40, `banner is visible (${state.width}×${state.height})`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "banner-tiktok-firefox.png") });
  await page.reload();
  assert.equal((await expectOneBanner(page)).count, 1);
  const badge = await poll(ext, async (h) => {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url && new URL(t.url).host === h);
    return tab ? { text: await browser.action.getBadgeText({ tabId: tab.id }), title: await browser.action.getTitle({ tabId: tab.id }) } : null;
  }, "www.tiktok.com");
  assert.equal(badge.text, "!!");
  assert.match(badge.title, /^Data Borders: TikTok — High concern\. /);
  await page.close();
});

test("other sites, look-alikes and below-threshold sites: no banner, no badge", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  for (const host of ["www.example.net", "tiktok.com.example.net", "nottiktok.com", "www.lemonde.fr"]) {
    await page.goto(`http://${host}/`);
    assert.equal(await settledBannerCount(page), 0, `no banner on ${host}`);
  }
  // Outside the dataset the extension cannot even read the tab's address; Le Monde is listed (none for FR).
  assert.deepEqual(await badgeFor("www.lemonde.fr"), { text: "", title: (await badgeFor("www.lemonde.fr")).title, found: true });
  await page.close();
});

test("popup page: verdict and sections; screenshots in light and dark", { skip: !run, timeout: 60000 }, async () => {
  const popup = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`), () => document.querySelector("h1")?.textContent?.includes("TikTok"));
  const text = await popup.evaluate(() => document.querySelector("main").innerText);
  assert.match(text, /High concern/);
  // The popup is the short answer; the sections are on the details page.
  for (const row of ["Stored in", "Run by", "Who can demand it", "Latest", "Full report"]) assert.match(text, new RegExp(row));
  assert.match(text, /ByteDance/);
  await popup.setViewport({ width: 380, height: 600 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const shoot = async (page, scheme) => {
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), scheme === "dark", `colour scheme is ${scheme}`);
    await poll(page, () => [...document.images].every((i) => i.complete));
    await page.screenshot({ path: path.join(ARTIFACTS, `popup-tiktok-firefox-${scheme}.png`), fullPage: true });
  };
  await shoot(popup, "light");
  await popup.close();
  // Dark: a second, short-lived Firefox whose content prefers dark.
  const darkProfile = tmpProfile("db-firefox-dark-");
  const dark = await launchFirefox({ extPath: EXT, port: srv.port, userDataDir: darkProfile, prefs: DARK });
  try {
    const page = await openExtensionPage(dark.browser, dark.extUrl(`popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`), () => document.querySelector("h1")?.textContent?.includes("TikTok"));
    await page.setViewport({ width: 380, height: 600 });
    await shoot(page, "dark");
  } finally {
    await dark.browser.close();
    await removeDir(darkProfile);
  }
});

test("changing the country in options changes the verdict on an open tab", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  await ext.select("#country", "US");
  await poll(ext, () => document.querySelector("[role=status]")?.textContent === "Saved.");
  await waitForBanners(page, 0);
  const badge = await poll(ext, async () => {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith("http://www.tiktok.com/"));
    const text = await browser.action.getBadgeText({ tabId: tab.id });
    return text === "!" ? { text, title: await browser.action.getTitle({ tabId: tab.id }) } : null;
  });
  assert.match(badge.title, /Medium concern/);
  await ext.select("#country", "FR");
  await waitForBanners(page, 1);
  await page.close();
});

test("threshold never shows no banner", { skip: !run, timeout: 60000 }, async () => {
  await setSettings({ bannerThreshold: "never" });
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  assert.equal(await settledBannerCount(page), 0);
  await setSettings({ bannerThreshold: "high" });
  await page.close();
});

test("hostile pages: strict CSP, !important styles, custom elements, constant mutation", { skip: !run, timeout: 90000 }, async () => {
  await setSettings({ bannerThreshold: "medium" });
  const page = await checkHostilePages(await ctx.browser.newPage(), "firefox");
  await setSettings({ bannerThreshold: "high" });
  await page.close();
});

test("page X-ray: the scan groups the news page's third parties by controlling company and sends nothing", { skip: !run, timeout: 90000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.lemonde.fr/xray/");
  const tabId = await ext.evaluate(async () => (await browser.tabs.query({ url: "http://www.lemonde.fr/xray/" }))[0]?.id);
  assert.ok(Number.isInteger(tabId), "the news tab is found");
  const popup = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.lemonde.fr/xray/")}&tab=${tabId}`), () => Boolean(document.querySelector(".scan-button")));
  await popup.setViewport({ width: 380, height: 900 });
  const before = srv.requests.length;
  await popup.click(".scan-button");
  await poll(popup, () => Boolean(document.querySelector(".xray-summary")));
  const result = await popup.evaluate(xrayResult);
  assert.equal(result.summary, XRAY_SUMMARY);
  assert.deepEqual(result.companies.map((c) => c.name).sort(), [...XRAY_COMPANIES].sort());
  // Four Google hosts; Firefox may fetch the no-store analytics image twice, and both fetches are requests.
  const alphabet = result.companies.find((c) => c.name === "Alphabet Inc.").text;
  assert.ok(Number(/(\d+) requests/.exec(alphabet)?.[1]) >= 4, alphabet);
  assert.match(alphabet, /Google Analytics, Google DoubleClick, Google Tag Manager, YouTube embeds/);
  assert.deepEqual(result.unknown, ["unlisted-adnetwork.net 2 requests", "example-widgets.org 1 request"]);
  assert.match(result.firstParty, /^This site \(lemonde\.fr\) is shown apart: [12] requests?\.$/);
  await sleep(500);
  assert.deepEqual(srv.requests.slice(before), [], "the scan made no request of its own");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await (await popup.$(".xray")).screenshot({ path: path.join(ARTIFACTS, "xray-news-firefox.png") });
  await popup.close();
  await page.close();
});

test("dismissing by keyboard survives a reload and a browser restart", { skip: !run, timeout: 120000 }, async () => {
  let page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  await pressBannerButton(page, BUTTON.dismiss);
  await waitForBanners(page, 0);
  // The banner leaves at once; the dismissal is written by the background just after.
  const dismissed = await pollValue(() => ext.evaluate(async () => (await browser.storage.sync.get("settings")).settings.dismissed), (d) => d?.length > 0);
  assert.deepEqual(dismissed, ["tiktok.com"]);
  await page.reload();
  assert.equal(await settledBannerCount(page), 0);
  await ctx.browser.close();
  await start();
  page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  assert.equal(await settledBannerCount(page, 1500), 0, "dismissal survives a browser restart");
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  await page.close();
});

test("silence: the extension made no network request of its own", { skip: !run }, () => {
  const fromExtension = srv.extensionRequests();
  assert.deepEqual(fromExtension, [], `requests from extension contexts: ${JSON.stringify(fromExtension)}`);
});
