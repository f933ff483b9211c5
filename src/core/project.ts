// Where corrections go and where the project lives: only what package.json
// says (`bugs`, `homepage`), read by build.mjs at build time. Nothing here is
// guessed: when package.json names no issue tracker there is no address, and
// the pages offer a correction report to copy instead.

function fromBuild(value: string | undefined): string | null {
  return value && /^https:\/\//.test(value) ? value : null;
}

/** package.json `bugs` (its url), or null when it is not set. */
export const ISSUES_URL: string | null = fromBuild(typeof __PROJECT_BUGS__ === "string" ? __PROJECT_BUGS__ : undefined);

/** package.json `homepage`, or null when it is not set. */
export const HOMEPAGE_URL: string | null = fromBuild(typeof __PROJECT_HOMEPAGE__ === "string" ? __PROJECT_HOMEPAGE__ : undefined);

export interface CorrectionSubject {
  domain: string | null;
  service?: string;
  dataVersion: string;
}

/** Title and body of a correction report for one site's entry. */
export function correctionReport(subject: CorrectionSubject): { title: string; body: string } {
  const what = subject.service ? `${subject.service} (${subject.domain ?? "?"})` : subject.domain ?? "a site";
  return {
    title: `Correction: ${what}`,
    body: [
      `Site: ${subject.domain ?? ""}`,
      `Dataset version: ${subject.dataVersion}`,
      "",
      "What is wrong or missing:",
      "",
      "Source (https link to a primary source, with its date):",
      "",
    ].join("\n"),
  };
}

/** The whole report as plain text, for the clipboard. */
export function correctionText(subject: CorrectionSubject): string {
  const { title, body } = correctionReport(subject);
  return `Data Borders — ${title}\n\n${body}`;
}

/**
 * Where to send a correction: a prefilled "new issue" form when the tracker is a
 * GitHub issues page, the tracker itself otherwise (`prefilled: false`), or null
 * when package.json names no tracker.
 */
export function correctionUrl(subject: CorrectionSubject, tracker: string | null = ISSUES_URL): { href: string; prefilled: boolean } | null {
  if (!tracker) return null;
  const github = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/?$/.exec(tracker);
  if (!github) return { href: tracker, prefilled: false };
  const { title, body } = correctionReport(subject);
  const params = new URLSearchParams({ title, body, labels: "data-correction" });
  return { href: `${tracker.replace(/\/$/, "")}/new?${params.toString()}`, prefilled: true };
}
