// Shared helpers for the end-to-end tests: browser paths, polling, and what
// a page shows of the banner. The browsers of the scenario list are in
// drivers.mjs; launchChromium and launchFirefox start a browser on its own
// profile for the test files that need one set up differently (first use,
// the action popup, phone width).
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/lib/chromium/chromium";
export const FIREFOX = process.env.FIREFOX_BIN || "/usr/bin/firefox-esr";
export const GECKO_ID = "data-borders@data-borders.org";
export const FIREFOX_UUID = "00000000-0000-4000-8000-0000000db001";
export const ARTIFACTS = path.join(ROOT, "test/e2e/artifacts");

export const HOST_ATTR = "data-borders-banner";

/** Fails loudly, naming the Debian package, unless the person chose to skip browser tests. */
export function requireBrowser(bin, pkg) {
  if (fs.existsSync(bin)) return true;
  if (process.env.DATA_BORDERS_SKIP_E2E === "1") return false;
  throw new Error(`${bin} not found: install the Debian package "${pkg}" (apt-get install ${pkg}), or set DATA_BORDERS_SKIP_E2E=1 to skip the browser tests`);
}

export function tmpProfile(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir) {
  for (let i = 0; i < 20; i++) {
    try { fs.rmSync(dir, { recursive: true, force: true }); return; } catch { await sleep(250); }
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Headless Chromium with the extension; the listed hosts resolve to the local server, all others fail locally.
 * `lang`: the browser's UI language (on Linux Chromium reads it from LANGUAGE; --lang is for the other systems).
 */
export async function launchChromium({ extPath, port, hosts, userDataDir, lang = "en-US" }) {
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), "MAP * ~NOTFOUND", "EXCLUDE localhost"].join(", ");
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    enableExtensions: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,NetworkTimeServiceQuerying",
      `--host-resolver-rules=${rules}`, `--lang=${lang}`,
    ],
    env: { ...process.env, LANGUAGE: lang.replace("-", "_"), LANG: `${lang.replace("-", "_")}.UTF-8` },
  });
  try {
    const extId = await browser.installExtension(extPath);
    const swTarget = await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`chrome-extension://${extId}/`), { timeout: 15000 });
    const worker = await swTarget.worker();
    // The worker target can appear a moment before the extension APIs are bound in it.
    for (let i = 0; i < 50 && !(await worker.evaluate(() => typeof chrome !== "undefined" && Boolean(chrome.storage)).catch(() => false)); i++) await sleep(100);
    // Record every network request the service worker makes.
    const swRequests = [];
    const swSession = await swTarget.createCDPSession();
    await swSession.send("Network.enable");
    swSession.on("Network.requestWillBeSent", (e) => swRequests.push(e.request.url));
    // A canary request proves the recorder sees the worker's fetches.
    await worker.evaluate(() => fetch(chrome.runtime.getURL("manifest.json")).then((r) => r.ok));
    return { browser, extId, worker, swRequests, extUrl: (p) => `chrome-extension://${extId}/${p}` };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Headless Firefox ESR with the extension as a temporary add-on; all HTTP goes through the local server as proxy. */
export async function launchFirefox({ extPath, port, userDataDir, prefs = {} }) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    args: ["--remote-allow-system-access"],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      "extensions.webextensions.keepStorageOnUninstall": true,
      "dom.security.https_first": false, "dom.security.https_first_schemeless": false,
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1", "network.proxy.http_port": port,
      "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": port,
      "network.proxy.no_proxies_on": "", "network.proxy.allow_hijacking_localhost": true,
      "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
      "intl.locale.requested": "en-US",
      ...prefs,
    },
  });
  try {
    const id = await browser.installExtension(extPath);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return { browser, extUrl: (p) => `moz-extension://${FIREFOX_UUID}/${p}` };
}

/** page.evaluate(fn) until truthy; tolerates errors while a tab switches process. */
export async function poll(page, fn, arg, { timeout = 15000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let lastErr;
  let last;
  while (Date.now() < deadline) {
    try { last = await page.evaluate(fn, arg); if (last) return last; } catch (e) { lastErr = e; }
    await sleep(interval);
  }
  throw new Error(`poll timed out after ${timeout} ms (last value ${JSON.stringify(last)})${lastErr ? `; last error: ${lastErr.message}` : ""}`);
}

/** Calls `read` until `done(value)` holds, and returns that value (for state outside any page). */
export async function pollValue(read, done, { timeout = 10000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  while (Date.now() < deadline) {
    value = await read();
    if (done(value)) return value;
    await sleep(interval);
  }
  return value;
}

/** Opens an extension page and waits until it is ready (Firefox never reports "load" for moz-extension:// over BiDi). */
export async function openExtensionPage(browser, url, ready) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: [], timeout: 10000 }).catch(() => {});
  await poll(page, ready);
  return page;
}

/** Number of banner hosts in the page, with the accessible name of the first. */
export const bannerState = (attr) => {
  const hosts = document.querySelectorAll(`[${attr}]`);
  const h = hosts[0];
  const box = h ? h.getBoundingClientRect() : null;
  return { count: hosts.length, label: h ? h.getAttribute("aria-label") : null, width: box ? Math.round(box.width) : 0, height: box ? Math.round(box.height) : 0 };
};

