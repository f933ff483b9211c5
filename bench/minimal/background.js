/* global chrome */
// The minimal extension's service worker: answers every message at once with
// a constant, in the protocol's reply shape. The physical limit a real
// background is compared with.
const REPLY = { ok: true, value: { version: "0", hash: "0", services: 0, domains: 0, entities: 0, laws: 0 } };
chrome.runtime.onMessage.addListener((_message, _sender, reply) => {
  reply(REPLY);
});
