// End-to-end in Debian's headless Chromium with dist/chrome loaded: banner,
// badge, popup, options, dismissal across a restart, a stopped service
// worker, hostile pages, and no network requests from the extension.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, HOSTS } from "./server.mjs";
import {
  ROOT, CHROMIUM, ARTIFACTS, BUTTON, requireBrowser, launchChromium, tmpProfile, removeDir, poll, sleep,
  openExtensionPage, expectOneBanner, settledBannerCount, closedShadowHtml, pressBannerButton, stopServiceWorker, resumeWorkers, checkHostilePages, waitForBanners, pollValue,
  XRAY_SUMMARY, XRAY_COMPANIES, xrayResult,
} from "./harness.mjs";

const EXT = path.join(ROOT, "dist/chrome");
const run = requireBrowser(CHROMIUM, "chromium");
let srv;
let profile;
let ctx;

before(async () => {
  if (!run) return;
  assert.ok(fs.existsSync(path.join(EXT, "manifest.json")), "dist/chrome is missing: run npm run build first");
  srv = await startServer();
  profile = tmpProfile("db-chromium-");
  ctx = await launchChromium({ extPath: EXT, port: srv.port, hosts: HOSTS, userDataDir: profile });
  // A French user, banner for high concern only (the defaults apart from the country).
  await ctx.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, country: "FR", onboarded: true } }));
});

after(async () => {
  if (!run) return;
  await ctx?.browser.close();
  await removeDir(profile);
  await srv?.close();
});

/** Badge of the active tab (the page under test), read from the service worker. */
const activeBadge = () => ctx.worker.evaluate(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
});

const setSettings = (patch) => ctx.worker.evaluate(async (p) => {
  const { settings = {} } = await chrome.storage.sync.get("settings");
  await chrome.storage.sync.set({ settings: { ...settings, ...p } });
}, patch);

/** Isolated worlds the extension's content script created in a page (none means nothing was injected). */
async function contentWorlds(page, url) {
  const cdp = await page.createCDPSession();
  const worlds = [];
  cdp.on("Runtime.executionContextCreated", (e) => {
    if (e.context.origin?.startsWith(`chrome-extension://${ctx.extId}`) || e.context.name === "Data Borders") worlds.push(e.context.name);
  });
  await cdp.send("Runtime.enable");
  await page.goto(url);
  await sleep(1000);
  await cdp.detach();
  return worlds;
}

test("dataset page: one banner with the verdict, also after a reload; badge set", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  const state = await expectOneBanner(page);
  assert.equal(state.label, "Data Borders warning: TikTok");
  assert.ok(state.width > 200 && state.height > 40, `banner is visible (${state.width}×${state.height})`);
  const html = await closedShadowHtml(page);
  const text = html.replace(/<[^>]+>/g, "");
  assert.match(text, /TikTok — High concern/);
  assert.match(html, /Your data can be accessed from China; the law there can compel access to it\./);
  assert.match(html, /Don't warn on this site/);
  await page.bringToFront();
  const badge = await activeBadge();
  assert.equal(badge.text, "!!");
  assert.match(badge.title, /^Data Borders: TikTok — High concern\. /);
  await page.reload();
  assert.equal((await expectOneBanner(page)).count, 1);
  // Back and forward (the back/forward cache may restore the page as it was): still one banner.
  await page.goto("http://www.example.net/");
  await page.goBack();
  assert.equal((await expectOneBanner(page)).count, 1);
  await page.goForward();
  await page.goBack();
  assert.equal((await expectOneBanner(page)).count, 1);
  // A route change in a single-page app does not mount a second banner.
  await page.goto("http://www.kuaishou.com/");
  await setSettings({ bannerThreshold: "medium" });
  await page.reload();
  await expectOneBanner(page);
  await page.evaluate(() => { window.go("/video/1"); window.go("/video/2"); history.back(); });
  assert.equal(await settledBannerCount(page, 800), 1);
  await setSettings({ bannerThreshold: "high" });
  await page.close();
});

test("other sites and look-alikes: nothing injected, no banner, no badge", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  for (const host of ["www.example.net", "tiktok.com.example.net", "nottiktok.com"]) {
    assert.deepEqual(await contentWorlds(page, `http://${host}/`), [], `no content script on ${host}`);
    assert.equal(await settledBannerCount(page, 200), 0, `no banner on ${host}`);
    await page.bringToFront();
    assert.equal((await activeBadge()).text, "", `no badge on ${host}`);
  }
  // Below the threshold: Le Monde is no concern for a French user (a French company).
  await page.goto("http://www.lemonde.fr/");
  assert.equal(await settledBannerCount(page), 0);
  await page.close();
});

