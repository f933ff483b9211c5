// User settings: one defaults object from which the type is derived, a
// schema version with ordered migrations, and a sanitiser that turns any
// stored value (corrupt, foreign, from an older or newer version) into valid
// settings while keeping every valid user choice.
import { DEFAULT_CONCERNS, FINDING_KINDS, type Concerns } from "./assess";

export const SETTINGS_VERSION = 1;

export const BANNER_THRESHOLDS = ["high", "medium", "never"] as const;
export type BannerThreshold = (typeof BANNER_THRESHOLDS)[number];

/** The lowest level the toolbar badge shows. */
export const BADGE_THRESHOLDS = ["low", "medium", "high"] as const;
export type BadgeThreshold = (typeof BADGE_THRESHOLDS)[number];

export const defaults = {
  version: SETTINGS_VERSION as number,
  /** ISO 3166-1 alpha-2; "" until the user (or the welcome page) sets it. */
  country: "",
  bannerThreshold: "high" as BannerThreshold,
  badge: true,
  badgeThreshold: "low" as BadgeThreshold,
  concerns: DEFAULT_CONCERNS as Concerns,
  /** Registrable domains on which the banner is never shown. */
  dismissed: [] as string[],
  onboarded: false,
};

export type Settings = typeof defaults;

export type Warn = (message: string) => void;

/** Migrations from version i+1 to i+2 at index i. Each takes and returns a plain object. */
export const migrations: Array<(old: Record<string, unknown>) => Record<string, unknown>> = [];

const isCountry = (v: unknown): v is string => typeof v === "string" && /^[A-Z]{2}$/.test(v);
const isDomain = (v: unknown): v is string => typeof v === "string" && v.length <= 253 && /^[a-z0-9.-]+$/.test(v);

export function migrate(stored: Record<string, unknown>, warn: Warn): Record<string, unknown> {
  let version = typeof stored.version === "number" && Number.isInteger(stored.version) ? stored.version : 1;
  if (version > SETTINGS_VERSION) {
    warn(`settings are from a newer version (${version}); reading what this version understands`);
    return stored;
  }
  let current = stored;
  while (version < SETTINGS_VERSION) {
    current = migrations[version - 1]!(current);
    version++;
  }
  return current;
}

/** Valid settings from anything; invalid parts fall back to defaults with a warning. */
export function sanitize(raw: unknown, warn: Warn): Settings {
  if (raw === undefined) return structuredClone(defaults);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    warn("stored settings are not an object; using defaults");
    return structuredClone(defaults);
  }
  const s = migrate(raw as Record<string, unknown>, warn);
  const out = structuredClone(defaults);
  const bad = (key: string) => warn(`setting "${key}" has an invalid value; using the default`);
  if (s.country !== undefined) {
    if (s.country === "" || isCountry(s.country)) out.country = s.country; else bad("country");
  }
  if (s.bannerThreshold !== undefined) {
    if ((BANNER_THRESHOLDS as readonly unknown[]).includes(s.bannerThreshold)) out.bannerThreshold = s.bannerThreshold as BannerThreshold;
    else bad("bannerThreshold");
  }
  if (s.badge !== undefined) {
    if (typeof s.badge === "boolean") out.badge = s.badge; else bad("badge");
  }
  if (s.badgeThreshold !== undefined) {
    if ((BADGE_THRESHOLDS as readonly unknown[]).includes(s.badgeThreshold)) out.badgeThreshold = s.badgeThreshold as BadgeThreshold;
    else bad("badgeThreshold");
  }
  if (s.onboarded !== undefined) {
    if (typeof s.onboarded === "boolean") out.onboarded = s.onboarded; else bad("onboarded");
  }
  if (s.concerns !== undefined) {
    if (typeof s.concerns === "object" && s.concerns !== null && !Array.isArray(s.concerns)) {
      const c = s.concerns as Record<string, unknown>;
      for (const kind of FINDING_KINDS) {
        if (c[kind] === undefined) continue;
        if (typeof c[kind] === "boolean") out.concerns[kind] = c[kind]; else bad(`concerns.${kind}`);
      }
    } else bad("concerns");
  }
  if (s.dismissed !== undefined) {
    if (Array.isArray(s.dismissed)) {
      const valid = s.dismissed.filter(isDomain);
      if (valid.length !== s.dismissed.length) bad("dismissed");
      out.dismissed = [...new Set(valid)].slice(0, 5000);
    } else bad("dismissed");
  }
  return out;
}

/** Applies a patch from a settings page; invalid fields in the patch are ignored with a warning. */
export function applyPatch(current: Settings, patch: Partial<Settings>, warn: Warn): Settings {
  const merged = { ...current, ...patch, version: SETTINGS_VERSION };
  if (patch.concerns) merged.concerns = { ...current.concerns, ...patch.concerns };
  return sanitize(merged, warn);
}

/** The country to pre-select: the region of the browser's UI locale, if it has one. */
export function countryFromLocale(locale: string): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && isCountry(region) ? region : "";
  } catch {
    return "";
  }
}

/** The country assessments use when the user has not chosen one yet. */
export function effectiveCountry(settings: Settings, uiLocale: string): string {
  return settings.country || countryFromLocale(uiLocale) || "US";
}
