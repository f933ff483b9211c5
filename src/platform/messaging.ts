// Typed request/response over runtime messaging. Errors raised by the
// background arrive as {ok:false} replies and are thrown here as Errors.
import browser from "./browser";
import type { Message, MessageName, Reply, Request, Response, SenderInfo } from "../core/messages";
import type { Runtime } from "./browser";

export async function send<K extends MessageName>(type: K, payload: Request<K>): Promise<Response<K>> {
  const message: Message<K> = { type, payload };
  const reply = (await browser.runtime.sendMessage(message)) as Reply<Response<K>> | undefined;
  if (!reply || typeof reply !== "object") throw new Error("no answer from the background");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Reduces a runtime.MessageSender to what the router needs. */
export function senderInfo(sender: Runtime.MessageSender): SenderInfo {
  // Our pages' URLs start with our own base URL (chrome-extension://<id>/ or moz-extension://<uuid>/).
  const base = browser.runtime.getURL("/");
  const url = sender.url;
  return { id: sender.id, url, tabId: sender.tab?.id, frameId: sender.frameId, fromExtensionPage: url !== undefined && url.startsWith(base) };
}

export function extensionId(): string {
  return browser.runtime.id;
}
