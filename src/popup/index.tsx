// Popup: the report for the active tab, compact, with a link to the full page.
import { useLayoutEffect, useState } from "preact/hooks";
import { send } from "../platform/messaging";
import { activeTabUrl, openExtensionPage, t } from "../platform/ui";
import { ReportPage } from "../ui/ReportPage";
import { mount } from "../ui/mount";
import { PopupScan } from "./xray";

const load = (url: string) => send("getReport", { url });

function Popup() {
  const [url, setUrl] = useState<string | undefined | null>(null);
  useLayoutEffect(() => {
    // The test harness (and the details link) can pass ?url=; the toolbar popup uses the active tab.
    const fromQuery = new URLSearchParams(location.search).get("url");
    if (fromQuery) setUrl(fromQuery);
    else activeTabUrl().then(setUrl, () => setUrl(undefined));
  }, []);
  return (
    <main class="popup">
      {url === null ? null : <ReportPage url={url} load={load} compact />}
      {url ? <PopupScan url={url} /> : null}
      {url ? (
        <p class="open-details">
          <button type="button" class="link" onClick={() => void openExtensionPage(`details.html?url=${encodeURIComponent(url)}`).then(() => window.close())}>
            {t("openDetails")}
          </button>
        </p>
      ) : null}
    </main>
  );
}

mount(<Popup />);
