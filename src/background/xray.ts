// The background's answer to a page scan: the roll-up for this user, from
// the bundled dataset. The hosts were checked by the message router; nothing
// is stored and nothing leaves the device.
import type { Handler } from "../core/messages";
import { effectiveCountry } from "../core/settings";
import { rollup } from "../core/xray";
import { ready, today } from "./state";
import { uiLanguage } from "./verdict";

export const getXray: Handler<"getXray"> = async ({ url, hosts }) => {
  const state = await ready();
  // The roll-up assesses each service named; it offers no alternatives, so their categories are not read.
  const dataset = await state.data.forUrls([url, ...hosts.map((h) => `https://${h.host}/`)], { category: false });
  return rollup(dataset, url, hosts, effectiveCountry(state.settings, uiLanguage()), state.settings.concerns, today());
};
