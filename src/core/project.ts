// Where corrections go: the project's public issue tracker (one constant).
export const REPOSITORY_URL = "https://github.com/data-borders/data-borders";

/** The dataset's coverage table, with every known gap. */
export const DATA_COVERAGE_URL = `${REPOSITORY_URL}/blob/main/docs/data-coverage.md`;

/** A prefilled "new issue" form for a correction to one site's entry. */
export function correctionUrl(subject: { domain: string | null; service?: string; dataVersion: string }): string {
  const what = subject.service ? `${subject.service} (${subject.domain ?? "?"})` : subject.domain ?? "a site";
  const params = new URLSearchParams({
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
    labels: "data-correction",
  });
  return `${REPOSITORY_URL}/issues/new?${params.toString()}`;
}
