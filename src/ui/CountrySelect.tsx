// A country picker with names in the UI language (Intl.DisplayNames), sorted
// for that language.
import { useMemo } from "preact/hooks";
import { COUNTRY_CODES } from "../core/country-codes";
import { countryName } from "../core/text";
import { useUi } from "./context";

export function CountrySelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { lang } = useUi();
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [lang]);
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
      {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </select>
  );
}
