// browser.i18n.getMessage for Node tools: the same catalogue the extension ships.
import type { Translate } from "../../src/core/text";
import { MESSAGES } from "./messages.mjs";

const LANGS = ["en", "fr"] as const;

export function translator(lang: (typeof LANGS)[number] = "en"): Translate {
  const i = LANGS.indexOf(lang);
  return (key, subs = []) => {
    const m = (MESSAGES as Record<string, readonly string[]>)[key]?.[i];
    if (m === undefined) throw new Error(`no message "${key}" in ${lang}`);
    return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
  };
}
