// What the user can do next, added to a report for the popup, the details
// page and the evidence report: alternatives that do better for them, and the
// operator's privacy contact with the law a request letter is written under.
import type { CompiledDataset } from "./dataset";
import type { Concerns } from "./assess";
import { alternativesFor } from "./alternatives";
import { letterLaw } from "./letter-law";
import { userZone } from "./regions";
import type { Report } from "./report-types";

export function withActions(ds: CompiledDataset, report: Report, concerns: Concerns, today: string): Report {
  if (!report.matched || !report.service) return report;
  const head = report.ownershipChain[0];
  const contact = head ? ds.entities[head.id]?.privacyContact : undefined;
  return {
    ...report,
    alternatives: alternativesFor(ds, report.service.id, report.verdict.level, report.country, concerns, today),
    privacyContact: head && contact ? { entity: head.id, name: head.name, ...contact } : null,
    letterLaw: letterLaw(report.country, userZone(ds.groups, report.country).tokens.has("EEA")),
  };
}
