// One driver per browser, with the same surface, so every scenario in
// scenarios.mjs runs in both. A driver launches Debian's browser with the
// instrumented build (dist/e2e/<target>, the shipped extension plus the
// content script's test signal), routes every request to the recording
// server, and keeps one log of what extension contexts requested across
// browser restarts. `can` says what a browser cannot do, for scenarios that
// need it.
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import path from "node:path";
import { ROOT, CHROMIUM, FIREFOX, GECKO_ID, FIREFOX_UUID, sleep, tmpProfile, removeDir, poll, pollValue } from "./harness.mjs";

/** The settings every scenario starts from: a French user who went through the welcome page. */
export const BASE_SETTINGS = { version: 1, country: "FR", onboarded: true };

const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;
const LOCAL_URL = /^(chrome|moz)-extension:|^data:|^blob:|^about:/;

/** Records the requests of one page; the page's own extension files are not network. */
function recordPage(page, log, label) {
  page.on("request", (r) => {
    if (!LOCAL_URL.test(r.url())) log.push({ from: label(), url: r.url() });
  });
}

class Driver {
  constructor({ extPath = null, profile = null } = {}) {
    this.extPath = extPath;
    this.profile = profile;
    this.ownProfile = profile === null;
    /** Network requests seen inside extension contexts, across restarts: { from, url }. */
    this.extensionRequests = [];
    /** Extension pages opened in this driver's browsers (popup, details, options, welcome…). */
    this.extensionPagesSeen = new Set();
    this.browser = null;
  }

  async open(path, ready, { timeout = 15000 } = {}) {
    const page = await this.browser.newPage();
    recordPage(page, this.extensionRequests, () => page.url());
    try {
      await page.goto(this.extUrl(path), { waitUntil: [], timeout: 10000 }).catch(() => undefined);
      this.extensionPagesSeen.add(path.split("?")[0]);
      await poll(page, ready, undefined, { timeout });
    } catch (e) {
      await page.close().catch(() => undefined);
      throw e;
    }
    return page;
  }

  /** Closes every page but `keep` (scenarios close what they open; this is the safety net), leaving one blank tab. */
  async closeOtherPages(keep = []) {
    const blank = await this.browser.newPage();
    for (const page of await this.browser.pages()) {
      if (page !== blank && !keep.includes(page)) await page.close().catch(() => undefined);
    }
  }

  /**
   * The tab the extension itself opened at `path` (welcome on install, details or options from the
   * banner). Its address is read inside the page: Firefox reports moz-extension:// tabs as about:blank.
   */
  async waitForExtensionPage(path, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const page of await this.browser.pages()) {
        if (page === this.helper) continue;
        const href = await page.evaluate(() => location.href).catch(() => "");
        if (href.startsWith(this.extUrl(path))) {
          this.extensionPagesSeen.add(path);
          return page;
        }
      }
      await sleep(100);
    }
    throw new Error(`the extension did not open ${path} within ${timeout} ms`);
  }

  /** Closes the browser and launches it again, on the same profile unless `freshProfile`. */
  async restart({ freshProfile = false } = {}) {
    await this.browser.close().catch(() => undefined);
    if (freshProfile) {
      if (this.ownProfile) await removeDir(this.profile);
      this.profile = null;
    }
    await this.launch();
  }

  async stop() {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    if (this.ownProfile && this.profile) await removeDir(this.profile);
  }

  /** Settings as the options page would leave them (a write to storage.sync, observed by every context). */
  setSettings(patch) {
    return this.api(async (p) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const { settings = {} } = await api.storage.sync.get("settings");
      await api.storage.sync.set({ settings: { ...settings, ...p } });
    }, patch);
  }

  replaceSettings(settings) {
    return this.api((s) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: s }), settings);
  }

  getSettings() {
    return this.api(async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get("settings")).settings);
  }

  clearSession() {
    return this.api(() => (globalThis.browser ?? globalThis.chrome).storage.session.clear());
  }

  /** Badge text and title of the tab showing `host` (the extension can read the address of dataset tabs only). */
  badgeFor(host) {
    return this.api(async (h) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tabs = await api.tabs.query({});
      const tab = tabs.find((t) => t.url && new URL(t.url).host === h);
      if (!tab) return null;
      return { url: tab.url, text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
    }, host);
  }

  /** The report the background keeps in session storage for the tab showing `host`: its page, level and service. */
  storedReportFor(host) {
    return this.api(async (h) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url && new URL(t.url).host === h);
      if (!tab) return null;
      const entry = (await api.storage.session.get(`report:${tab.id}`))[`report:${tab.id}`];
      return entry ? { tabUrl: tab.url, url: entry.url, level: entry.report?.verdict?.level, service: entry.report?.service?.name } : null;
    }, host);
  }

  /** Badge of the active tab, after bringing `page` to the front (works for tabs outside the dataset too). */
  async activeBadge(page) {
    await page.bringToFront();
    return this.api(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return { text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
    });
  }
}

