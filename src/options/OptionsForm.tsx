// The settings form. Pure props in, patches out: the page wires it to storage.
import { useState } from "preact/hooks";
import { FINDING_KINDS, type FindingKind } from "../core/assess";
import type { DataInfo } from "../core/messages";
import { BADGE_THRESHOLDS, BANNER_THRESHOLDS, type BadgeThreshold, type BannerThreshold, type Settings } from "../core/settings";
import { concernMessageKey } from "../core/text";
import { CountrySelect } from "../ui/CountrySelect";
import { useUi } from "../ui/context";
import { ExternalLink } from "../ui/report/bits";
import { HOMEPAGE_URL } from "../core/project";

const THRESHOLD_KEY: Record<BannerThreshold, string> = { high: "optBannerHigh", medium: "optBannerMedium", never: "optBannerNever" };
const BADGE_KEY: Record<BadgeThreshold, string> = { low: "optBadgeLow", medium: "optBadgeMedium", high: "optBadgeHigh" };

export interface OptionsProps {
  settings: Settings;
  country: string;
  dataInfo: DataInfo | null;
  onPatch: (patch: Partial<Settings>) => Promise<void>;
  onRestore: (domain: string) => Promise<void>;
  onShowWelcome: () => void;
}

export function OptionsForm({ settings, country, dataInfo, onPatch, onRestore, onShowWelcome }: OptionsProps) {
  const { t } = useUi();
  const [status, setStatus] = useState("");
  const [restored, setRestored] = useState<string | null>(null);
  const save = (patch: Partial<Settings>) => onPatch(patch).then(() => setStatus(t("saved")), (e: unknown) => setStatus(String(e)));
  const setConcern = (kind: FindingKind, on: boolean) => save({ concerns: { ...settings.concerns, [kind]: on } });

  return (
    <main class="options">
      <h1>{t("optionsTitle")}</h1>
      <p class="privacy">{t("optPrivacy")}</p>

      <section aria-labelledby="country-label">
        <h2 id="country-label"><label for="country">{t("optCountry")}</label></h2>
        <p class="help" id="country-help">{t("optCountryHelp")}</p>
        <CountrySelect id="country" value={country} userLaws={dataInfo?.userLaws} onChange={(code) => void save({ country: code })} />
      </section>

      <fieldset>
        <legend>{t("optBanner")}</legend>
        {BANNER_THRESHOLDS.map((th) => (
          <label key={th} class="choice">
            <input type="radio" name="threshold" value={th} checked={settings.bannerThreshold === th} onChange={() => void save({ bannerThreshold: th })} />
            {t(THRESHOLD_KEY[th])}
          </label>
        ))}
      </fieldset>

      <label class="choice">
        <input type="checkbox" id="badge" checked={settings.badge} onChange={(e) => void save({ badge: (e.currentTarget as HTMLInputElement).checked })} />
        {t("optBadge")}
      </label>
      <fieldset disabled={!settings.badge}>
        <legend>{t("optBadgeFrom")}</legend>
        {BADGE_THRESHOLDS.map((th) => (
          <label key={th} class="choice">
            <input type="radio" name="badge-threshold" value={th} checked={settings.badgeThreshold === th} onChange={() => void save({ badgeThreshold: th })} />
            {t(BADGE_KEY[th])}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t("optConcerns")}</legend>
        {FINDING_KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input type="checkbox" name={`concern-${kind}`} checked={settings.concerns[kind]} onChange={(e) => void setConcern(kind, (e.currentTarget as HTMLInputElement).checked)} />
            {t(concernMessageKey(kind))}
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="dismissed-title">
        <h2 id="dismissed-title">{t("optDismissed")}</h2>
        {settings.dismissed.length === 0 ? <p>{t("optNoDismissed")}</p> : (
          <ul class="dismissed">
            {settings.dismissed.map((d) => (
              <li key={d}>
                <span>{d}</span>{" "}
                <button type="button" onClick={() => void onRestore(d).then(() => setRestored(d))}>{t("optRestore", [d])}</button>
              </li>
            ))}
          </ul>
        )}
        {restored ? (
          <p role="status">
            {t("optRestored", [restored])}{" "}
            <button type="button" onClick={() => void save({ dismissed: [...settings.dismissed, restored] }).then(() => setRestored(null))}>{t("optUndo")}</button>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t("optAbout")}</h2>
        {dataInfo ? <p class="data-info">{t("optDataInfo", [String(dataInfo.services), String(dataInfo.domains), String(dataInfo.entities), String(dataInfo.laws), `${dataInfo.version} (${dataInfo.hash})`])}</p> : null}
        <p>{t("optLicences")}</p>
        {/* The coverage table ships inside the extension (coverage.html, built from docs/data-coverage.md). */}
        <p><a href="coverage.html">{t("optDataSources")}</a></p>
        {HOMEPAGE_URL ? <p><ExternalLink href={HOMEPAGE_URL}>{t("optHomepage")}</ExternalLink></p> : null}
        <p><button type="button" class="link" onClick={onShowWelcome}>{t("optShowWelcome")}</button></p>
      </section>
      <p class="status" role="status" aria-live="polite">{status}</p>
    </main>
  );
}
