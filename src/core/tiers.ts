// How the user's own law regards a foreign state. Read from the dataset:
// laws protecting the user (userRegions), the groups they recognise
// (safeGroups) and the countries they name as of concern (reach groups of a
// foreign-adversary-control law). No country is special-cased here.
import type { CompiledDataset, GroupMember, Law } from "./dataset";
import { countriesOf, covers, userZone } from "./regions";

/**
 * "of-concern": a law protecting the user names the state as a country of concern or foreign adversary.
 * "recognised": a transfer law protecting the user lists the state in a group it treats as safe
 *   (a full decision, or a partial one such as the EU's on the United States).
 * "not-recognised": the user's law conditions transfers abroad and recognises neither.
 * "unconditioned": the user's law sets no transfer condition (or is not in the
 *   dataset), so it says nothing about the state either way: only a law of
 *   that state that can compel access makes it a concern, and never a high one.
 */
export type Tier = "of-concern" | "not-recognised" | "recognised" | "unconditioned";

/**
 * "restricted": the user's law conditions transfers abroad (and may recognise some states);
 * "unrestricted": the dataset records that the user's law sets no transfer condition;
 * "not-modelled": the dataset has no protective law for the user's country yet.
 */
export type UserLawStatus = "restricted" | "unrestricted" | "not-modelled";

export interface StateStanding {
  tier: Tier;
  /** The user's laws behind the tier (the naming law, or the transfer law that recognises the state). */
  laws: string[];
  /** For "recognised": the certification a transfer there needs (e.g. the Data Privacy Framework), if any. */
  requires?: string;
}

export interface UserLegalProfile {
  status: UserLawStatus;
  /** Ids of the in-force laws protecting the user. */
  laws: string[];
  standing: (country: string) => StateStanding;
}

const PROTECTIVE_EFFECTS = new Set(["transfer-restriction", "no-transfer-restriction", "data-protection", "foreign-adversary-control"]);

export function userLegalProfile(groups: CompiledDataset["groups"], userLaws: readonly Law[]): UserLegalProfile {
  const protective = userLaws.filter((l) => l.effect.some((e) => PROTECTIVE_EFFECTS.has(e)));
  const transferLaws = protective.filter((l) => l.effect.includes("transfer-restriction"));
  const concern = new Map<string, string[]>();
  for (const law of protective) {
    if (!law.effect.includes("foreign-adversary-control")) continue;
    for (const r of law.reach) for (const c of countriesOf(groups, r)) concern.set(c, [...new Set([...(concern.get(c) ?? []), law.id])]);
  }
  const status: UserLawStatus = transferLaws.length > 0 ? "restricted" : protective.length > 0 ? "unrestricted" : "not-modelled";
  const standing = (country: string): StateStanding => {
    const naming = concern.get(country);
    if (naming) return { tier: "of-concern", laws: naming };
    for (const law of transferLaws) {
      for (const gid of law.safeGroups ?? []) {
        const member: GroupMember | undefined = groups[gid]?.members.find((m) => m.country === country);
        if (member) return { tier: "recognised", laws: [law.id], ...(member.requires ? { requires: member.requires } : {}) };
      }
    }
    if (status !== "restricted") return { tier: "unconditioned", laws: [] };
    return { tier: "not-recognised", laws: transferLaws.map((l) => l.id) };
  };
  return { status, laws: protective.map((l) => l.id), standing };
}

/** How each country's own law is modelled in the dataset, for the settings and the country list. */
export function userLawStatuses(ds: Pick<CompiledDataset, "laws" | "groups">, countries: readonly string[]): Record<string, UserLawStatus> {
  const inForce = ds.laws.filter((l) => l.status.value === "in-force");
  const out: Record<string, UserLawStatus> = {};
  for (const country of countries) {
    const zone = userZone(ds.groups, country);
    out[country] = userLegalProfile(ds.groups, inForce.filter((l) => covers(l.userRegions, zone))).status;
  }
  return out;
}
