// What a service's sources support: the confidence the build suggests, and
// the one a file may claim at most. "high" needs the company's own policy
// (or a regulator's decision) for both who controls the data and where it
// is stored, reviewed within 12 months; "medium" needs a sourced operator or
// owner; anything less is "low".
import { getDomain } from "tldts-icann";
import type { Service, Source } from "../../src/data/schema";

export type ConfidenceLevel = "high" | "medium" | "low";
const RANK: Record<ConfidenceLevel, number> = { low: 0, medium: 1, high: 2 };

/** Publishers that are regulators, courts or official journals: primary sources for a finding about a company. */
const OFFICIAL = /(data protection|privacy commission|commission nationale|garante|\bcnil\b|\bico\b|\bftc\b|federal trade commission|\bpipc\b|european commission|edpb|court|tribunal|regulator|authority|ministry|\bsec\b|securities and exchange)/i;

/** The company's own document (its site, or a dated copy of it), or an official body's. */
export function isPrimary(source: Source, service: Pick<Service, "domains" | "hosts">): boolean {
  if (source.archive) return true;
  let host = "";
  try {
    host = new URL(source.url).hostname;
  } catch {
    return false;
  }
  const domain = getDomain(host);
  const own = (domain !== null && service.domains.includes(domain)) || service.hosts.some((h) => host === h || host.endsWith(`.${h}`));
  return own || OFFICIAL.test(source.publisher);
}

export function suggestedConfidence(service: Service, today: string): { level: ConfidenceLevel; why: string } {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const operatorsPrimary = service.operators.length > 0 && service.operators.every((o) => isPrimary(o.source, service));
  const storagePrimary = service.storage.length > 0 && service.storage.every((s) => isPrimary(s.source, service));
  if (operatorsPrimary && storagePrimary && service.reviewed >= yearAgo) {
    return { level: "high", why: "operators and storage from the company's own policy or a regulator, reviewed within 12 months" };
  }
  if (service.operators.length > 0 || service.owner) {
    const missing = [
      !operatorsPrimary ? "an operator from the company's own policy or a regulator" : null,
      !storagePrimary ? "storage statements from the company's own policy or a regulator" : null,
      service.reviewed < yearAgo ? "a review within 12 months" : null,
    ].filter(Boolean);
    return { level: "medium", why: `high needs ${missing.join(", ")}` };
  }
  return { level: "low", why: "no operator or owner is recorded" };
}

export function claimsTooMuch(service: Service, today: string): string | null {
  const suggested = suggestedConfidence(service, today);
  if (RANK[service.confidence.level] <= RANK[suggested.level]) return null;
  return `confidence "${service.confidence.level}" is more than the sources support ("${suggested.level}": ${suggested.why})`;
}
