// Service worker (Chrome) / background script (Firefox): wiring only.
// Listeners are registered synchronously at top level so an event that
// wakes the worker is never missed; handlers wait for `ready()`.
import browser, { type Runtime } from "../platform/browser";
import { extensionId, senderInfo } from "../platform/messaging";
import { readSettings } from "../platform/settings";
import { route } from "../core/messages";
import { handlers } from "./handlers";
import { ready, trackSettings } from "./state";
import { forgetTab, updateAllBadges, updateBadge } from "./badge";

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(handlers, message, senderInfo(sender), extensionId()));

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url === undefined && change.status !== "loading") return;
  void ready().then((state) => updateBadge(state, tabId, tab.url));
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== "install") return;
  void readSettings().then((s) => {
    if (!s.onboarded) void browser.tabs.create({ url: browser.runtime.getURL("welcome.html") });
  });
});

trackSettings(() => void ready().then(updateAllBadges));

// Recompute every badge when the worker (re)starts: badges must be right after a restart.
void ready().then(updateAllBadges).catch((e: unknown) => console.error("[Data Borders]", e));
