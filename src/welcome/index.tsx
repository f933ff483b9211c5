// Welcome page, shown once on install: what Data Borders shows, what it never
// does, and one question — the user's country.
import { useEffect, useState } from "preact/hooks";
import { send } from "../platform/messaging";
import { readSettings } from "../platform/settings";
import { t, uiLanguage } from "../platform/ui";
import { effectiveCountry } from "../core/settings";
import { CountrySelect } from "../ui/CountrySelect";
import { mount } from "../ui/mount";

function Welcome() {
  const [country, setCountry] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void readSettings().then((s) => setCountry(effectiveCountry(s, uiLanguage()))), []);
  if (country === null) return null;
  return (
    <main class="welcome">
      <h1>{t("welcomeTitle")}</h1>
      <p>{t("welcomeShows")}</p>
      <p><strong>{t("welcomeNever")}</strong></p>
      <form onSubmit={(e) => {
        e.preventDefault();
        void send("updateSettings", { patch: { country, onboarded: true } }).then(() => setSaved(true));
      }}>
        <label for="country">{t("welcomeQuestion")}</label>
        <CountrySelect id="country" value={country} onChange={setCountry} />
        <button type="submit">{t("welcomeDone")}</button>
      </form>
      {saved ? <p role="status">{t("welcomeSaved")}</p> : null}
    </main>
  );
}

mount(<Welcome />);
