// What the extension pages (popup, details, options, welcome) need from the
// browser, in one place.
import browser from "./browser";
import type { Translate } from "../core/text";

export const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || "en";
}

/** The active tab: its id, and its URL, readable because the user invoked the action (activeTab). */
export async function activeTab(): Promise<{ id: number | undefined; url: string | undefined }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
