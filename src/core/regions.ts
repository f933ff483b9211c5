// Who the user is, legally: their country, the region tokens that cover them
// ("*", "FR", "EEA", "EU"), and the zone of countries that count as home.
// Everything is derived from the dataset's groups, not from codes written here.
import type { CompiledDataset, Group } from "./dataset";

export interface UserZone {
  country: string;
  /** Region tokens that cover this user, e.g. ["*", "FR", "EEA", "EU"]. */
  tokens: ReadonlySet<string>;
  /** Countries that are "home" for this user: their own and those of their region groups. */
  home: ReadonlySet<string>;
}

type Groups = CompiledDataset["groups"];

export function groupHas(group: Group | undefined, country: string): boolean {
  return group !== undefined && group.members.some((m) => m.country === country);
}

export function userZone(groups: Groups, country: string): UserZone {
  const tokens = new Set<string>(["*", country]);
  const home = new Set<string>([country]);
  for (const g of Object.values(groups)) {
    if (g.regionCode && groupHas(g, country)) {
      tokens.add(g.regionCode);
      for (const m of g.members) home.add(m.country);
    }
  }
  return { country, tokens, home };
}

export function covers(regions: readonly string[], zone: UserZone): boolean {
  return regions.some((r) => zone.tokens.has(r));
}

/**
 * How specifically a list of regions names the user: 2 their own country,
 * 1 one of their regions (EEA, UK, …), 0 everyone ("*"), -1 not at all.
 */
export function specificity(regions: readonly string[], zone: UserZone): number {
  if (regions.includes(zone.country)) return 2;
  if (regions.some((r) => r !== "*" && zone.tokens.has(r))) return 1;
  return regions.includes("*") ? 0 : -1;
}

/**
 * Of the statements that cover the user, those for a specific region win over
 * the global ("*") ones; the global ones are the fallback.
 */
export function forUser<T extends { appliesTo: readonly string[] }>(items: readonly T[], zone: UserZone): T[] {
  const covering = items.filter((s) => covers(s.appliesTo, zone));
  const specific = covering.filter((s) => specificity(s.appliesTo, zone) > 0);
  return specific.length > 0 ? specific : covering;
}

/** Countries of a group, or an explicit list. */
export function countriesOf(groups: Groups, ref: { countries?: string[]; group?: string }): string[] {
  if (ref.countries) return ref.countries;
  const g = ref.group ? groups[ref.group] : undefined;
  return g ? g.members.map((m) => m.country) : [];
}
