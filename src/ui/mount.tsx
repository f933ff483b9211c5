// Mounts a page's root component with the browser's translations.
import { render, type ComponentChildren } from "preact";
import { t, uiLanguage, extensionUrl } from "../platform/ui";
import { UiContext, type Ui } from "./context";

export function mount(children: ComponentChildren): void {
  const ui: Ui = { t, lang: uiLanguage(), asset: extensionUrl };
  document.documentElement.lang = ui.lang;
  document.title = t("extName");
  const root = document.getElementById("app");
  if (root) render(<UiContext.Provider value={ui}>{children}</UiContext.Provider>, root);
}
