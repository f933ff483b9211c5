// What the user can do next: alternatives judged by the same engine, the
// request letter under their law, and the evidence report.
import type { CompiledDataset, Service } from "../../src/core/dataset";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { alternativesFor, serviceRanks, servesUser } from "../../src/core/alternatives";
import { letterLaw, mailtoLink, requestLetter, LETTER_LAWS } from "../../src/core/letter";
import { withActions } from "../../src/core/actions";
import { buildReport } from "../../src/core/report";
import { buildEvidence, evidenceMarkdown } from "../../src/core/evidence";
import * as schema from "../../src/data/schema";
import { miniDataset, SRC } from "../fixtures/mini-dataset";
import { EN, translator } from "./en-messages";

const TODAY = "2026-06-01";

/** The mini dataset with a shopping category: Market (medium for an Estonian user), two European shops, and a US-only shop. */
function shops(): CompiledDataset {
  const ds = miniDataset();
  const shop = (id: string, partial: Partial<Service>): Service => ({
    id, name: id, kind: "service", category: "shopping", domains: [`${id}.example`], hosts: [], operators: [], storage: [], remoteAccess: [], processors: [],
    certifications: [], news: [], reviewed: "2026-01-01", confidence: { level: "high" }, ...partial,
  });
  const eea = ds.groups.eea!;
  const services = ds.services.map((s) => (s.id === "market" || s.id === "euroshop" ? { ...s, category: "shopping" as const } : s));
  services.push(
    shop("eushop", { operators: [{ entity: "euroshop-sa", regions: ["*"], source: SRC }] }),
    shop("usshop", { operators: [{ entity: "chat-co", regions: ["*"], source: SRC }], serves: { regions: ["US"], source: SRC } }),
    shop("ghostshop", {}),
  );
  return {
    ...ds,
    services,
    domains: { ...ds.domains, "eushop.example": services.length - 3, "usshop.example": services.length - 2, "ghostshop.example": services.length - 1 },
    groups: { ...ds.groups, eea: { ...eea, members: [...eea.members, { country: "EE" }] } },
    ranks: { eushop: 3, euroshop: 10, usshop: 1 },
  };
}

describe("alternatives", () => {
  test("a US-only shop is never offered to an Estonian user, and is to a US user", () => {
    const ds = shops();
    const usshop = ds.services.find((s) => s.id === "usshop")!;
    expect(servesUser(ds, usshop, "EE")).toBe(false);
    expect(servesUser(ds, usshop, "US")).toBe(true);
    const market = buildReport(ds, "https://market.example/", "EE", DEFAULT_CONCERNS, TODAY);
    expect(market.verdict.level).toBe("medium");
    const alt = alternativesFor(ds, "market", market.verdict.level, "EE", DEFAULT_CONCERNS, TODAY);
    expect(alt.offered).toBe(true);
    expect(alt.list.map((a) => a.id)).not.toContain("usshop");
    expect(alt.list.map((a) => a.id)).toEqual(["eushop", "euroshop"]);
    // Without the serves restriction the same shop would be shown (the fixture is not vacuous).
    const open = { ...ds, services: ds.services.map((s) => (s.id === "usshop" ? { ...s, serves: undefined } : s)) };
    expect(alternativesFor(open, "market", "medium", "EE", DEFAULT_CONCERNS, TODAY).list.map((a) => a.id)).toContain("usshop");
  });

  test("ordered by level, then popularity (unranked last); only lower levels; at most three; a service nobody runs is not suggested", () => {
    const ds = shops();
    const alt = alternativesFor(ds, "market", "high", "US", DEFAULT_CONCERNS, TODAY);
    const levels = alt.list.map((a) => a.level);
    expect(alt.list.length).toBeLessThanOrEqual(3);
    expect(alt.list.map((a) => a.id)).not.toContain("ghostshop");
    expect(alt.list.map((a) => a.id)).not.toContain("market");
    expect([...levels].sort((a, b) => ["none", "low", "medium", "high"].indexOf(a) - ["none", "low", "medium", "high"].indexOf(b))).toEqual(levels);
    const noneLevel = alt.list.filter((a) => a.level === alt.list[0]!.level).map((a) => a.rank ?? Infinity);
    expect([...noneLevel].sort((a, b) => a - b)).toEqual(noneLevel);
    expect(alt.list.every((a) => a.level !== "high" && a.level !== "medium")).toBe(true);
  });

  test("nothing to offer at low or none; an empty list (said plainly) when nothing does better", () => {
    const ds = shops();
    expect(alternativesFor(ds, "euroshop", "none", "FR", DEFAULT_CONCERNS, TODAY)).toEqual({ offered: false, list: [] });
    const alone = { ...ds, services: ds.services.map((s) => (s.id === "red" ? { ...s, category: "games" as const } : s)) };
    expect(alternativesFor(alone, "red", "high", "FR", DEFAULT_CONCERNS, TODAY)).toEqual({ offered: true, list: [] });
  });

  test("ranks come from any of a service's domains, including hosts under them", () => {
    const ranks = serviceRanks(
      [{ id: "a", domains: ["a.com", "a.net"] }, { id: "b", domains: ["b.org"] }],
      [{ rank: 1, domain: "example.com" }, { rank: 4, domain: "play.a.net" }, { rank: 7, domain: "a.com" }, { rank: 9, domain: "b.org" }, { rank: 2, domain: "notb.org" }],
    );
    expect(ranks).toEqual({ a: 4, b: 9 });
  });

  test("each alternative carries the names its findings mention, and a service with an operator but no located company is not suggested", () => {
    // Cloudy (US-controlled, certified) as a shop: for a German user it is low, with a US law named.
    const base = shops();
    const ds = { ...base, services: base.services.map((s) => (s.id === "cloudy" ? { ...s, category: "shopping" as const } : s)) };
    const alt = alternativesFor(ds, "market", "high", "US", DEFAULT_CONCERNS, TODAY);
    const german = alternativesFor(ds, "market", "medium", "DE", DEFAULT_CONCERNS, TODAY).list.find((a) => a.id === "cloudy")!;
    expect(german.names.laws).toEqual({ "us-cloud": "US-CLOUD" });
    expect(german.names.entities).toEqual({ "cloudy-inc": ds.entities["cloudy-inc"]!.name });
    const named = alt.list.filter((a) => a.findings.length > 0);
    expect(named.length).toBeGreaterThan(0);
    for (const a of named) {
      for (const f of a.findings) for (const id of f.entities) expect(a.names.entities[id]).toBe(ds.entities[id]!.name);
      for (const f of a.findings) for (const id of [...f.laws, ...(f.userLaws ?? [])]) expect(a.names.laws[id]).toBe(ds.laws.find((l) => l.id === id)!.shortName);
    }
    expect(named.flatMap((a) => Object.keys(a.names.laws)).length + named.flatMap((a) => Object.keys(a.names.entities)).length).toBeGreaterThan(0);
    // eushop's operator, with no place recorded anywhere in its chain: nothing counted against it, and not suggested.
    const placeless = { ...ds, entities: { ...ds.entities, "euroshop-sa": { ...ds.entities["euroshop-sa"]!, headquarters: "unknown" as const, legalDomicile: "unknown" as const } } };
    expect(alternativesFor(placeless, "market", "high", "US", DEFAULT_CONCERNS, TODAY).list.map((a) => a.id)).not.toContain("eushop");
    expect(alt.list.map((a) => a.id)).toContain("eushop");
  });
});

