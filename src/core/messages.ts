// The one message protocol between the extension's contexts: name → request
// → response. The background's handler map is checked against it at compile
// time, and every incoming message is checked against it at run time.
import type { Level } from "./assess";
import type { Report } from "./report";
import type { Settings } from "./settings";
import type { UserLawStatus } from "./tiers";
import { parseScan, type ScanHost } from "./scan-shape";
import type { Xray } from "./xray";

export interface BannerModel {
  level: Exclude<Level, "none">;
  serviceName: string;
  domain: string;
  /** Localised, built from the findings by the background. */
  sentence: string;
}

export interface DataInfo {
  version: string;
  hash: string;
  services: number;
  domains: number;
  entities: number;
  laws: number;
  /** How each country's own law is modelled (for the country list and its note). */
  userLaws: Record<string, UserLawStatus>;
}

export interface Protocol {
  /** Content script: the banner for the page it runs in, or null for none. */
  getVerdict: { request: Record<string, never>; response: BannerModel | null };
  /** Content script: the user closed the banner; not again this session unless the level rises. */
  bannerClosed: { request: Record<string, never>; response: true };
  /** Content script: never show the banner on this site again. */
  dismissSite: { request: Record<string, never>; response: true };
  /** Content script: open the details page for this page. */
  openDetails: { request: Record<string, never>; response: true };
  /** Content script: open the options page. */
  openOptions: { request: Record<string, never>; response: true };
  /** Extension pages: the full report for a URL; the popup names the tab it shows (the report is then kept as that tab's). */
  getReport: { request: { url: string; tab?: number }; response: Report };
  /** Extension pages: change settings (all writes go through the background, one at a time). */
  updateSettings: { request: { patch: Partial<Settings> }; response: Settings };
  /** Extension pages: undo a site dismissal. */
  restoreSite: { request: { domain: string }; response: Settings };
  /** Extension pages: what dataset is bundled. */
  getDataInfo: { request: Record<string, never>; response: DataInfo };
  /** Extension pages: the roll-up of a page scan the user asked for (host names and request counts), for this user. */
  getXray: { request: { url: string; hosts: ScanHost[] }; response: Xray };
}

export type MessageName = keyof Protocol;
export type Request<K extends MessageName> = Protocol[K]["request"];
export type Response<K extends MessageName> = Protocol[K]["response"];

export interface Message<K extends MessageName = MessageName> {
  type: K;
  payload: Request<K>;
}

/** What the background knows of a sender, reduced from runtime.MessageSender. */
export interface SenderInfo {
  id: string | undefined;
  url: string | undefined;
  tabId: number | undefined;
  frameId: number | undefined;
  /** The sender is one of our own extension pages (popup, options, details). */
  fromExtensionPage: boolean;
}

export type Handler<K extends MessageName> = (payload: Request<K>, sender: SenderInfo) => Promise<Response<K>>;
export type Handlers = { [K in MessageName]: Handler<K> };

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** Messages a content script may send; everything else is for extension pages only. */
export const CONTENT_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>([
  "getVerdict", "bannerClosed", "dismissSite", "openDetails", "openOptions",
]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

const isEmpty = (p: unknown) => isPlainObject(p) && Object.keys(p).length === 0;
const isTabId = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isShortString = (v: unknown, max: number) => typeof v === "string" && v.length > 0 && v.length <= max;

const VALIDATORS: { [K in MessageName]: (payload: unknown) => boolean } = {
  getVerdict: isEmpty,
  bannerClosed: isEmpty,
  dismissSite: isEmpty,
  openDetails: isEmpty,
  openOptions: isEmpty,
  getReport: (p) => isPlainObject(p) && isShortString(p.url, 8192) &&
    (Object.keys(p).length === 1 || (Object.keys(p).length === 2 && isTabId(p.tab))),
  updateSettings: (p) => isPlainObject(p) && Object.keys(p).length === 1 && isPlainObject(p.patch),
  restoreSite: (p) => isPlainObject(p) && Object.keys(p).length === 1 && isShortString(p.domain, 253),
  getDataInfo: isEmpty,
  getXray: (p) => isPlainObject(p) && Object.keys(p).length === 2 && isShortString(p.url, 8192) && parseScan(p.hosts) !== null,
};

export function isMessageName(v: unknown): v is MessageName {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(VALIDATORS, v);
}

export class RejectedMessage extends Error {}

/**
 * Checks a raw message and its sender and dispatches it. Never throws:
 * rejections and handler errors become `{ok: false, error}`.
 */
export async function route(handlers: Handlers, raw: unknown, sender: SenderInfo, ownId: string): Promise<Reply> {
  try {
    if (sender.id !== ownId) throw new RejectedMessage("sender is not this extension");
    if (!isPlainObject(raw) || !isMessageName(raw.type)) throw new RejectedMessage("unknown message");
    const type = raw.type;
    if (!sender.fromExtensionPage) {
      if (!CONTENT_MESSAGES.has(type)) throw new RejectedMessage(`${type} is not allowed from a content script`);
      if (sender.tabId === undefined || sender.frameId !== 0) throw new RejectedMessage("content messages must come from a tab's top frame");
    }
    if (!VALIDATORS[type](raw.payload)) throw new RejectedMessage(`malformed payload for ${type}`);
    const handler = handlers[type] as Handler<typeof type>;
    return { ok: true, value: await handler(raw.payload as never, sender) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
