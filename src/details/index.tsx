// Details page: the full report for the URL given in ?url=.
import { send } from "../platform/messaging";
import { ReportPage } from "../ui/ReportPage";
import { ReportView } from "../ui/report/ReportView";
import { mount } from "../ui/mount";

const load = (url: string) => send("getReport", { url });
const url = new URLSearchParams(location.search).get("url") ?? undefined;

mount(
  <main class="details">
    <ReportPage url={url} load={load} view={(report) => <ReportView report={report} />} />
  </main>,
);
