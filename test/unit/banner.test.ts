/** @jest-environment jsdom */
import { HOST_ATTRIBUTE, mountBanner, type BannerText } from "../../src/content/banner";

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202Egnp.exe javascript:alert(1)`;
const text: BannerText = { levelLabel: "High concern", regionLabel: "Data Borders warning", details: "Details", dismiss: "Don't warn on this site", options: "Settings", close: "Close" };

let roots: ShadowRoot[] = [];
const original = Element.prototype.attachShadow;
beforeEach(() => {
  roots = [];
  document.documentElement.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((e) => e.remove());
  // The banner's root is closed; keep a handle for the test the way DevTools would.
  jest.spyOn(Element.prototype, "attachShadow").mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
});
afterEach(() => jest.restoreAllMocks());

function mount(sentence = "The authorities of China can compel access to your data.") {
  const actions = { details: jest.fn(), dismiss: jest.fn(), options: jest.fn(), close: jest.fn() };
  const banner = mountBanner(document, { level: "high", serviceName: "TikTok", domain: "tiktok.com", sentence }, text, actions);
  return { banner, actions, root: roots[0]! };
}

describe("banner", () => {
  test("mounts one host under <html> with a closed shadow root and an accessible name", () => {
    const { banner, root } = mount();
    expect(banner.host.parentElement).toBe(document.documentElement);
    // First in the document, and its close button first inside: one Tab from the page's start reaches it.
    expect(document.documentElement.firstElementChild).toBe(banner.host);
    expect(banner.host.shadowRoot).toBeNull();
    expect(root.mode).toBe("closed");
    expect(banner.host.getAttribute("aria-label")).toBe("Data Borders warning: TikTok");
    const region = root.querySelector("section")!;
    expect(region.getAttribute("role")).toBe("region");
    expect(region.className).toBe("banner high");
    expect(root.querySelector(".title")!.textContent).toBe("TikTok — High concern");
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  test("the tag name is random per mount, so a page's custom elements cannot claim it", () => {
    const a = mount().banner.host.tagName;
    const b = mountBanner(document, { level: "medium", serviceName: "X", domain: "x.com", sentence: "s" }, text, { details() {}, dismiss() {}, options() {}, close() {} }).host.tagName;
    expect(a).toMatch(/^DATA-BORDERS-[A-Z]{10}$/);
    expect(a).not.toBe(b);
  });

  test("page and data strings are inert text", () => {
    const { root, banner } = mount(HOSTILE);
    banner.update({ level: "high", serviceName: HOSTILE, domain: "x", sentence: HOSTILE }, text);
    expect(root.querySelector(".sentence")!.textContent).toBe(HOSTILE);
    expect(root.querySelector(".service")!.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll("img, script, a")).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test("buttons and Escape call the actions", () => {
    const { root, actions } = mount();
    (root.querySelector("button.details") as HTMLButtonElement).click();
    (root.querySelector("button.dismiss") as HTMLButtonElement).click();
    (root.querySelector("button.options") as HTMLButtonElement).click();
    (root.querySelector("button.close") as HTMLButtonElement).click();
    root.querySelector("section")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(actions.details).toHaveBeenCalledTimes(1);
    expect(actions.dismiss).toHaveBeenCalledTimes(1);
    expect(actions.options).toHaveBeenCalledTimes(1);
    expect(actions.close).toHaveBeenCalledTimes(2);
    expect(root.querySelector("button.close")!.getAttribute("aria-label")).toBe("Close");
    for (const b of root.querySelectorAll("button")) expect(b.getAttribute("type")).toBe("button");
    expect(root.querySelector("button")!.className).toBe("close");
  });

  test("update changes level and text in place; remove takes the host away", () => {
    const { banner, root } = mount();
    banner.update({ level: "medium", serviceName: "TikTok", domain: "tiktok.com", sentence: "Changed." }, { ...text, levelLabel: "Medium concern" });
    expect(root.querySelector("section")!.className).toBe("banner medium");
    expect(root.querySelector(".sentence")!.textContent).toBe("Changed.");
    banner.remove();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
