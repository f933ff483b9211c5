// Popup: the short answer for the active tab, and a button to the full report.
import { useLayoutEffect, useState } from "preact/hooks";
import { send } from "../platform/messaging";
import { activeTabUrl, openExtensionPage, t } from "../platform/ui";
import { ReportPage } from "../ui/ReportPage";
import { UnreadableTab } from "../ui/states";
import { mount } from "../ui/mount";
import { PopupScan } from "./xray";

const load = (url: string) => send("getReport", { url });

function Popup() {
  // null: not known yet; undefined: the browser does not let us read the tab's address.
  const [url, setUrl] = useState<string | undefined | null>(null);
  useLayoutEffect(() => {
    // The test harness (and the details link) can pass ?url=; the toolbar popup uses the active tab.
    const fromQuery = new URLSearchParams(location.search).get("url");
    if (fromQuery) setUrl(fromQuery);
    else activeTabUrl().then(setUrl, () => setUrl(undefined));
  }, []);
  const openDetails = (u: string) => void openExtensionPage(`details.html?url=${encodeURIComponent(u)}`).then(() => window.close());
  return (
    <main class="popup">
      {url === null ? null : url === undefined ? <UnreadableTab /> : (
        <ReportPage
          url={url}
          load={load}
          compact
          actions={<p class="open-details"><button type="button" class="primary" onClick={() => openDetails(url)}>{t("popupFullReport")}</button></p>}
        />
      )}
      {url ? <PopupScan url={url} /> : null}
    </main>
  );
}

mount(<Popup />);
