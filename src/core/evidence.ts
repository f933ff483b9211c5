// The evidence report: what a vendor review or a transfer impact assessment
// needs to file — the facts, the verdict and its reasons for the chosen
// country, every source with its date and archived copy, and the dataset
// version. One object (the JSON export); the Markdown is rendered from it, so
// both always say the same thing.
import type { Source } from "./dataset";
import type { Report } from "./report-types";
import { namesOf } from "./report-types";
import { countryName, findingText, levelMessageKey, summarize, type Translate } from "./text";

export interface EvidenceSource {
  url: string;
  publisher: string;
  date: string;
  title: string | null;
  archive: string | null;
}

export interface EvidenceStatement {
  countries: string[];
  basis: "stated" | "possible" | "access" | "processor";
  statement: string;
  source: string;
}

export interface Evidence {
  title: string;
  generated: string;
  dataVersion: string;
  country: { code: string; name: string };
  input: string;
  domain: string | null;
  matched: boolean;
  service: { id: string; name: string; category: string; domains: string[] } | null;
  verdict: {
    level: string;
    levelText: string;
    summary: string;
    userLaw: string;
    reasons: { severity: string; text: string; sources: string[] }[];
  };
  control: {
    role: "operator" | "group" | "controlled-by";
    name: string;
    headquarters: string;
    legalDomicile: string;
    operations: string | null;
    share: number | null;
  }[];
  minorityStakes: { holder: string; in: string; share: number | null }[];
  /** The company the service belongs to when no control link from the operator to it is recorded. */
  unlinkedOwner: { name: string; headquarters: string; legalDomicile: string; source: string } | null;
  data: EvidenceStatement[];
  news: { date: string; headline: string; outlet: string; url: string; topic: string }[];
  alternatives: { name: string; domain: string; level: string; reason: string }[] | null;
  privacyContact: { company: string; email: string | null; url: string | null; source: string } | null;
  reviewed: string | null;
  confidence: string | null;
  sources: EvidenceSource[];
}

function sourceOf(s: Source): EvidenceSource {
  return { url: s.url, publisher: s.publisher, date: s.date, title: s.title ?? null, archive: s.archive ?? null };
}

/** Every source the report relies on, once each (by URL), in the order they appear. */
export function evidenceSources(r: Report): EvidenceSource[] {
  const all: Source[] = [];
  if (r.operator) all.push(r.operator.operatorSource);
  if (r.operatorFallback) all.push(r.operatorFallback.fallbackSource);
  for (const e of r.ownershipChain) all.push(...e.sources);
  if (r.unlinkedOwner) all.push(r.unlinkedOwner.ownerSource, ...r.unlinkedOwner.sources);
  for (const s of [...r.storage, ...r.remoteAccess]) all.push(s.source);
  for (const p of r.processors) all.push(p.source, ...p.chain.flatMap((e) => e.sources));
  for (const f of r.verdict.findings) all.push(...f.sources);
  for (const l of r.laws) all.push(...l.sources);
  for (const n of r.news) all.push({ url: n.url, publisher: n.outlet, date: n.date, title: n.headline });
  if (r.privacyContact) all.push(r.privacyContact.source);
  const seen = new Set<string>();
  return all.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true))).map(sourceOf);
}

export function buildEvidence(r: Report, t: Translate, lang: string, generated: string): Evidence {
  const names = namesOf(r);
  const place = (c: string) => (c === "unknown" ? t("placeUnknown") : `${countryName(c, lang)} (${c})`);
  return {
    title: r.service ? `${r.service.name} (${r.domain}) — ${countryName(r.country, lang)}` : `${r.input}`,
    generated,
    dataVersion: r.dataVersion,
    country: { code: r.country, name: countryName(r.country, lang) },
    input: r.input,
    domain: r.domain,
    matched: r.matched,
    service: r.service ? { id: r.service.id, name: r.service.name, category: r.service.category, domains: r.service.domains } : null,
    verdict: {
      level: r.verdict.level,
      levelText: t(levelMessageKey(r.verdict.level)),
      summary: r.matched ? summarize(r.verdict.findings, t, names, lang) : "",
      userLaw: r.verdict.userLaw.status,
      reasons: r.verdict.findings.map((f) => ({ severity: f.severity, text: findingText(f, t, names, lang), sources: f.sources.map((s) => s.url) })),
    },
    control: r.ownershipChain.map((e, i) => ({
      role: i > 0 ? "controlled-by" as const : r.operator ? "operator" as const : "group" as const,
      name: e.name,
      headquarters: place(e.headquarters),
      legalDomicile: place(e.legalDomicile),
      operations: e.operations ? place(e.operations) : null,
      share: e.share ?? null,
    })),
    minorityStakes: r.minorityStakes.map((s) => ({ holder: s.holder.name, in: s.in.name, share: s.share ?? null })),
    unlinkedOwner: r.unlinkedOwner
      ? { name: r.unlinkedOwner.name, headquarters: place(r.unlinkedOwner.headquarters), legalDomicile: place(r.unlinkedOwner.legalDomicile), source: r.unlinkedOwner.ownerSource.url }
      : null,
    data: [
      ...r.storage.map((s) => ({ countries: s.countries, basis: s.basis ?? "stated" as const, statement: s.statement, source: s.source.url })),
      ...r.remoteAccess.map((s) => ({ countries: s.countries, basis: "access" as const, statement: s.statement, source: s.source.url })),
      ...r.processors.map((p) => ({ countries: [...new Set(p.chain.map((e) => e.headquarters).filter((c) => c !== "unknown"))], basis: "processor" as const, statement: p.statement, source: p.source.url })),
    ],
    news: r.news.map((n) => ({ date: n.date, headline: n.headline, outlet: n.outlet, url: n.url, topic: n.topic })),
    alternatives: r.alternatives?.offered
      ? r.alternatives.list.map((a) => ({ name: a.name, domain: a.domain, level: a.level, reason: summarize(a.findings, t, namesOf(a), lang) }))
      : null,
    privacyContact: r.privacyContact
      ? { company: r.privacyContact.name, email: r.privacyContact.email ?? null, url: r.privacyContact.url ?? null, source: r.privacyContact.source.url }
      : null,
    reviewed: r.reviewed,
    confidence: r.confidence ? `${r.confidence.level}${r.confidence.reason ? ` (${r.confidence.reason})` : ""}` : null,
    sources: evidenceSources(r),
  };
}

