// Translation and language for the UI components, provided once per page so
// components stay testable with any message table.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Translate } from "../core/text";

export interface Ui {
  t: Translate;
  lang: string;
  /** Resolves a path inside the extension (flags, map data). */
  asset: (path: string) => string;
}

export const UiContext = createContext<Ui>({ t: (k) => k, lang: "en", asset: (p) => p });

export function useUi(): Ui {
  return useContext(UiContext);
}
