// "Ask them where my data is": a data-subject access request under the
// user's own law, in the user's language, asking where the data is stored and
// processed, who receives it abroad, under which safeguards, and whether
// another state's authorities have asked for it. Pure text: the extension
// shows it, copies it or hands it to the mail app; it never sends anything.
import type { PrivacyContact } from "./dataset";
import { inCountry, theCountry } from "./country-grammar";
import type { LetterLaw } from "./letter-law";

export { letterLaw, LETTER_LAWS, type LetterLaw } from "./letter-law";

export const LETTER_LANGS = ["en", "fr"] as const;
export type LetterLang = (typeof LETTER_LANGS)[number];

export function letterLang(uiLang: string): LetterLang {
  return uiLang.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export interface LetterInput {
  law: LetterLaw;
  lang: LetterLang;
  serviceName: string;
  /** The company the letter is addressed to (the operator for the user's region, or the group). */
  company: string;
  /** The user's country (ISO code), named in the text. */
  country: string;
  /** YYYY-MM-DD. */
  date: string;
}

export interface Letter {
  law: LetterLaw;
  lang: LetterLang;
  subject: string;
  body: string;
}

interface LawText {
  /** The law's name, for the subject line. */
  name: string;
  /** The opening: the request and its legal basis. */
  basis: string;
  /** The four questions, specific to the law where it gives a right to them. */
  countries: string;
  recipients: string;
  safeguards: string;
  authorities: string;
  /** The deadline sentence. */
  deadline: string;
}

/** `inCountry`: "in India" / "en Inde"; `country`: "India" / "l'Inde". */
type Vars = { service: string; company: string; country: string; inCountry: string };

const EN: Record<LetterLaw, (v: Vars) => LawText> = {
  gdpr: (v) => ({
    name: "GDPR Article 15",
    basis: `Under Article 15 of the General Data Protection Regulation (EU) 2016/679, I ask ${v.company} to confirm whether it processes personal data concerning me in connection with ${v.service}, and if so to give me access to that data and to the information listed in Article 15(1).`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed (including by processors and other group companies);",
    recipients: "the recipients or categories of recipients to whom my data has been or will be disclosed (Article 15(1)(c)), in particular recipients in countries outside the European Economic Area, with the country of each;",
    safeguards: "for each transfer outside the European Economic Area, the appropriate safeguards relied on (Article 15(2) and Articles 45 to 49: an adequacy decision, standard contractual clauses, binding corporate rules or a derogation), and how I can obtain a copy of them;",
    authorities: "whether any public authority of a state outside the European Economic Area has requested or obtained access to my personal data, and on what basis (see Article 48), to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply within one month of receiving this request (Article 12(3)).",
  }),
  "uk-gdpr": (v) => ({
    name: "UK GDPR Article 15",
    basis: `Under Article 15 of the UK General Data Protection Regulation and the Data Protection Act 2018, I ask ${v.company} to confirm whether it processes personal data concerning me in connection with ${v.service}, and if so to give me access to that data and to the information listed in Article 15(1).`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed (including by processors and other group companies);",
    recipients: "the recipients or categories of recipients to whom my data has been or will be disclosed (Article 15(1)(c)), in particular recipients outside the United Kingdom, with the country of each;",
    safeguards: "for each transfer outside the United Kingdom, the appropriate safeguards relied on (Article 15(2): UK adequacy regulations, the International Data Transfer Agreement or Addendum, binding corporate rules or an exception), and how I can obtain a copy of them;",
    authorities: "whether any public authority of a state other than the United Kingdom has requested or obtained access to my personal data, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply within one month of receiving this request (Article 12(3)).",
  }),
  lgpd: (v) => ({
    name: "LGPD Articles 18 and 19",
    basis: `Under Articles 18 and 19 of Brazil's General Personal Data Protection Law (Lei nº 13.709/2018, LGPD), I ask ${v.company} to confirm whether it processes personal data concerning me in connection with ${v.service}, and to give me access to that data.`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed;",
    recipients: "the public and private entities with which my data has been shared (Article 18, VII), in particular those outside Brazil, with the country of each;",
    safeguards: "for each international transfer, the mechanism relied on under Article 33 (an adequacy decision, standard contractual clauses, binding corporate rules or another basis);",
    authorities: "whether any public authority of a state other than Brazil has requested or obtained access to my personal data, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please send the complete declaration within fifteen days of this request (Article 19, II).",
  }),
  ccpa: (v) => ({
    name: "CCPA/CPRA right to know",
    basis: `I am a California resident. Under the California Consumer Privacy Act as amended by the California Privacy Rights Act (Civil Code sections 1798.100, 1798.110 and 1798.115), I ask ${v.company} to tell me what personal information it has collected about me in connection with ${v.service}, the categories of sources, the purposes, and the categories of third parties to whom it discloses it, and to give me a copy of the specific pieces of personal information.`,
    countries: "the countries where my personal information is stored, and the countries where it is otherwise processed;",
    recipients: "the third parties, service providers and contractors that receive my personal information, in particular those outside the United States, with the country of each;",
    safeguards: "the contractual or other safeguards that apply when my personal information is processed outside the United States;",
    authorities: "whether any public authority, in the United States or elsewhere, has requested or obtained access to my personal information, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply within 45 days of receiving this request (Civil Code section 1798.130).",
  }),
  appi: (v) => ({
    name: "APPI disclosure request",
    basis: `Under the Act on the Protection of Personal Information of Japan (APPI), I request that ${v.company} disclose the retained personal data concerning me that it holds in connection with ${v.service} (Article 33), and, where my data is provided to a third party in a foreign country, the information on the measures taken (Article 28(3)).`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed;",
    recipients: "the third parties to which my data has been provided, in particular third parties in foreign countries, with the country of each (Article 28);",
    safeguards: "the system for the protection of personal information in each of those countries as you have assessed it, and the measures taken so that the recipient protects my data equivalently;",
    authorities: "whether any public authority of a country other than Japan has requested or obtained access to my personal data, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply without delay.",
  }),
  pipeda: (v) => ({
    name: "PIPEDA access request",
    basis: `Under the Personal Information Protection and Electronic Documents Act (PIPEDA, section 8 and Principle 4.9 of Schedule 1), I ask ${v.company} to inform me of the existence, use and disclosure of my personal information in connection with ${v.service}, and to give me access to it.`,
    countries: "the countries where my personal information is stored, and the countries where it is otherwise processed (including by service providers);",
    recipients: "the third parties to which my personal information has been or may have been disclosed (Principle 4.9.3), in particular those outside Canada, with the country of each;",
    safeguards: "the contractual or other means used to provide a comparable level of protection when my information is processed outside Canada (Principle 4.1.3);",
    authorities: "whether any public authority of a state other than Canada has requested or obtained access to my personal information, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply within 30 days of receiving this request (section 8(3)).",
  }),
  "us-generic": (v) => ({
    name: "request for information about my personal data",
    basis: `I am a user of ${v.service} in the United States. I ask ${v.company} to tell me what personal data it holds about me, under any privacy law of my state that gives me this right and, where none applies, as a matter of transparency.`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed;",
    recipients: "the third parties and service providers that receive my personal data, in particular those outside the United States, with the country of each;",
    safeguards: "the safeguards that apply when my personal data is processed outside the United States;",
    authorities: "whether any public authority, in the United States or elsewhere, has requested or obtained access to my personal data, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.",
    deadline: "Please reply within 45 days.",
  }),
  generic: (v) => ({
    name: "request for access to my personal data",
    basis: `I am a user of ${v.service} ${v.inCountry}. Under the data protection law that applies to me and, where none applies, as a matter of transparency, I ask ${v.company} to confirm whether it processes personal data concerning me and to give me access to it.`,
    countries: "the countries where my personal data is stored, and the countries where it is otherwise processed;",
    recipients: `the recipients of my personal data, in particular those outside ${v.country}, with the country of each;`,
    safeguards: `the safeguards that apply when my personal data is transferred outside ${v.country};`,
    authorities: `whether any public authority of a state other than ${v.country} has requested or obtained access to my personal data, and on what basis, to the extent you are allowed to say so; if you are not allowed to say, please say that.`,
    deadline: "Please reply within 30 days.",
  }),
};

const FR: Record<LetterLaw, (v: Vars) => LawText> = {
  gdpr: (v) => ({
    name: "article 15 du RGPD",
    basis: `En application de l'article 15 du règlement général sur la protection des données (UE) 2016/679, je demande à ${v.company} de me confirmer si des données personnelles me concernant sont traitées dans le cadre de ${v.service} et, dans ce cas, de m'y donner accès ainsi qu'aux informations énumérées à l'article 15, paragraphe 1.`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière (y compris par des sous-traitants et d'autres sociétés du groupe) ;",
    recipients: "les destinataires ou catégories de destinataires auxquels mes données ont été ou seront communiquées (article 15, paragraphe 1, point c), en particulier les destinataires établis hors de l'Espace économique européen, avec le pays de chacun ;",
    safeguards: "pour chaque transfert hors de l'Espace économique européen, les garanties appropriées sur lesquelles il repose (article 15, paragraphe 2, et articles 45 à 49 : décision d'adéquation, clauses contractuelles types, règles d'entreprise contraignantes ou dérogation), et la manière d'en obtenir une copie ;",
    authorities: "si une autorité publique d'un État extérieur à l'Espace économique européen a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement (voir l'article 48), dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre dans un délai d'un mois à compter de la réception de cette demande (article 12, paragraphe 3).",
  }),
  "uk-gdpr": (v) => ({
    name: "article 15 du RGPD britannique",
    basis: `En application de l'article 15 du RGPD britannique (UK GDPR) et du Data Protection Act 2018, je demande à ${v.company} de me confirmer si des données personnelles me concernant sont traitées dans le cadre de ${v.service} et, dans ce cas, de m'y donner accès ainsi qu'aux informations énumérées à l'article 15, paragraphe 1.`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière (y compris par des sous-traitants et d'autres sociétés du groupe) ;",
    recipients: "les destinataires ou catégories de destinataires auxquels mes données ont été ou seront communiquées (article 15, paragraphe 1, point c), en particulier ceux établis hors du Royaume-Uni, avec le pays de chacun ;",
    safeguards: "pour chaque transfert hors du Royaume-Uni, les garanties appropriées sur lesquelles il repose (article 15, paragraphe 2 : règlement d'adéquation britannique, International Data Transfer Agreement ou Addendum, règles d'entreprise contraignantes ou exception), et la manière d'en obtenir une copie ;",
    authorities: "si une autorité publique d'un État autre que le Royaume-Uni a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre dans un délai d'un mois à compter de la réception de cette demande (article 12, paragraphe 3).",
  }),
  lgpd: (v) => ({
    name: "articles 18 et 19 de la LGPD",
    basis: `En application des articles 18 et 19 de la loi générale brésilienne sur la protection des données personnelles (Lei nº 13.709/2018, LGPD), je demande à ${v.company} de me confirmer si des données personnelles me concernant sont traitées dans le cadre de ${v.service} et de m'y donner accès.`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière ;",
    recipients: "les entités publiques et privées avec lesquelles mes données ont été partagées (article 18, VII), en particulier celles situées hors du Brésil, avec le pays de chacune ;",
    safeguards: "pour chaque transfert international, le mécanisme utilisé au titre de l'article 33 (décision d'adéquation, clauses contractuelles types, règles d'entreprise contraignantes ou autre fondement) ;",
    authorities: "si une autorité publique d'un État autre que le Brésil a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de m'adresser la déclaration complète dans un délai de quinze jours à compter de cette demande (article 19, II).",
  }),
  ccpa: (v) => ({
    name: "droit de savoir (CCPA/CPRA)",
    basis: `Je réside en Californie. En application du California Consumer Privacy Act, modifié par le California Privacy Rights Act (Civil Code, sections 1798.100, 1798.110 et 1798.115), je demande à ${v.company} de m'indiquer quelles informations personnelles elle a collectées à mon sujet dans le cadre de ${v.service}, les catégories de sources, les finalités et les catégories de tiers auxquels elle les communique, et de m'en remettre une copie.`,
    countries: "les pays où mes informations personnelles sont stockées, et les pays où elles sont traitées d'une autre manière ;",
    recipients: "les tiers, prestataires et sous-traitants qui reçoivent mes informations personnelles, en particulier ceux situés hors des États-Unis, avec le pays de chacun ;",
    safeguards: "les garanties contractuelles ou autres qui s'appliquent lorsque mes informations personnelles sont traitées hors des États-Unis ;",
    authorities: "si une autorité publique, aux États-Unis ou ailleurs, a demandé ou obtenu l'accès à mes informations personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre dans un délai de 45 jours à compter de la réception de cette demande (Civil Code, section 1798.130).",
  }),
  appi: (v) => ({
    name: "demande de communication (APPI)",
    basis: `En application de la loi japonaise sur la protection des informations personnelles (APPI), je demande à ${v.company} de me communiquer les données personnelles conservées me concernant dans le cadre de ${v.service} (article 33) et, lorsque mes données sont fournies à un tiers dans un pays étranger, les informations sur les mesures prises (article 28, paragraphe 3).`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière ;",
    recipients: "les tiers auxquels mes données ont été fournies, en particulier les tiers situés dans des pays étrangers, avec le pays de chacun (article 28) ;",
    safeguards: "le système de protection des informations personnelles de chacun de ces pays tel que vous l'avez évalué, et les mesures prises pour que le destinataire protège mes données de manière équivalente ;",
    authorities: "si une autorité publique d'un pays autre que le Japon a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre sans délai.",
  }),
  pipeda: (v) => ({
    name: "demande d'accès (LPRPDE)",
    basis: `En application de la Loi sur la protection des renseignements personnels et les documents électroniques (LPRPDE, article 8 et principe 4.9 de l'annexe 1), je demande à ${v.company} de m'informer de l'existence, de l'utilisation et de la communication de mes renseignements personnels dans le cadre de ${v.service}, et de m'y donner accès.`,
    countries: "les pays où mes renseignements personnels sont stockés, et les pays où ils sont traités d'une autre manière (y compris par des fournisseurs de services) ;",
    recipients: "les tiers auxquels mes renseignements personnels ont été ou ont pu être communiqués (principe 4.9.3), en particulier ceux situés hors du Canada, avec le pays de chacun ;",
    safeguards: "les moyens contractuels ou autres utilisés pour assurer un degré de protection comparable lorsque mes renseignements sont traités hors du Canada (principe 4.1.3) ;",
    authorities: "si une autorité publique d'un État autre que le Canada a demandé ou obtenu l'accès à mes renseignements personnels, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre dans un délai de 30 jours à compter de la réception de cette demande (article 8, paragraphe 3).",
  }),
  "us-generic": (v) => ({
    name: "demande d'information sur mes données personnelles",
    basis: `J'utilise ${v.service} aux États-Unis. Je demande à ${v.company} de m'indiquer quelles données personnelles elle détient à mon sujet, en vertu de toute loi de mon État qui me donne ce droit et, à défaut, par souci de transparence.`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière ;",
    recipients: "les tiers et prestataires qui reçoivent mes données personnelles, en particulier ceux situés hors des États-Unis, avec le pays de chacun ;",
    safeguards: "les garanties qui s'appliquent lorsque mes données personnelles sont traitées hors des États-Unis ;",
    authorities: "si une autorité publique, aux États-Unis ou ailleurs, a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.",
    deadline: "Je vous remercie de me répondre dans un délai de 45 jours.",
  }),
  generic: (v) => ({
    name: "demande d'accès à mes données personnelles",
    basis: `J'utilise ${v.service} ${v.inCountry}. En vertu de la loi sur la protection des données qui m'est applicable et, à défaut, par souci de transparence, je demande à ${v.company} de me confirmer si des données personnelles me concernant sont traitées et de m'y donner accès.`,
    countries: "les pays où mes données personnelles sont stockées, et les pays où elles sont traitées d'une autre manière ;",
    recipients: `les destinataires de mes données personnelles, en particulier ceux situés ailleurs qu'${v.inCountry}, avec le pays de chacun ;`,
    safeguards: `les garanties qui s'appliquent lorsque mes données personnelles sont traitées ailleurs qu'${v.inCountry} ;`,
    authorities: `si une autorité publique d'un État autre que ${v.country} a demandé ou obtenu l'accès à mes données personnelles, et sur quel fondement, dans la mesure où vous êtes autorisés à le dire ; si vous ne l'êtes pas, merci de le préciser.`,
    deadline: "Je vous remercie de me répondre dans un délai de 30 jours.",
  }),
};

const FRAME = {
  en: {
    subject: (law: string, service: string) => `Access request (${law}): where my ${service} data is stored and who receives it`,
    greeting: (company: string) => `To the privacy team of ${company},`,
    ask: "In particular, please tell me:",
    identify: "To identify my account: [the e-mail address, phone number or user name of your account].",
    closing: "Yours faithfully,",
    name: "[your name]",
    date: (d: string) => `Date: ${d}`,
  },
  fr: {
    subject: (law: string, service: string) => `Demande d'accès (${law}) : où sont stockées mes données ${service} et qui les reçoit`,
    greeting: (company: string) => `À l'attention du service chargé de la protection des données de ${company},`,
    ask: "Je vous demande en particulier de m'indiquer :",
    identify: "Pour identifier mon compte : [l'adresse e-mail, le numéro de téléphone ou le nom d'utilisateur de votre compte].",
    closing: "Je vous prie d'agréer mes salutations distinguées.",
    name: "[votre nom]",
    date: (d: string) => `Date : ${d}`,
  },
} as const;

/** The letter, as plain text with a subject. */
export function requestLetter(input: LetterInput): Letter {
  const { law, lang } = input;
  const v: Vars = { service: input.serviceName, company: input.company, country: theCountry(input.country, lang), inCountry: inCountry(input.country, lang) };
  const text = (lang === "fr" ? FR : EN)[law](v);
  const f = FRAME[lang];
  const body = [
    f.greeting(input.company),
    "",
    text.basis,
    "",
    f.ask,
    `1. ${text.countries}`,
    `2. ${text.recipients}`,
    `3. ${text.safeguards}`,
    `4. ${text.authorities}`,
    "",
    f.identify,
    text.deadline,
    "",
    f.closing,
    f.name,
    f.date(input.date),
  ].join("\n");
  return { law, lang, subject: f.subject(text.name, input.serviceName), body };
}

/** A mailto: link with the letter, or null when the contact has no address. */
export function mailtoLink(contact: Pick<PrivacyContact, "email"> | null | undefined, letter: Letter): string | null {
  if (!contact?.email) return null;
  return `mailto:${encodeURIComponent(contact.email).replace(/%40/g, "@")}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letter.body)}`;
}
