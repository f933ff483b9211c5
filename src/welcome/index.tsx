// Welcome page, shown once on install: what Data Borders shows, what it never
// does, how to keep its icon in view, one question — the user's country — and,
// once saved, what happens next, with one example for that country.
import { useEffect, useState } from "preact/hooks";
import { send } from "../platform/messaging";
import { readSettings } from "../platform/settings";
import { t, uiLanguage } from "../platform/ui";
import { effectiveCountry } from "../core/settings";
import { countryName, summarize } from "../core/text";
import { namesOf, type Report } from "../core/report-types";
import { CountrySelect } from "../ui/CountrySelect";
import type { DataInfo } from "../core/messages";
import { LevelBadge } from "../ui/report/VerdictHeader";
import { mount } from "../ui/mount";

/** A well-known service's host in the dataset, for the example after Save (looked up, never linked). */
const EXAMPLE_HOST = "www.tiktok.com";

function Example({ report }: { report: Report }) {
  const lang = uiLanguage();
  if (!report.matched || !report.service) return null;
  return (
    <div class="example">
      <p>{t("welcomeExample", [report.service.name, countryName(report.country, lang)])}</p>
      <p><LevelBadge level={report.verdict.level} /></p>
      <p class="sentence">{summarize(report.verdict.findings, t, namesOf(report), lang)}</p>
    </div>
  );
}

function Welcome() {
  const [country, setCountry] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [example, setExample] = useState<Report | null>(null);
  const [userLaws, setUserLaws] = useState<DataInfo["userLaws"] | null>(null);
  useEffect(() => void readSettings().then((s) => setCountry(effectiveCountry(s, uiLanguage()))), []);
  useEffect(() => void send("getDataInfo", {}).then((info) => setUserLaws(info.userLaws), () => setUserLaws(null)), []);
  if (country === null) return null;
  const firefox = typeof __BROWSER__ !== "undefined" && __BROWSER__ === "firefox";
  return (
    <main class="welcome">
      <h1>{t("welcomeTitle")}</h1>
      <p>{t("welcomeShows")}</p>
      <p><strong>{t("welcomeNever")}</strong></p>
      <section class="pin" aria-labelledby="pin-title">
        <h2 id="pin-title">{t("welcomePinTitle")}</h2>
        <p>{t(firefox ? "welcomePinFirefox" : "welcomePinChrome")}</p>
      </section>
      <form onSubmit={(e) => {
        e.preventDefault();
        void send("updateSettings", { patch: { country, onboarded: true } })
          .then(() => setSaved(true))
          .then(() => send("getReport", { url: `https://${EXAMPLE_HOST}/` }))
          .then(setExample, () => undefined);
      }}>
        <label for="country">{t("welcomeQuestion")}</label>
        <CountrySelect id="country" value={country} userLaws={userLaws} onChange={(c) => { setCountry(c); setSaved(false); setExample(null); }} />
        <button type="submit">{t("welcomeDone")}</button>
      </form>
      {saved ? (
        <section class="next" aria-labelledby="next-title">
          <p role="status">{t("welcomeSaved")}</p>
          <h2 id="next-title">{t("welcomeNextTitle")}</h2>
          <p>{t("welcomeNextBadge")}</p>
          <p>{t("welcomeNextBanner")}</p>
          {example ? <Example report={example} /> : null}
          <p><a href="options.html">{t("welcomeOpenSettings")}</a></p>
        </section>
      ) : null}
    </main>
  );
}

mount(<Welcome />);
