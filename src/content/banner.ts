// The in-page banner: a closed shadow root on an element under
// <html>, built with DOM calls and textContent only (page and data strings
// are never parsed as markup). Keyboard: it is the page's first Tab stop
// (its close button first); Escape closes it while focus is inside it.
import type { BannerModel } from "../core/messages";
import { BANNER_CSS } from "./banner-style";

export const HOST_ATTRIBUTE = "data-borders-banner";

export interface BannerText {
  levelLabel: string;
  regionLabel: string;
  details: string;
  dismiss: string;
  options: string;
  close: string;
}

export interface BannerActions {
  details(): void;
  dismiss(): void;
  options(): void;
  close(): void;
}

export interface MountedBanner {
  host: HTMLElement;
  /** Puts the host (back) under <html>, in the top layer where the browser supports popovers. */
  show(): void;
  update(model: BannerModel, text: BannerText): void;
  remove(): void;
}

const SVG_NS = "http://www.w3.org/2000/svg";

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function warningIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", "icon");
  svg.setAttribute("aria-hidden", "true");
  const path = doc.createElementNS(SVG_NS, "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-8h-2v6h2V9z");
  svg.append(path);
  return svg;
}

function adoptStyles(root: ShadowRoot, doc: Document): void {
  // A constructed stylesheet is not subject to the page's style-src CSP; fall
  // back to a <style> element where adopting is not possible.
  try {
    const view = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(BANNER_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    const style = doc.createElement("style");
    style.textContent = BANNER_CSS;
    root.append(style);
  }
}

function randomTag(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return `data-borders-${Array.from(bytes, (b) => (b % 26 + 10).toString(36)).join("")}`;
}

export function mountBanner(doc: Document, model: BannerModel, text: BannerText, actions: BannerActions): MountedBanner {
  // A per-page random tag: a page's own custom element can never claim it.
  const host = doc.createElement(randomTag());
  host.setAttribute(HOST_ATTRIBUTE, "");
  const root = host.attachShadow({ mode: "closed" });
  adoptStyles(root, doc);

  const section = el(doc, "section", "banner");
  section.setAttribute("role", "region");
  section.tabIndex = -1;
  const textBox = el(doc, "div", "text");
  const title = el(doc, "p", "title");
  const name = el(doc, "span", "service");
  const level = el(doc, "span", "level");
  title.append(name, doc.createTextNode(" — "), level);
  const sentence = el(doc, "p", "sentence");
  sentence.setAttribute("aria-live", "polite");
  textBox.append(title, sentence);

  const close = el(doc, "button", "close", "×");
  close.type = "button";
  const actionsBox = el(doc, "div", "actions");
  const details = el(doc, "button", "primary details");
  const dismiss = el(doc, "button", "dismiss");
  const options = el(doc, "button", "options");
  for (const b of [details, dismiss, options]) b.type = "button";
  actionsBox.append(details, dismiss, options);
  section.append(warningIcon(doc), textBox, close, actionsBox);
  root.append(section);

  details.addEventListener("click", () => actions.details());
  dismiss.addEventListener("click", () => actions.dismiss());
  options.addEventListener("click", () => actions.options());
  close.addEventListener("click", () => actions.close());
  section.addEventListener("keydown", (e) => {
    if (e.key === "Escape") actions.close();
  });

  const update = (m: BannerModel, t: BannerText) => {
    section.className = `banner ${m.level}`;
    const label = `${t.regionLabel}: ${m.serviceName}`;
    section.setAttribute("aria-label", label);
    host.setAttribute("aria-label", label);
    name.textContent = m.serviceName;
    level.textContent = t.levelLabel;
    sentence.textContent = m.sentence;
    details.textContent = t.details;
    dismiss.textContent = t.dismiss;
    options.textContent = t.options;
    close.setAttribute("aria-label", t.close);
    close.title = t.close;
  };
  update(model, text);
  // In the top layer the banner escapes the page's transforms, overflow and stacking contexts.
  host.setAttribute("popover", "manual");
  const show = () => {
    // First in the document, so the first Tab from the page's start lands on its close button.
    if (!host.isConnected) doc.documentElement.prepend(host);
    try {
      if (!host.matches(":popover-open")) host.showPopover();
    } catch {
      // No popover support: the fixed-position overlay still works.
    }
  };
  show();
  return { host, show, update, remove: () => host.remove() };
}
