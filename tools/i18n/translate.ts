// browser.i18n.getMessage for Node tools: the same catalogue the extension ships.
import type { Translate } from "../../src/core/text";
import { catalogue, type Lang } from "./catalogue.mjs";

export function translator(lang: Lang = "en"): Translate {
  const table = catalogue(lang);
  return (key, subs = []) => {
    const m = table[key];
    if (m === undefined) throw new Error(`no message "${key}" in ${lang}`);
    return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
  };
}