/** Headless Chromium. */
export class ChromiumDriver extends Driver {
  static OWN_TLS_HOSTS = ["update.googleapis.com", "accounts.google.com", "www.google.com", "android.clients.google.com"];
  name = "chromium";
  bin = CHROMIUM;
  pkg = "chromium";
  target = "chrome";
  can = {
    closedShadowDom: true, // DevTools can read inside the banner's closed shadow root
    stopWorker: true, // DevTools can stop the service worker
    realPopup: true, // action.openPopup() from the worker opens the real toolbar popup
    contentWorlds: true, // DevTools lists the isolated worlds content scripts create
    toolbarClick: true, // DevTools clicks the toolbar button: the popup gets the activeTab grant of a user's click
    reloadedExtensionRuns: "an extension installed through DevTools stays unloaded after runtime.reload() in Chromium (the browser is restarted instead)",
  };

  extUrl(p) {
    return `chrome-extension://${this.extId}/${p}`;
  }

  /**
   * Chromium's own service traffic, which no switch turns off in the versions tested: TLS handshakes
   * for its update check, account check, search-engine preconnection and push channel (by name, in
   * the handshake), and its update check's POST. All come from the browser process; an extension
   * context making the same request would still fail the silence test, as DevTools records every
   * extension page and the worker.
   */
  isOwnTraffic(r) {
    if (r.method === "NOT-HTTP") return ChromiumDriver.OWN_TLS_HOSTS.includes(r.host);
    return r.host === "update.googleapis.com" && r.method === "POST" && r.path.startsWith("/service/update2/json?") && !r.origin && !r.referer;
  }

