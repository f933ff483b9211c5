// A country picker with names in the UI language (Intl.DisplayNames), grouped
// by continent and sorted for that language. Under it, one line says whether
// the dataset models the chosen country's own law: "not in the dataset yet"
// is said, never implied by a silently lower level.
import { useMemo } from "preact/hooks";
import { COUNTRY_CODES } from "../core/country-codes";
import { continentOf, CONTINENTS } from "../core/continents";
import { countryName } from "../core/text";
import type { UserLawStatus } from "../core/tiers";
import { useUi } from "./context";

const LAW_NOTE: Record<UserLawStatus, string> = {
  restricted: "countryLawModelled",
  unrestricted: "userLawUnrestricted",
  "not-modelled": "userLawNotModelled",
};

function regionName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, "en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function CountrySelect({ id, value, onChange, userLaws }: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  /** How each country's law is modelled; the note is left out until it is known. */
  userLaws?: Readonly<Record<string, UserLawStatus>> | null;
}) {
  const { t, lang } = useUi();
  const groups = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const groups = Object.keys(CONTINENTS)
      .map((region) => ({ region, label: regionName(region, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // Antarctica and any code without a continent come last.
    return [...groups, { region: "ZZ", label: regionName("ZZ", lang) }]
      .map((g) => ({
        ...g,
        options: COUNTRY_CODES.filter((c) => continentOf(c) === g.region)
          .map((code) => ({ code, name: countryName(code, lang) }))
          .sort((a, b) => collator.compare(a.name, b.name)),
      }))
      .filter((g) => g.options.length > 0);
  }, [lang]);
  const status = userLaws?.[value];
  return (
    <>
      <select id={id} value={value} aria-describedby={status ? `${id}-law` : undefined} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {groups.map((g) => (
          <optgroup key={g.region} label={g.label}>
            {g.options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </optgroup>
        ))}
      </select>
      {status ? <p class={`help law-note law-${status}`} id={`${id}-law`}>{t(LAW_NOTE[status])}</p> : null}
    </>
  );
}
