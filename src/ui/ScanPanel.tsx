// Page X-ray in the popup: a "Scan this page" button for any http(s) tab.
// Nothing runs in the page until the user clicks; the answer is checked, rolled
// up by the background from the bundled dataset, and shown here only.
import { useState } from "preact/hooks";
import type { ScanHost } from "../core/scan-shape";
import type { Xray, XrayCompany } from "../core/xray";
import { controlledFromText, requestsText, xraySummary } from "../core/xray-text";
import { useUi } from "./context";
import { Flag } from "./report/bits";
import { LevelBadge } from "./report/VerdictHeader";

export interface ScanDeps {
  /** Runs the read-only collection in the page and returns its checked answer. */
  scan: () => Promise<ScanHost[]>;
  /** The background's roll-up for this user. */
  rollup: (url: string, hosts: ScanHost[]) => Promise<Xray>;
}

type State = { step: "idle" } | { step: "running" } | { step: "failed" } | { step: "done"; xray: Xray };

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Company({ c }: { c: XrayCompany }) {
  const { t, lang } = useUi();
  return (
    <li class="xray-company">
      <div class="xray-company-head">
        <span class="xray-flags">{c.countries.map((cc) => <Flag key={cc} code={cc} />)}</span>
        <strong>{c.name}</strong>
        <span class="xray-requests">{requestsText(c.requests, t, lang)}</span>
      </div>
      <div class="xray-company-body">
        <LevelBadge level={c.level} />
        <span class="meta">{controlledFromText(c, t, lang)} · {c.services.map((s) => s.name).join(", ")}</span>
      </div>
    </li>
  );
}

export function XrayView({ xray }: { xray: Xray }) {
  const { t, lang } = useUi();
  return (
    <div class="xray-result">
      <p class="xray-summary" role="status">{xraySummary(xray, t, lang)}</p>
      {xray.companies.length > 0 ? <ul class="xray-companies">{xray.companies.map((c) => <Company key={c.id} c={c} />)}</ul> : null}
      {xray.unknown.length > 0 ? (
        <div class="xray-unknown">
          <h3>{t("xrayUnknownTitle")}</h3>
          <p class="help">{t("xrayUnknownHint")}</p>
          <ul>{xray.unknown.map((u) => <li key={u.domain}><span class="xray-domain">{u.domain}</span> <span class="xray-requests">{requestsText(u.requests, t, lang)}</span></li>)}</ul>
        </div>
      ) : null}
      {xray.firstParty.domain ? <p class="meta xray-first-party">{t("xrayFirstParty", [xray.firstParty.domain, requestsText(xray.firstParty.requests, t, lang)])}</p> : null}
    </div>
  );
}

export function ScanPanel({ url, deps }: { url: string; deps: ScanDeps }) {
  const { t } = useUi();
  const [state, setState] = useState<State>({ step: "idle" });
  if (!isWebUrl(url)) return null;
  const run = async () => {
    setState({ step: "running" });
    try {
      const hosts = await deps.scan();
      setState({ step: "done", xray: await deps.rollup(url, hosts) });
    } catch {
      setState({ step: "failed" });
    }
  };
  return (
    <section class="section xray" aria-labelledby="xray-title">
      {state.step === "done" ? (
        <>
          <h2 id="xray-title">{t("scanTitle")}</h2>
          <XrayView xray={state.xray} />
        </>
      ) : (
        <>
          {/* One row and one line: the popup's answer stays above the fold. */}
          <div class="xray-bar">
            <h2 id="xray-title">{t("scanTitle")}</h2>
            <button type="button" class="scan-button" aria-describedby="xray-hint" onClick={() => void run()} disabled={state.step === "running"}>
              {state.step === "running" ? t("scanRunning") : t("scanButton")}
            </button>
          </div>
          <p class="help" id="xray-hint">{t("scanHint")}</p>
          {state.step === "failed" ? <p class="state error" role="alert">{t("scanFailed")}</p> : null}
        </>
      )}
    </section>
  );
}