  /** `port` is the recording server: every host name resolves to it (https too: it logs the TLS handshake). */
  async launch({ port = this.port, extPath = this.extPath } = {}) {
    this.port = port;
    this.extPath = extPath;
    this.profile ??= tmpProfile("db-chromium-");
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: this.profile,
      enableExtensions: true,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--allow-browser-signin=false",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-domain-reliability",
        "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,DialMediaRouteProvider,PreconnectToSearch,PreconnectFromKeyedService,AutofillServerCommunication", "--disable-field-trial-config", "--no-pings",
        `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`, "--lang=en-US",
      ],
    });
    try {
      // Extension pages and workers, from their first request where the browser allows it.
      browser.on("targetcreated", (t) => void this.#record(t).catch(() => undefined));
      this.browser = browser;
      this.extId = await browser.installExtension(extPath);
      await this.#attachWorker();
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** The extension's service worker at launch: recorded from here on, and kept for action.openPopup(). */
  async #attachWorker() {
    const swTarget = await this.browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`chrome-extension://${this.extId}/`), { timeout: 15000 });
    this.worker = await swTarget.worker();
    // The worker target can appear a moment before the extension APIs are bound in it.
    for (let i = 0; i < 50 && !(await this.worker.evaluate(() => typeof chrome !== "undefined" && Boolean(chrome.storage)).catch(() => false)); i++) await sleep(100);
    const session = await swTarget.createCDPSession();
    session.on("Network.requestWillBeSent", (e) => {
      if (!LOCAL_URL.test(e.request.url)) this.extensionRequests.push({ from: "service worker", url: e.request.url });
    });
    await session.send("Network.enable");
    // An extension page kept open for the extension APIs: unlike the worker, it is not stopped when idle.
    this.helper = await this.#openHelper();
  }

  /** The popup page for a site outside the dataset: it writes nothing and is not the options page. */
  #openHelper() {
    return this.open(`popup.html?url=${encodeURIComponent("http://www.example.net/")}`, () => typeof chrome !== "undefined" && Boolean(document.querySelector(".not-listed")), { timeout: 5000 });
  }

  /**
   * A (re)started worker waits for a debugger under DevTools auto-attach, which it would not in a
   * browser nobody is debugging: attach to each of the extension's workers, record its network from
   * its first request, and let it run. True once a worker was found.
   */
  async #resumeWorkers({ timeout = 10000 } = {}) {
    const cdp = await this.browser.target().createCDPSession();
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const { targetInfos } = await cdp.send("Target.getTargets");
      const workers = targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${this.extId}/`));
      for (const t of workers) {
        const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: t.targetId, flatten: true });
        const session = cdp.connection().session(sessionId);
        session.on("Network.requestWillBeSent", (e) => {
          if (!LOCAL_URL.test(e.request.url)) this.extensionRequests.push({ from: "restarted service worker", url: e.request.url });
        });
        await session.send("Network.enable").catch(() => undefined);
        await session.send("Runtime.runIfWaitingForDebugger").catch(() => undefined);
      }
      if (workers.length > 0) return true;
      await sleep(100);
    }
    return false;
  }

  async #record(target) {
    if (!EXTENSION_URL.test(target.url()) || target.type() === "service_worker") return; // workers: #attachWorker
    const page = await (target.type() === "page" ? target.page() : target.asPage()).catch(() => null);
    if (!page) return;
    this.extensionPagesSeen.add(new URL(target.url()).pathname.slice(1));
    recordPage(page, this.extensionRequests, () => page.url());
  }

  api(fn, arg) {
    return this.helper.evaluate(fn, arg);
  }

  async closeOtherPages(keep = []) {
    return super.closeOtherPages([...keep, this.helper]);
  }

  /** The markup inside the banner's closed shadow root, via the DevTools protocol. */
  async shadowHtml(page, attr) {
    const cdp = await page.createCDPSession();
    try {
      const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
      const found = [];
      const walk = (node) => {
        if (node.shadowRoots) for (const sr of node.shadowRoots) if (sr.shadowRootType === "closed" && (node.attributes ?? []).includes(attr)) found.push(sr);
        for (const c of node.children ?? []) walk(c);
      };
      walk(root);
      if (found.length === 0) return null;
      return (await cdp.send("DOM.getOuterHTML", { nodeId: found[0].nodeId })).outerHTML;
    } finally {
      await cdp.detach();
    }
  }

  /** Loads `url` and lists the isolated worlds the extension's content script created in it. */
  async contentWorlds(page, url) {
    const cdp = await page.createCDPSession();
    const worlds = [];
    cdp.on("Runtime.executionContextCreated", (e) => {
      if (e.context.origin?.startsWith(`chrome-extension://${this.extId}`) || e.context.name === "Data Borders") worlds.push(e.context.name);
    });
    await cdp.send("Runtime.enable");
    await page.goto(url);
    await cdp.detach();
    return worlds;
  }

  /** Stops the service worker as the browser does when it is idle; `wake` (a navigation) starts it again. */
  async stopWorkerDuring(page, wake) {
    const cdp = await page.createCDPSession();
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await cdp.detach();
    this.worker = null;
    const woken = wake();
    const restarted = await this.#resumeWorkers();
    await woken;
    return restarted;
  }

  /** Sets the page's size and colour scheme (DevTools emulation). */
  async emulate(page, { width, height, scheme }) {
    if (width) await page.setViewport({ width, height });
    if (scheme) await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  }

  async openPopupFor(page) {
    if (!this.worker) throw new Error("the worker was stopped or replaced in this browser: open the popup before");
    await page.bringToFront();
    await this.worker.evaluate(() => chrome.action.openPopup());
    const helper = this.helper.target();
    const target = await this.browser.waitForTarget((t) => t.url().startsWith(this.extUrl("popup.html")) && t !== helper, { timeout: 10000 });
    this.extensionPagesSeen.add("popup.html");
    return target.asPage();
  }

  /** Clicks the toolbar button on `page`, as a user would (with the activeTab grant); returns the toolbar popup. */
  async clickToolbar(page) {
    await page.bringToFront();
    await page.triggerExtensionAction((await this.browser.extensions()).get(this.extId));
    const helper = this.helper.target();
    const target = await this.browser.waitForTarget((t) => t.url().startsWith(this.extUrl("popup.html")) && t !== helper, { timeout: 10000 });
    this.extensionPagesSeen.add("popup.html");
    return target.asPage();
  }

  async reloadExtension() {
    const options = await this.open("options.html", () => Boolean(document.querySelector("#country")));
    await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the page goes away with the extension
    this.worker = null;
    this.helper = null;
  }
}