/** What the instrumented content script marked on the page: answers applied so far, and the last level. */
const signalState = () => {
  const root = document.documentElement;
  const answers = root.getAttribute("data-borders-e2e-answers");
  return { injected: answers !== null, answers: Number(answers ?? 0), level: root.getAttribute("data-borders-e2e-level") };
};

/** Waits until the content script has applied at least `min` answers from the background; returns its state. */
export function verdictApplied(page, min = 1, options) {
  return poll(page, ([n]) => {
    const root = document.documentElement;
    const answers = Number(root.getAttribute("data-borders-e2e-answers") ?? 0);
    return answers >= n ? { answers, level: root.getAttribute("data-borders-e2e-level") } : null;
  }, [min], options);
}

/** Waits for the verdict to be applied and exactly one banner to be mounted. */
export async function expectOneBanner(page) {
  await verdictApplied(page);
  await poll(page, (attr) => document.querySelectorAll(`[${attr}]`).length === 1, HOST_ATTR);
  return page.evaluate(bannerState, HOST_ATTR);
}

/** "No banner", asserted only once the content script has applied the background's answer. Returns the answer's level. */
export async function expectNoBanner(page, message, { min = 1 } = {}) {
  const { level } = await verdictApplied(page, min);
  const count = await page.evaluate((attr) => document.querySelectorAll(`[${attr}]`).length, HOST_ATTR);
  if (count !== 0) throw new Error(`${message}: ${count} banner(s) after the verdict (${level})`);
  return level;
}

/**
 * For pages outside the dataset: once the page has loaded (content scripts declared for document_idle
 * are injected by then), no content script marked the page and there is no banner.
 */
export async function expectNotInjected(page, message) {
  await poll(page, () => document.readyState === "complete");
  const state = await page.evaluate(signalState);
  const count = await page.evaluate((attr) => document.querySelectorAll(`[${attr}]`).length, HOST_ATTR);
  if (state.injected || count !== 0) throw new Error(`${message}: content script ${state.injected ? "injected" : "absent"}, ${count} banner(s)`);
}

/** Waits until the page holds exactly `n` banners (e.g. 0 after closing, 1 after a live change). */
export function waitForBanners(page, n, options) {
  return poll(page, ([attr, count]) => document.querySelectorAll(`[${attr}]`).length === count, [HOST_ATTR, n], options);
}

/**
 * Moves keyboard focus with Tab to the nth button of the banner (1 = its first), then presses Enter.
 * Focus first leaves the banner if it is inside it, then enters it from outside, so it always lands on the
 * first button before counting — wherever the browser's sequential-focus starting point happened to be.
 */
export async function pressBannerButton(page, nth) {
  const inBanner = () => page.evaluate((attr) => document.activeElement?.hasAttribute(attr) ?? false, HOST_ATTR);
  await page.evaluate(() => { document.activeElement?.blur?.(); window.focus(); });
  for (let i = 0; i < 10 && (await inBanner()); i++) await page.keyboard.press("Tab");
  let entered = false;
  for (let i = 0; i < 10 && !entered; i++) {
    await page.keyboard.press("Tab");
    entered = await inBanner();
  }
  if (!entered) throw new Error("keyboard focus did not reach the banner");
  for (let i = 1; i < nth; i++) await page.keyboard.press("Tab");
  if (!(await inBanner())) throw new Error(`the banner has fewer than ${nth} buttons in its tab order`);
  await page.keyboard.press("Enter");
}

/** Tab order inside the banner: close, details, dismiss, options. */
export const BUTTON = { close: 1, details: 2, dismiss: 3, options: 4 };

/** The hostile fixture hosts (see server.mjs): strict CSP, !important styles, custom elements, constant mutation. */
export const HOSTILE_HOSTS = ["www.deepseek.com", "www.temu.com", "www.lemon8-app.com", "www.capcut.com"];

/** What the news fixture (news.html) loads, as the scan must report it for a user in France. */
export const XRAY_SUMMARY = "This page sent requests to 12 companies: 5 controlled from the United States, 1 from China, 1 from France, 1 from Israel, 1 from Malta, 1 from Russia, 2 not in the dataset.";
export const XRAY_COMPANIES = [
  "Alphabet Inc.", "Amazon.com, Inc.", "Baidu, Inc.", "Criteo", "Hotjar Ltd", "MKPAO Yandex (international public joint-stock company Yandex)",
  "Meta Platforms, Inc.", "Microsoft Corporation", "Taboola.com Ltd.", "Teads Holding Co.",
];

/** The scan result in a popup: summary, companies (name, requests, text) and unknown domains. */
export const xrayResult = () => ({
  summary: document.querySelector(".xray-summary")?.textContent ?? null,
  companies: [...document.querySelectorAll(".xray-company")].map((li) => ({ name: li.querySelector("strong")?.textContent, text: li.textContent })),
  unknown: [...document.querySelectorAll(".xray-unknown li")].map((li) => li.textContent),
  firstParty: document.querySelector(".xray-first-party")?.textContent ?? null,
});
