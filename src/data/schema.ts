// The dataset's source schema. Used by the build and the tests only: the
// runtime bundles import its *types* (erased) and never zod itself.
import { z } from "zod";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export const id = z.string().regex(ID, "must be a lower-case kebab-case id");
export const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code in upper case");
/** A statement's date: YYYY-MM-DD, or YYYY-MM when only the month is known. */
export const date = z.string().regex(DATE, "must be a date YYYY-MM-DD (or YYYY-MM)");
/** "*", an ISO country code, or a group's regionCode (EEA, EU, UK). */
export const region = z.string().regex(/^(\*|[A-Z]{2,3})$/, 'must be "*", a country code or a region code');
const text = z.string().trim().min(1, "must not be empty");
const httpsUrl = z
  .string()
  .refine((u) => {
    try {
      return new URL(u).protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an https URL");

export const source = z.strictObject({
  url: httpsUrl,
  publisher: text,
  date,
  title: text.optional(),
  /** The dated copy the fact was read from (e.g. an Open Terms Archive commit URL), beside the official URL. */
  archive: httpsUrl.optional(),
});

const place = z.strictObject({ country, city: text.optional(), source });
const placeOrUnknown = z.union([z.literal("unknown"), place]);
const percent = z.number().min(0).max(100);

export const ownerEdge = z.strictObject({
  entity: id,
  share: percent.optional(),
  voting: percent.optional(),
  controls: z.boolean(),
  note: text.optional(),
  source,
});

/** Where to send a data-subject request: an address and/or a web form, as the privacy policy gives them. */
export const privacyContact = z
  .strictObject({
    email: z.string().regex(/^[^\s@<>()",;:]+@[a-z0-9.-]+\.[a-z]{2,}$/i, "must be an e-mail address").optional(),
    url: httpsUrl.optional(),
    source,
  })
  .refine((c) => c.email !== undefined || c.url !== undefined, { message: "give an email, a url, or both" });

export const entity = z.strictObject({
  id,
  name: text,
  kind: z.enum(["company", "state", "nonprofit", "person", "fund"]),
  legalDomicile: placeOrUnknown,
  headquarters: placeOrUnknown,
  /** Where the group is actually run from, when a source says it differs from the registered head office. */
  operations: place.optional(),
  owners: z.array(ownerEdge).default([]),
  /** Companies of the same name that a source shows are not in this one's group (the build asks otherwise). */
  distinctFrom: z.array(id).optional(),
  note: text.optional(),
  /** The privacy contact the operator's policy gives (for a data-subject request). */
  privacyContact: privacyContact.optional(),
  reviewed: date,
});

// A category is what a user would swap a service for: alternatives are drawn from the same one, so a
// category too broad suggests a dating app to a TikTok user, or a video site to someone leaving an adult one.
export const category = z.enum([
  // social: networks where people post and follow; dating, professional networks and job sites, and
  // communities (forums, Q&A, reviews, art sharing) are kinds of their own.
  "social", "dating", "professional", "community",
  // video: sharing and live platforms; streaming: subscription film and TV; adult: adult video and creators.
  "video", "streaming", "adult",
  // shopping: general stores and marketplaces; fashion, classifieds, groceries, meal delivery and furniture and
  // home stores are kinds of their own.
  "shopping", "fashion", "classifieds", "groceries", "delivery", "home",
  "messaging", "search", "ai", "mail", "cloud", "office", "news", "publishing",
  "browser", "vpn", "security", "games", "travel", "payments", "maps", "music", "devices",
  "developer", "reference", "property", "health", "telecom", "other",
  // What third-party providers embedded in other sites do.
  "advertising", "analytics", "cdn", "consent",
]);

const regions = z.array(region).min(1, "must name at least one region");

export const operator = z.strictObject({ entity: id, regions, note: text.optional(), source });

/**
 * "stated": the company says this user's data is kept there (primary location).
 * "possible": a footprint, or a "may be processed in any country where we or
 * our providers operate" list: shown, never alarming on its own.
 */
export const storageBasis = z.enum(["stated", "possible"]);

export const storage = z.strictObject({
  countries: z.array(country).min(1),
  basis: storageBasis,
  provider: text.optional(),
  appliesTo: regions,
  statement: text,
  source,
});

export const remoteAccess = z.strictObject({
  countries: z.array(country).min(1),
  appliesTo: regions,
  statement: text,
  source,
});

/** A named service provider (outside the operator's control chain) that receives users' data. */
export const processor = z.strictObject({
  entity: id,
  appliesTo: regions,
  statement: text,
  source,
});

/**
 * A transfer certification such as the EU-U.S. Data Privacy Framework.
 * "active": on the official list; "not-listed": a dated look at the list did
 * not find the organisation. No record at all means "not stated".
 */
export const certification = z.strictObject({
  scheme: id,
  entity: id,
  status: z.enum(["active", "not-listed"]),
  source,
});

export const newsKind = z.enum(["fine", "ban", "ownership", "breach", "transfer", "law", "other"]);
/** What an event is about. Only the data topics feed a verdict; every item stays in the timeline. */
export const newsTopic = z.enum([
  "privacy", "security", "transfer", "government-access", "ownership", "competition", "content", "child-safety", "other",
]);
export const news = z.strictObject({
  date,
  headline: text,
  outlet: text,
  url: httpsUrl,
  kind: newsKind,
  topic: newsTopic,
  /** The acting authority's country or region code (EU, EEA, UK…), or "none" for a company's own event. */
  jurisdiction: z.union([z.literal("none"), region]),
  /** Whose users' data the event concerns, when narrower than everyone (e.g. ["EEA"] for an Irish GDPR fine). */
  dataOf: regions.optional(),
  /** For a ban or blocking order: the day it was lifted. A ban without it is taken to stand. */
  ended: date.optional(),
});

export const confidence = z
  .strictObject({ level: z.enum(["high", "medium", "low"]), reason: text.optional() })
  .refine((c) => c.level === "high" || c.reason !== undefined, {
    message: "a reason is required unless the level is high",
    path: ["reason"],
  });

const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, "must be a lower-case host name");

export const service = z.strictObject({
  id,
  name: text,
  /**
   * "service": a site people visit. "third-party": a provider embedded in other sites (analytics, ads, CDNs,
   * widgets): matched in a page scan, never a content-script match or host permission.
   */
  kind: z.enum(["service", "third-party"]).default("service"),
  category,
  /** Regions where the service is offered; absent means everywhere. An alternative is only suggested where it is offered. */
  serves: z.strictObject({ regions, source }).optional(),
  domains: z.array(domainName).default([]),
  hosts: z.array(domainName).default([]),
  operators: z.array(operator).default([]),
  /** The company the brand belongs to: the fallback when no operator is recorded for a user's region. */
  owner: z.strictObject({ entity: id, source }).optional(),
  storage: z.array(storage).default([]),
  remoteAccess: z.array(remoteAccess).default([]),
  processors: z.array(processor).default([]),
  certifications: z.array(certification).default([]),
  news: z.array(news).default([]),
  reviewed: date,
  confidence,
});

export const effect = z.enum([
  "compels-cooperation", "extraterritorial-access", "bulk-surveillance", "data-localisation",
  "foreign-adversary-control", "transfer-restriction", "data-protection",
  // The user's law sets no condition on sending data abroad: modelled, and different from "not in the dataset".
  "no-transfer-restriction",
]);

/** A user-visible name in another language than English (English is the field itself). */
export const localNames = z.strictObject({ fr: text.optional(), de: text.optional(), es: text.optional() });

export const reach = z
  .strictObject({
    basis: z.enum(["headquarters", "legalDomicile", "operations", "storage", "remoteAccess"]),
    countries: z.array(country).min(1).optional(),
    group: id.optional(),
  })
  .refine((r) => (r.countries === undefined) !== (r.group === undefined), {
    message: "give exactly one of countries or group",
  });

export const law = z.strictObject({
  id,
  jurisdiction: z.union([country, id]),
  name: text,
  shortName: text,
  shortNames: localNames.optional(),
  adopted: date,
  status: z.strictObject({
    value: z.enum(["in-force", "lapsed", "repealed", "not-in-force", "enjoined"]),
    since: date.optional(),
    checked: date,
    note: text.optional(),
    source,
  }),
  summary: text,
  effect: z.array(effect).min(1),
  reach: z.array(reach).default([]),
  userRegions: regions,
  safeGroups: z.array(id).optional(),
  /** Companies the law (or a decision under it) names itself, e.g. a ban on a named company's products. */
  designates: z.array(id).optional(),
  sources: z.array(source).min(1, "a law needs at least one source"),
}).refine((l) => !(l.effect.includes("transfer-restriction") && l.effect.includes("no-transfer-restriction")), {
  message: "a law cannot both restrict transfers and set no transfer restriction",
  path: ["effect"],
});

export const groupMember = z.strictObject({
  country,
  decision: text.optional(),
  date: date.optional(),
  scope: z.enum(["full", "commercial-only", "certified-only", "partial"]).optional(),
  requires: id.optional(),
  note: text.optional(),
  source: source.optional(),
});

export const group = z.strictObject({
  id,
  name: text,
  names: localNames.optional(),
  regionCode: z.string().regex(/^[A-Z]{2,3}$/).optional(),
  members: z.array(groupMember).min(1),
  checked: date,
  note: text.optional(),
  sources: z.array(source).min(1, "a group needs at least one source"),
});

export type Source = z.infer<typeof source>;
export type Place = z.infer<typeof place>;
export type OwnerEdge = z.infer<typeof ownerEdge>;
export type Entity = z.infer<typeof entity>;
export type PrivacyContact = z.infer<typeof privacyContact>;
export type Category = z.infer<typeof category>;
export type Operator = z.infer<typeof operator>;
export type Storage = z.infer<typeof storage>;
export type RemoteAccess = z.infer<typeof remoteAccess>;
export type Certification = z.infer<typeof certification>;
export type Processor = z.infer<typeof processor>;
export type StorageBasis = z.infer<typeof storageBasis>;
export type NewsTopic = z.infer<typeof newsTopic>;
export type NewsKind = z.infer<typeof newsKind>;
export type News = z.infer<typeof news>;
export type Confidence = z.infer<typeof confidence>;
export type Service = z.infer<typeof service>;
export type Effect = z.infer<typeof effect>;
export type Reach = z.infer<typeof reach>;
export type Law = z.infer<typeof law>;
export type GroupMember = z.infer<typeof groupMember>;
export type Group = z.infer<typeof group>;