test("popup: verdict and sections for the active tab, in light and dark; screenshots", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  await page.bringToFront();
  // The real popup, opened on the active tab (it reads the tab through activeTab).
  await ctx.worker.evaluate(() => chrome.action.openPopup());
  const target = await ctx.browser.waitForTarget((t) => t.url().startsWith(ctx.extUrl("popup.html")), { timeout: 10000 });
  const popup = await target.asPage();
  await poll(popup, () => document.querySelector("h1")?.textContent?.includes("TikTok"));
  const text = await popup.$eval("main", (el) => el.innerText);
  assert.match(text, /TikTok\s+tiktok\.com/);
  assert.match(text, /High concern/);
  // The popup is the short answer; the sections are on the details page.
  for (const row of ["Stored in", "Run by", "Who can demand it", "Latest", "Full report"]) assert.match(text, new RegExp(row));
  assert.match(text, /ByteDance/);
  assert.match(text, /Ireland/);
  await popup.close();

  // The same popup page as a tab, for screenshots in both themes.
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const shot = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`), () => document.querySelector("h1")?.textContent?.includes("TikTok"));
  await shot.setViewport({ width: 380, height: 600 });
  assert.equal(await shot.evaluate(() => document.documentElement.scrollWidth <= 380), true, "no horizontal scroll at 380 px");
  for (const scheme of ["light", "dark"]) {
    await shot.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await poll(shot, () => [...document.images].every((i) => i.complete));
    await shot.screenshot({ path: path.join(ARTIFACTS, `popup-tiktok-chromium-${scheme}.png`), fullPage: true });
  }
  await shot.close();
  await page.close();
});

test("page X-ray: after the click, the scan groups a page's third parties by controlling company and sends nothing", { skip: !run, timeout: 90000 }, async () => {
  // A page outside the dataset: no host permission covers it, only the activeTab grant of the toolbar click.
  const page = await ctx.browser.newPage();
  await page.goto("http://www.example.net/xray/");
  await page.bringToFront();
  const extension = (await ctx.browser.extensions()).get(ctx.extId);
  await page.triggerExtensionAction(extension);
  const target = await ctx.browser.waitForTarget((t) => t.url().startsWith(ctx.extUrl("popup.html")), { timeout: 10000 });
  const popup = await target.asPage();
  await poll(popup, () => Boolean(document.querySelector(".scan-button")));
  assert.equal(await popup.evaluate(() => document.querySelector(".xray-summary")), null, "nothing is scanned before the click");
  const before = srv.requests.length;
  await popup.click(".scan-button");
  await poll(popup, () => Boolean(document.querySelector(".xray-summary")));
  const result = await popup.evaluate(xrayResult);
  assert.equal(result.summary, XRAY_SUMMARY);
  assert.deepEqual(result.companies.map((c) => c.name).sort(), [...XRAY_COMPANIES].sort());
  const alphabet = result.companies.find((c) => c.name === "Alphabet Inc.");
  assert.match(alphabet.text, /4 requests/);
  assert.match(alphabet.text, /Google Analytics/);
  assert.match(alphabet.text, /YouTube embeds/);
  assert.match(result.companies.find((c) => c.name === "Baidu, Inc.").text, /Medium concern.*Controlled from China/);
  assert.deepEqual(result.unknown, ["unlisted-adnetwork.net 2 requests", "example-widgets.org 1 request"]);
  // The page itself, and in Chromium its favicon request too.
  assert.match(result.firstParty, /^This site \(example\.net\) is shown apart: [12] requests?\.$/);
  await sleep(500);
  assert.deepEqual(srv.requests.slice(before), [], "the scan made no request of its own");
  await popup.close();

  // The same scan on a listed news site, as a screenshot: the popup page in a tab, pointed at the page's tab.
  await page.goto("http://www.lemonde.fr/xray/");
  const tabId = await ctx.worker.evaluate(async () => (await chrome.tabs.query({ url: "http://www.lemonde.fr/xray/" }))[0]?.id);
  assert.ok(Number.isInteger(tabId), "the news tab is found");
  const shot = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.lemonde.fr/xray/")}&tab=${tabId}`), () => Boolean(document.querySelector(".scan-button")));
  await shot.setViewport({ width: 380, height: 900 });
  await shot.click(".scan-button");
  await poll(shot, () => Boolean(document.querySelector(".xray-summary")));
  const listed = await shot.evaluate(xrayResult);
  assert.equal(listed.summary, XRAY_SUMMARY);
  assert.match(listed.firstParty, /^This site \(lemonde\.fr\) is shown apart: [12] requests?\.$/);
  assert.equal(await shot.evaluate(() => document.documentElement.scrollWidth <= 380), true, "no horizontal scroll at 380 px");
  // The result passes axe (WCAG 2.1 A/AA) in both themes, like the rest of the popup.
  await shot.evaluate(fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  for (const scheme of ["light", "dark"]) {
    await shot.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    const { violations, passed } = await shot.evaluate(async () => {
      const r = await window.axe.run(document.querySelector(".xray"), { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return { passed: r.passes.map((p) => p.id), violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`) };
    });
    assert.deepEqual(violations, [], `page X-ray, ${scheme}`);
    assert.ok(passed.includes("color-contrast"), `page X-ray, ${scheme}: axe checked ${passed.join(", ")}`);
  }
  await shot.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await (await shot.$(".xray")).screenshot({ path: path.join(ARTIFACTS, "xray-news-chromium.png") });
  await shot.close();
  await page.close();
});

test("accessibility: popup, details, options and welcome pass axe (WCAG 2.1 A/AA) in light and dark", { skip: !run, timeout: 90000 }, async () => {
  const axeSource = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  const pages = [
    ["popup", `popup.html?url=${encodeURIComponent("http://www.tiktok.com/")}`, () => Boolean(document.querySelector(".answer .facts"))],
    ["details", `details.html?url=${encodeURIComponent("http://www.temu.com/")}`, () => Boolean(document.querySelector(".map svg"))],
    ["not listed", `popup.html?url=${encodeURIComponent("http://www.example.net/")}`, () => Boolean(document.querySelector(".not-listed"))],
    ["options", "options.html", () => Boolean(document.querySelector(".data-info"))],
    ["welcome", "welcome.html", () => Boolean(document.querySelector("#country"))],
  ];
  for (const [name, url, ready] of pages) {
    const page = await openExtensionPage(ctx.browser, ctx.extUrl(url), ready);
    await page.evaluate(axeSource); // DevTools evaluation is not subject to the page's CSP
    for (const scheme of ["light", "dark"]) {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      const { violations, passed } = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return { passed: r.passes.map((p) => p.id), violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`) };
      });
      assert.deepEqual(violations, [], `${name}, ${scheme}`);
      // The audit really ran: contrast and names were checked on this page.
      assert.ok(passed.includes("color-contrast") && passed.length >= 10, `${name}, ${scheme}: axe checked ${passed.join(", ")}`);
    }
    await page.close();
  }
});

