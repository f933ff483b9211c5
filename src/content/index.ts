// Content script: asks the background whether this page gets a banner and
// keeps exactly one banner mounted. No dataset and no UI framework here.
import { sendFromContent, message, extensionAlive, onSyncChanged } from "../platform/content-runtime";
import { levelMessageKey } from "../core/text";
import type { BannerModel } from "../core/messages";
import { HOST_ATTRIBUTE, mountBanner, type BannerText, type MountedBanner } from "./banner";

const GUARD = Symbol.for("data-borders.content");
const scope = globalThis as unknown as Record<symbol, boolean>;

function text(model: BannerModel): BannerText {
  return {
    levelLabel: message(levelMessageKey(model.level)),
    regionLabel: message("bannerRegionLabel"),
    details: message("bannerDetails"),
    dismiss: message("bannerDismiss"),
    options: message("bannerOptions"),
    close: message("bannerClose"),
  };
}

/**
 * Instrumented test builds only (the shipped bundle drops this): marks on the
 * page's root that the content script runs and how many answers it applied,
 * so end-to-end tests can assert "no banner" once the verdict is known.
 */
function signal(level: string | null): void {
  if (!__E2E__) return;
  const root = document.documentElement;
  if (level === null) {
    root.setAttribute("data-borders-e2e-answers", "0");
    return;
  }
  root.setAttribute("data-borders-e2e-answers", String(Number(root.getAttribute("data-borders-e2e-answers") ?? 0) + 1));
  root.setAttribute("data-borders-e2e-level", level);
}

function start(): void {
  let banner: MountedBanner | null = null;

  const unmount = () => {
    banner?.remove();
    banner = null;
  };
  const act = (type: "openDetails" | "openOptions" | "dismissSite" | "bannerClosed", removeAfter: boolean) => () => {
    if (removeAfter) unmount();
    sendFromContent(type, {}).catch(() => undefined);
  };

  const refresh = async () => {
    let model: BannerModel | null;
    try {
      model = await sendFromContent("getVerdict", {});
    } catch {
      signal("unavailable");
      return; // the background is unavailable (extension reloading): leave the page as it is
    }
    apply(model);
    signal(model?.level ?? "none");
  };

  const apply = (model: BannerModel | null) => {
    if (!model) return unmount();
    if (banner) return banner.update(model, text(model));
    // Orphans of an earlier instance (extension reloaded) are not ours: remove them.
    for (const stale of document.querySelectorAll(`:root > [${HOST_ATTRIBUTE}]`)) stale.remove();
    banner = mountBanner(document, model, text(model), {
      details: act("openDetails", false),
      options: act("openOptions", false),
      dismiss: act("dismissSite", true),
      close: act("bannerClosed", true),
    });
  };

  // Pages that rewrite the document may drop our host: put it back, at most
  // ten times a second so a page that fights back cannot make us spin.
  let recent: number[] = [];
  let pending: ReturnType<typeof setTimeout> | undefined;
  const reattach = () => {
    if (!banner || banner.host.isConnected) return;
    const now = Date.now();
    recent = recent.filter((t) => now - t < 1000);
    if (recent.length >= 10) {
      pending ??= setTimeout(() => { pending = undefined; reattach(); }, 1000);
      return;
    }
    recent.push(now);
    banner.show();
  };
  new MutationObserver(reattach).observe(document.documentElement, { childList: true });

  const stopSync = onSyncChanged(() => void refresh());
  const watchdog = setInterval(() => {
    if (extensionAlive()) return;
    clearInterval(watchdog);
    stopSync();
    unmount();
  }, 5000);

  signal(null);
  void refresh();
}

if (!scope[GUARD]) {
  scope[GUARD] = true;
  start();
}
