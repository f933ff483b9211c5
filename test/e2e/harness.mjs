// Shared helpers for the end-to-end tests: browser paths, polling, and what
// a page shows of the banner. The browsers themselves are in drivers.mjs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/lib/chromium/chromium";
export const FIREFOX = process.env.FIREFOX_BIN || "/usr/bin/firefox-esr";
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