test("changing the country in options changes the verdict on an open tab", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  const options = await openExtensionPage(ctx.browser, ctx.extUrl("options.html"), () => Boolean(document.querySelector("#country")));
  await options.select("#country", "US");
  await poll(options, () => document.querySelector("[role=status]")?.textContent === "Saved.");
  // TikTok is a medium concern for a US user: the banner leaves the open tab, and the badge follows.
  await waitForBanners(page, 0);
  await page.bringToFront();
  const badge = await activeBadge();
  assert.equal(badge.text, "!");
  assert.match(badge.title, /Medium concern/);
  await options.select("#country", "FR");
  await waitForBanners(page, 1);
  await options.close();
  await page.close();
});

test("threshold never shows no banner", { skip: !run, timeout: 60000 }, async () => {
  await setSettings({ bannerThreshold: "never" });
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  assert.equal(await settledBannerCount(page), 0);
  await page.bringToFront();
  assert.equal((await activeBadge()).text, "!!", "the badge still shows the level");
  await setSettings({ bannerThreshold: "high" });
  await page.close();
});

test("hostile pages: strict CSP, !important styles, custom elements, constant mutation", { skip: !run, timeout: 90000 }, async () => {
  await setSettings({ bannerThreshold: "medium" });
  const page = await checkHostilePages(await ctx.browser.newPage(), "chromium");
  // Chromium lets us look inside the closed root: the banner's own markup, untouched by the page.
  assert.match(await closedShadowHtml(page), /class="banner (high|medium)"[^>]*aria-label="Data Borders warning: Lemon8"/);
  await setSettings({ bannerThreshold: "high" });
  await page.close();
});

