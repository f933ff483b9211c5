// The popup's Page X-ray: the scan runs on the tab the popup was opened on
// (?tab= lets the details link and the test harness name it), and the
// background rolls the answer up.
import { send } from "../platform/messaging";
import { activeTabId, scanTab } from "../platform/scan";
import { ScanPanel, type ScanDeps } from "../ui/ScanPanel";

async function targetTab(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get("tab"));
  const id = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : await activeTabId();
  if (id === undefined) throw new Error("no tab to scan");
  return id;
}

const deps: ScanDeps = {
  scan: async () => scanTab(await targetTab()),
  rollup: (url, hosts) => send("getXray", { url, hosts }),
};

export function PopupScan({ url }: { url: string }) {
  return <ScanPanel url={url} deps={deps} />;
}
