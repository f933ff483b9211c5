// Popup: the short answer for the active tab, and a button to the full report.
import { useCallback, useLayoutEffect, useState } from "preact/hooks";
import { activeTab, openExtensionPage, t } from "../platform/ui";
import { ReportPage } from "../ui/ReportPage";
import { PopupAnswer } from "../ui/report/PopupAnswer";
import { UnreadableTab } from "../ui/states";
import { mount } from "../ui/mount";
import { PopupScan } from "./xray";
import { loadReport } from "./load";

interface Target {
  url: string | undefined;
  tab: number | undefined;
}

function Popup() {
  // null: not known yet; url undefined: the browser does not let us read the tab's address.
  const [target, setTarget] = useState<Target | null>(null);
  useLayoutEffect(() => {
    // The test harness (and the details link) can pass ?url= (and ?tab=); the toolbar popup uses the active tab.
    const query = new URLSearchParams(location.search);
    const fromQuery = query.get("url");
    const tab = Number(query.get("tab"));
    if (fromQuery) setTarget({ url: fromQuery, tab: Number.isSafeInteger(tab) && tab > 0 ? tab : undefined });
    else activeTab().then(({ id, url }) => setTarget({ url, tab: id }), () => setTarget({ url: undefined, tab: undefined }));
  }, []);
  const tab = target?.tab;
  const load = useCallback((u: string) => loadReport(u, tab), [tab]);
  const url = target?.url;
  const openDetails = (u: string) => void openExtensionPage(`details.html?url=${encodeURIComponent(u)}`).then(() => window.close());
  return (
    <main class="popup">
      {target === null ? null : url === undefined ? <UnreadableTab /> : (
        <ReportPage
          url={url}
          load={load}
          view={(report) => (
            <PopupAnswer
              report={report}
              actions={<p class="open-details"><button type="button" class="primary" onClick={() => openDetails(url)}>{t("popupFullReport")}</button></p>}
            />
          )}
        />
      )}
      {url ? <PopupScan url={url} /> : null}
    </main>
  );
}

mount(<Popup />);
