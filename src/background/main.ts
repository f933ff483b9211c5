// Service worker (Chrome) / background script (Firefox): wiring only.
// `main` registers every listener synchronously, in the worker's first turn,
// so an event that wakes the worker is never missed; handlers wait for
// `settled()` (settings) or `ready()` (settings and dataset). Tests call
// `main` against a fake browser and fire its events.
import browser, { type Runtime } from "../platform/browser";
import { extensionId, senderInfo } from "../platform/messaging";
import { readSettings } from "../platform/settings";
import { route } from "../core/messages";
import { handlers } from "./handlers";
import { settled, trackSettings } from "./state";
import { updateAllBadges, updateBadge } from "./badge";
import { forgetTab, settingsChanged } from "./reports";

/** Wires the background; the promise settles once every open tab's badge is computed. */
export function main(): Promise<void> {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(handlers, message, senderInfo(sender), extensionId()));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== "loading") return;
    void settled().then((state) => updateBadge(state, tabId, tab.url));
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== "install") return;
    void readSettings().then((s) => {
      if (!s.onboarded) void browser.tabs.create({ url: browser.runtime.getURL("welcome.html") });
    });
  });

  trackSettings((_, previous) => void settled().then(async (state) => {
    await settingsChanged(previous, state);
    await updateAllBadges(state);
  }));

  // Set every badge when the worker (re)starts, from the stored reports (computed where none is fresh).
  return settled().then(updateAllBadges).catch((e: unknown) => console.error("[Data Borders]", e));
}
