// Which law a request letter is written under: small and separate from the
// letter's templates, so that the views and the report store that only name
// the law do not load the templates.
/** The legal basis of the request, from the user's country (and, in the US, their state). */
export type LetterLaw = "gdpr" | "uk-gdpr" | "lgpd" | "ccpa" | "appi" | "pipeda" | "us-generic" | "generic";

export const LETTER_LAWS: readonly LetterLaw[] = ["gdpr", "uk-gdpr", "lgpd", "ccpa", "appi", "pipeda", "us-generic", "generic"];

/**
 * The law to write under. `inEea` comes from the dataset's groups (the user's
 * region tokens include EEA); `california` is the user's own answer, since
 * the extension only knows their country.
 */
export function letterLaw(country: string, inEea: boolean, california = false): LetterLaw {
  if (inEea) return "gdpr";
  switch (country) {
    case "GB": return "uk-gdpr";
    case "BR": return "lgpd";
    case "US": return california ? "ccpa" : "us-generic";
    case "JP": return "appi";
    case "CA": return "pipeda";
    default: return "generic";
  }
}
