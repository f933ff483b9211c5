// User settings: one defaults object from which the type is derived, a
// schema version with ordered migrations, and a sanitiser that turns any
// stored value (corrupt, foreign, from an older or newer version) into valid
// settings while keeping every valid user choice.
import { DEFAULT_CONCERNS, FINDING_KINDS, type Concerns } from "./assess";

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 2 types findings by how a state reaches the data: "compelled-access"
 * now lives in the control finding, and "outside-adequacy" in the storage and
 * access findings. A concern the user turned off stays off where it went.
 */
const RETIRED_CONCERNS: Record<string, readonly string[]> = {
  "compelled-access": ["controlled-from"],
  "outside-adequacy": ["stored-in", "remote-access-from"],
};

export function migrateConcernKinds(old: Record<string, unknown>): Record<string, unknown> {
  const concerns = old.concerns;
  if (typeof concerns !== "object" || concerns === null || Array.isArray(concerns)) return old;
  const next: Record<string, unknown> = { ...(concerns as Record<string, unknown>) };
  for (const [retired, heirs] of Object.entries(RETIRED_CONCERNS)) {
    const choice = next[retired];
    delete next[retired];
    if (choice !== false) continue;
    for (const heir of heirs) if (next[heir] === undefined) next[heir] = false;
  }
  return { ...old, concerns: next };
}

/** Migrations from version i+1 to i+2 at index i. Each takes and returns a plain object. */
export const migrations: readonly Migration[] = [migrateConcernKinds];

/** The version this code writes: one more than the number of migrations. */
export const SETTINGS_VERSION = migrations.length + 1;

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

const isCountry = (v: unknown): v is string => typeof v === "string" && /^[A-Z]{2}$/.test(v);
const isDomain = (v: unknown): v is string => typeof v === "string" && v.length <= 253 && /^[a-z0-9.-]+$/.test(v);

/**
 * Brings stored settings to the current version by running each migration
 * from the stored version on, in order. A version this code cannot place
 * (missing, not a whole number, below 1, above the current one) runs no
 * migration: the fields are then read one by one for what this version
 * understands. Returns the object and, for such a version, why.
 */
export function migrate(stored: Record<string, unknown>, steps: readonly Migration[] = migrations): { value: Record<string, unknown>; problem?: string } {
  const target = steps.length + 1;
  const version = stored.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { value: stored, problem: `settings have no valid version (${JSON.stringify(version) ?? "none"})` };
  }
  if (version > target) return { value: stored, problem: `settings are from a newer version (${version})` };
  let current = stored;
  for (let v = version; v < target; v++) {
    try {
      current = steps[v - 1]!(current);
    } catch (e) {
      return { value: stored, problem: `migrating settings from version ${v} failed (${String(e)})` };
    }
  }
  return { value: { ...current, version: target } };
}

/**
 * Valid settings from anything, keeping every valid choice: each field is
 * checked on its own and an invalid one falls back to its default. Whatever
 * had to be repaired is reported in one warning.
 */
export function sanitize(raw: unknown, warn: Warn, steps: readonly Migration[] = migrations): Settings {
  if (raw === undefined) return structuredClone(defaults);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    warn("stored settings are not an object; using defaults");
    return structuredClone(defaults);
  }
  const { value: s, problem } = migrate(raw as Record<string, unknown>, steps);
  const out = structuredClone(defaults);
  out.version = steps.length + 1;
  const invalid: string[] = [];
  const bad = (key: string) => invalid.push(key);
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
  const parts = [
    ...(problem ? [`${problem}; kept the fields this version understands`] : []),
    ...(invalid.length > 0 ? [`invalid value for ${invalid.map((k) => `"${k}"`).join(", ")}; using the default`] : []),
  ];
  if (parts.length > 0) warn(parts.join("; "));
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