/** Markdown table cells: no pipes or line breaks. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

const BASIS: Record<EvidenceStatement["basis"], string> = {
  stated: "stored",
  possible: "may be processed",
  access: "accessed from",
  processor: "received by a provider in",
};

/**
 * The same content as Markdown. `depth` is the heading level of the title
 * (1 for a document, 2 for a section of a batch report).
 */
export function evidenceMarkdown(ev: Evidence, depth = 1): string {
  const h = (n: number) => "#".repeat(depth + n - 1);
  const out: string[] = [];
  out.push(`${h(1)} ${ev.title}`, "");
  if (!ev.matched || !ev.service) {
    out.push(`${ev.input}: not in the Data Borders dataset.`, "", `Dataset ${ev.dataVersion}, generated ${ev.generated}.`, "");
    return out.join("\n");
  }
  out.push(`- **Level for a user in ${ev.country.name} (${ev.country.code}):** ${ev.verdict.levelText}`);
  out.push(`- **Summary:** ${ev.verdict.summary}`);
  out.push(`- **User's law as modelled:** ${ev.verdict.userLaw}`);
  out.push(`- **Service:** ${ev.service.name} (${ev.service.category}); domains ${ev.service.domains.join(", ")}`);
  out.push(`- **Dataset:** ${ev.dataVersion}; service reviewed ${ev.reviewed ?? "not stated"}; confidence ${ev.confidence ?? "not stated"}`);
  out.push(`- **Generated:** ${ev.generated}`, "");
  out.push(`${h(2)} Reasons`, "");
  if (ev.verdict.reasons.length === 0) out.push("None.");
  for (const r of ev.verdict.reasons) out.push(`- [${r.severity}] ${r.text}${r.sources.length ? ` (sources: ${r.sources.join(", ")})` : ""}`);
  out.push("", `${h(2)} Who controls it`, "");
  if (ev.control.length === 0) out.push("Operator not stated.");
  else {
    out.push("| role | company | head office | incorporated in | run from | share |", "| --- | --- | --- | --- | --- | --- |");
    for (const c of ev.control) out.push(`| ${c.role} | ${mdCell(c.name)} | ${mdCell(c.headquarters)} | ${mdCell(c.legalDomicile)} | ${mdCell(c.operations ?? "")} | ${c.share ?? ""} |`);
  }
  for (const s of ev.minorityStakes) out.push("", `Also holds a stake: ${s.holder}${s.share !== null ? ` (${s.share}%)` : ""} in ${s.in}.`);
  const o = ev.unlinkedOwner;
  if (o) out.push("", `The service belongs to ${o.name} (head office ${o.headquarters}; incorporated in ${o.legalDomicile}); no control link from the operator to it is recorded (${o.source}).`);
  out.push("", `${h(2)} Where the data goes`, "");
  if (ev.data.length === 0) out.push("Not stated.");
  for (const d of ev.data) out.push(`- ${BASIS[d.basis]} ${d.countries.join(", ") || "not stated"}: ${d.statement} (${d.source})`);
  if (ev.news.length > 0) {
    out.push("", `${h(2)} What happened`, "");
    for (const n of ev.news) out.push(`- ${n.date} [${n.topic}] ${n.headline} — ${n.outlet}: ${n.url}`);
  }
  if (ev.alternatives) {
    out.push("", `${h(2)} Alternatives that do better for this user`, "");
    if (ev.alternatives.length === 0) out.push("No service of this kind in the dataset does better for this user.");
    for (const a of ev.alternatives) out.push(`- ${a.name} (${a.domain}) — ${a.level}: ${a.reason}`);
  }
  if (ev.privacyContact) {
    out.push("", `${h(2)} Privacy contact`, "");
    out.push(`${ev.privacyContact.company}: ${[ev.privacyContact.email, ev.privacyContact.url].filter(Boolean).join(", ")} (${ev.privacyContact.source})`);
  }
  out.push("", `${h(2)} Sources`, "", "| publisher | date | document | archived copy |", "| --- | --- | --- | --- |");
  for (const s of ev.sources) out.push(`| ${mdCell(s.publisher)} | ${s.date} | [${mdCell(s.title ?? s.url)}](${s.url}) | ${s.archive ? `[archive](${s.archive})` : "—"} |`);
  out.push("");
  return out.join("\n");
}
