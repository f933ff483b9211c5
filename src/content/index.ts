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

function start(): void {
  let banner: MountedBanner | null = null;
  let reattachments = 0;

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
      return; // the background is unavailable (extension reloading): leave the page as it is
    }
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

  // Pages that rewrite the document may drop our host; put it back, within reason.
  new MutationObserver(() => {
    if (banner && !banner.host.isConnected && reattachments < 20) {
      reattachments++;
      document.documentElement.append(banner.host);
    }
  }).observe(document.documentElement, { childList: true });

  const stopSync = onSyncChanged(() => void refresh());
  const watchdog = setInterval(() => {
    if (extensionAlive()) return;
    clearInterval(watchdog);
    stopSync();
    unmount();
  }, 5000);

  void refresh();
}

if (!scope[GUARD]) {
  scope[GUARD] = true;
  start();
}