/** Headless Firefox ESR; the extension is a temporary add-on; the recording server is its only proxy. */
export class FirefoxDriver extends Driver {
  name = "firefox";
  bin = FIREFOX;
  pkg = "firefox-esr";
  target = "firefox";
  can = {
    closedShadowDom: "Firefox offers no DevTools handle on a closed shadow root",
    stopWorker: "Firefox offers no way for a test to suspend the background script",
    realPopup: "Firefox opens the toolbar popup only on a user's click: the popup page is opened as a tab",
    contentWorlds: "Firefox does not list content-script sandboxes over WebDriver BiDi",
    toolbarClick: "WebDriver BiDi cannot click Firefox's toolbar button, and a programmatic open grants no activeTab",
    reloadedExtensionRuns: true, // a temporary add-on comes back after runtime.reload()
  };

  extUrl(p) {
    return `moz-extension://${FIREFOX_UUID}/${p}`;
  }

  /** With its service traffic switched off by preferences, Firefox makes no request of its own. */
  isOwnTraffic() {
    return false;
  }

  /**
   * `scheme` fixes prefers-color-scheme (Firefox has no media emulation over BiDi). The window is sized
   * at launch and puppeteer's default viewport is off: it would call page.setViewport (see `emulate`).
   */
  async launch({ port = this.port, extPath = this.extPath, scheme = this.scheme ?? "light" } = {}) {
    Object.assign(this, { port, extPath, scheme });
    this.profile ??= tmpProfile("db-firefox-");
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      userDataDir: this.profile,
      defaultViewport: null,
      args: ["--remote-allow-system-access", "--width=1280", "--height=900"],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
      extraPrefsFirefox: {
        "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        "extensions.webextensions.keepStorageOnUninstall": true,
        "dom.security.https_first": false, "dom.security.https_first_schemeless": false,
        // Every request, http or https, through the recording server; nothing bypasses it.
        "network.proxy.type": 1, "network.proxy.share_proxy_settings": true,
        "network.proxy.http": "127.0.0.1", "network.proxy.http_port": port,
        "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": port,
        "network.proxy.no_proxies_on": "", "network.proxy.allow_hijacking_localhost": true,
        "network.proxy.failover_direct": false,
        // Firefox's own background traffic, off, so any request left is the extension's or a test's.
        "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
        "network.dns.disablePrefetch": true, "network.predictor.enabled": false, "network.prefetch-next": false,
        "network.http.speculative-parallel-limit": 0, "browser.safebrowsing.update.enabled": false,
        "browser.safebrowsing.provider.mozilla.updateURL": "", "services.settings.server": "data:,",
        "extensions.getAddons.cache.enabled": false, "extensions.blocklist.enabled": false,
        "intl.locale.requested": "en-US",
        "layout.css.prefers-color-scheme.content-override": scheme === "dark" ? 0 : 1,
        ...(scheme === "dark" ? { "ui.systemUsesDarkTheme": 1 } : {}),
      },
    });
    try {
      browser.on("targetcreated", (t) => void this.#record(t));
      const id = await browser.installExtension(extPath);
      if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
      this.browser = browser;
      this.helper = await this.#openHelper();
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /**
   * An extension page kept open for the extension APIs (Firefox gives no handle on the background
   * script): the popup page for a site outside the dataset, which writes nothing and is not the
   * options page (the banner's Options button must open a new tab).
   */
  async #openHelper() {
    return this.open(`popup.html?url=${encodeURIComponent("http://www.example.net/")}`, () => typeof browser !== "undefined" && Boolean(document.querySelector(".not-listed")), { timeout: 5000 });
  }

  async #record(target) {
    if (!EXTENSION_URL.test(target.url())) return;
    const page = await target.page().catch(() => null);
    if (!page || page === this.helper) return;
    this.extensionPagesSeen.add(new URL(target.url()).pathname.slice(1));
    recordPage(page, this.extensionRequests, () => page.url());
  }

  api(fn, arg) {
    return this.helper.evaluate(fn, arg);
  }

  async closeOtherPages(keep = []) {
    return super.closeOtherPages([...keep, this.helper]);
  }

  /**
   * The viewport alone. page.setViewport would also send emulation.setScreenOrientationOverride, which
   * Firefox ESR 140 (Debian 12) does not support; browsingContext.setViewport is in every Firefox the
   * manifest allows. The colour scheme is fixed at launch (see withLook).
   */
  async emulate(page, { width, height }) {
    if (width) await page.mainFrame().browsingContext.setViewport({ viewport: { width, height } });
  }

  /** The colour scheme is a preference fixed at launch in Firefox: another scheme is a short-lived second browser. */
  async withLook({ scheme }, fn) {
    if (scheme === this.scheme) return fn(this);
    const other = new FirefoxDriver();
    other.extensionRequests = this.extensionRequests;
    other.extensionPagesSeen = this.extensionPagesSeen;
    await other.launch({ port: this.port, extPath: this.extPath, scheme });
    try {
      await other.replaceSettings(await this.getSettings());
      return await fn(other);
    } finally {
      await other.stop();
    }
  }

  async openPopupFor(page) {
    const url = page.url();
    return this.open(`popup.html?url=${encodeURIComponent(url)}`, () => Boolean(document.querySelector("h1")));
  }

  async reloadExtension() {
    const old = this.helper;
    await old.evaluate(() => browser.runtime.reload()).catch(() => undefined);
    // Its pages close with the extension; the temporary add-on comes back under the same UUID.
    await pollValue(() => old.isClosed(), Boolean);
    for (let attempt = 1; ; attempt++) {
      try {
        this.helper = await this.#openHelper();
        return;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }
}

/** Chromium emulates the colour scheme per page (see `emulate`): one browser does for both. */
ChromiumDriver.prototype.withLook = async function withLook(_look, fn) {
  return fn(this);
};

/** The extension to load: the instrumented copy of the build. */
export function e2eBuild(target) {
  const dir = path.join(ROOT, "dist/e2e", target);
  if (!fs.existsSync(path.join(dir, "manifest.json"))) throw new Error(`${dir} is missing: run npm run build first`);
  return dir;
}