test("closing the banner hides it for the session; dismissing survives a reload and a restart", { skip: !run, timeout: 120000 }, async () => {
  let page = await ctx.browser.newPage();
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  await pressBannerButton(page, BUTTON.close);
  await waitForBanners(page, 0);
  await page.reload();
  assert.equal(await settledBannerCount(page), 0, "closed banners stay closed this session");

  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  await pressBannerButton(page, BUTTON.dismiss);
  await waitForBanners(page, 0);
  // The banner leaves at once; the dismissal is written by the background just after.
  const dismissed = await pollValue(() => ctx.worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings.dismissed), (d) => d?.length > 0);
  assert.deepEqual(dismissed, ["tiktok.com"]);
  await page.reload();
  assert.equal(await settledBannerCount(page), 0);

  // Restart the browser on the same profile.
  await ctx.browser.close();
  ctx = await launchChromium({ extPath: EXT, port: srv.port, hosts: HOSTS, userDataDir: profile });
  page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  assert.equal(await settledBannerCount(page, 1500), 0, "dismissal survives a browser restart");
  // The session memory of the closed banner does not survive a restart.
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  // Undo from the options page brings the TikTok banner back.
  const options = await openExtensionPage(ctx.browser, ctx.extUrl("options.html"), () => Boolean(document.querySelector("ul.dismissed button")));
  await options.click("ul.dismissed button");
  await poll(options, () => document.body.innerText.includes("Warnings are back on for tiktok.com."));
  await options.close();
  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  await page.close();
});

test("a stopped service worker wakes up and badge, banner and popup are still right", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.tiktok.com/");
  await expectOneBanner(page);
  await stopServiceWorker(page);
  // A navigation wakes the worker: it recomputes the badge and answers the new page's content script.
  const navigation = page.goto("http://www.deepseek.com/");
  assert.ok(await resumeWorkers(ctx.browser, { onRequest: (u) => ctx.swRequests.push(u) }), "the worker restarted");
  await navigation;
  await expectOneBanner(page);
  await page.bringToFront();
  const popup = await openExtensionPage(ctx.browser, ctx.extUrl(`popup.html?url=${encodeURIComponent("http://www.deepseek.com/")}`), () => document.querySelector("h1")?.textContent?.includes("DeepSeek"));
  assert.match(await popup.$eval("main", (el) => el.innerText), /High concern/);
  // Extension pages have the action API too: the woken worker set the badge of the DeepSeek tab.
  const badge = await popup.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const texts = await Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
    return texts;
  });
  assert.ok(badge.includes("!!"), `badges after restart: ${JSON.stringify(badge)}`);
  await popup.close();
  await page.close();
});

test("the banner's Details button opens the full report for the page", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  const opened = ctx.browser.waitForTarget((t) => t.url().startsWith(ctx.extUrl("details.html")), { timeout: 10000 });
  await pressBannerButton(page, BUTTON.details);
  const details = await (await opened).asPage();
  assert.equal(new URL(details.url()).searchParams.get("url"), "http://www.deepseek.com/");
  await poll(details, () => document.querySelector("h1")?.textContent?.includes("DeepSeek"));
  const text = await details.$eval("main", (el) => el.innerText);
  assert.match(text, /High concern/);
  assert.match(text, /status checked/); // the full page shows each law's summary and status
  await details.close();
  await page.close();
});

test("reloading the extension removes the old banner cleanly", { skip: !run, timeout: 60000 }, async () => {
  const page = await ctx.browser.newPage();
  await page.goto("http://www.deepseek.com/");
  await expectOneBanner(page);
  const options = await openExtensionPage(ctx.browser, ctx.extUrl("options.html"), () => Boolean(document.querySelector("#country")));
  await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the page goes away with the extension
  await waitForBanners(page, 0, { timeout: 15000 });
  await page.close();
});

test("silence: the extension made no network request of its own", { skip: !run }, () => {
  const fromExtension = srv.extensionRequests();
  assert.deepEqual(fromExtension, [], `requests from extension contexts: ${JSON.stringify(fromExtension)}`);
  const workerNet = ctx.swRequests.filter((u) => !u.startsWith("chrome-extension://"));
  assert.ok(ctx.swRequests.some((u) => u.endsWith("/manifest.json")), "the recorder saw the worker's canary request");
  assert.deepEqual(workerNet, [], `service worker requests: ${workerNet.join(", ")}`);
  const unexpected = srv.requests.filter((r) => !HOSTS.includes(r.host));
  assert.deepEqual(unexpected, []);
});
