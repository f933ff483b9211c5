// The English message table, flattened as browser.i18n would serve it.
import { MESSAGES } from "../../tools/i18n/messages.mjs";

export const EN: Record<string, string> = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[0]]));
export const FR: Record<string, string> = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[1]]));

export function translator(table: Record<string, string>) {
  return (key: string, subs: string[] = []) => (table[key] ?? key).replace(/\$(\d)/g, (_: string, n: string) => subs[Number(n) - 1] ?? "");
}