describe("request letter", () => {
  const base = { serviceName: "Clip", company: "Clip Europe Ltd", country: "FR", date: "2026-06-01" };

  test("the law follows the user's country (EEA from the groups; California only when the user says so)", () => {
    expect(letterLaw("FR", true)).toBe("gdpr");
    expect(letterLaw("NO", true)).toBe("gdpr");
    expect(letterLaw("GB", false)).toBe("uk-gdpr");
    expect(letterLaw("BR", false)).toBe("lgpd");
    expect(letterLaw("US", false)).toBe("us-generic");
    expect(letterLaw("US", false, true)).toBe("ccpa");
    expect(letterLaw("JP", false)).toBe("appi");
    expect(letterLaw("CA", false)).toBe("pipeda");
    expect(letterLaw("IN", false)).toBe("generic");
  });

  test("GDPR, in English and French: Article 15 with 15(2) safeguards, the four questions, one month", () => {
    const en = requestLetter({ ...base, law: "gdpr", lang: "en" });
    expect(en.subject).toMatch(/GDPR Article 15/);
    expect(en.body).toMatch(/To the privacy team of Clip Europe Ltd/);
    expect(en.body).toMatch(/Article 15 of the General Data Protection Regulation/);
    expect(en.body).toMatch(/1\. the countries where my personal data is stored/);
    expect(en.body).toMatch(/2\. .*recipients in countries outside the European Economic Area/);
    expect(en.body).toMatch(/3\. .*Article 15\(2\)/);
    expect(en.body).toMatch(/4\. whether any public authority of a state outside the European Economic Area/);
    expect(en.body).toMatch(/within one month/);
    const fr = requestLetter({ ...base, law: "gdpr", lang: "fr" });
    expect(fr.subject).toMatch(/^Demande d'accès \(article 15 du RGPD\)/);
    expect(fr.body).toMatch(/article 15, paragraphe 2/);
    expect(fr.body).toMatch(/les pays où mes données personnelles sont stockées/);
    expect(fr.body).toMatch(/autorité publique d'un État extérieur à l'Espace économique européen/);
    expect(fr.body).toMatch(/délai d'un mois/);
  });

  test("LGPD: Articles 18 and 19, shared entities abroad, Article 33 transfers, fifteen days", () => {
    const en = requestLetter({ ...base, country: "BR", law: "lgpd", lang: "en" });
    expect(en.body).toMatch(/Articles 18 and 19 of Brazil's General Personal Data Protection Law/);
    expect(en.body).toMatch(/Article 18, VII\), in particular those outside Brazil/);
    expect(en.body).toMatch(/Article 33/);
    expect(en.body).toMatch(/fifteen days/);
    const fr = requestLetter({ ...base, country: "BR", law: "lgpd", lang: "fr" });
    expect(fr.body).toMatch(/articles 18 et 19/);
    expect(fr.body).toMatch(/quinze jours/);
  });

  test("every law has a letter in both languages that asks the four questions; the generic one names the user's country with its grammar", () => {
    for (const law of LETTER_LAWS) {
      for (const lang of ["en", "fr"] as const) {
        const l = requestLetter({ ...base, law, lang });
        expect([law, lang, (l.body.match(/^[1-4]\. /gm) ?? []).length]).toEqual([law, lang, 4]);
        expect(l.body).toContain("Clip Europe Ltd");
      }
    }
    expect(requestLetter({ ...base, country: "MX", law: "generic", lang: "fr" }).body).toMatch(/J'utilise Clip au Mexique\..*\n[\s\S]*ailleurs qu'au Mexique/);
    expect(requestLetter({ ...base, country: "IN", law: "generic", lang: "en" }).body).toMatch(/outside India/);
  });

  test("mailto: only with an address; subject and body are encoded", () => {
    const l = requestLetter({ ...base, law: "gdpr", lang: "en" });
    expect(mailtoLink(null, l)).toBeNull();
    expect(mailtoLink({}, l)).toBeNull();
    const href = mailtoLink({ email: "dpo@clip.example" }, l)!;
    expect(href.startsWith("mailto:dpo@clip.example?subject=")).toBe(true);
    const q = new URLSearchParams(href.slice(href.indexOf("?") + 1));
    expect(q.get("subject")).toBe(l.subject);
    expect(q.get("body")).toBe(l.body);
  });

  test("the schema needs an email or a url, the url in https", () => {
    expect(schema.privacyContact.safeParse({ source: SRC }).success).toBe(false);
    expect(schema.privacyContact.safeParse({ url: "http://x.example/form", source: SRC }).success).toBe(false);
    expect(schema.privacyContact.safeParse({ email: "not an address", source: SRC }).success).toBe(false);
    expect(schema.privacyContact.safeParse({ email: "dpo@x.example", source: SRC }).success).toBe(true);
    expect(schema.privacyContact.safeParse({ url: "https://x.example/form", source: SRC }).success).toBe(true);
  });

  test("the report names the operator's contact for the user's region", () => {
    const ds = miniDataset();
    const withContact = { ...ds, entities: { ...ds.entities, "clip-europe": { ...ds.entities["clip-europe"]!, privacyContact: { email: "dpo@clip.example", source: SRC } } } };
    const fr = withActions(withContact, buildReport(withContact, "https://clip.example/", "FR", DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
    expect(fr.privacyContact).toMatchObject({ entity: "clip-europe", email: "dpo@clip.example" });
    expect(fr.letterLaw).toBe("gdpr");
    const us = withActions(withContact, buildReport(withContact, "https://clip.example/", "US", DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
    expect(us.privacyContact).toBeNull();
    expect(us.letterLaw).toBe("us-generic");
  });
});

describe("evidence report", () => {
  const t = translator(EN);
  test("JSON and Markdown carry the same facts, reasons and sources with dates and archives", () => {
    const ds = shops();
    const report = withActions(ds, buildReport(ds, "https://market.example/", "EE", DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
    const ev = buildEvidence(report, t, "en", TODAY);
    expect(ev.verdict.level).toBe("medium");
    expect(ev.dataVersion).toBe(report.dataVersion);
    expect(ev.sources.length).toBeGreaterThan(3);
    expect(new Set(ev.sources.map((s) => s.url)).size).toBe(ev.sources.length);
    for (const f of report.verdict.findings) for (const s of f.sources) expect(ev.sources.map((x) => x.url)).toContain(s.url);
    expect(ev.alternatives!.map((a) => a.name)).toEqual(["eushop", "euroshop"]);
    const md = evidenceMarkdown(ev);
    expect(md.startsWith(`# ${ev.title}\n`)).toBe(true);
    for (const s of ev.sources) expect(md).toContain(`(${s.url})`);
    for (const r of ev.verdict.reasons) expect(md).toContain(r.text);
    expect(md).toContain(report.dataVersion);
    expect(md).toMatch(/## Alternatives that do better for this user\n\n- eushop/);
    // A batch report nests the same document one level down.
    expect(evidenceMarkdown(ev, 2).startsWith(`## ${ev.title}\n`)).toBe(true);
  });
});
