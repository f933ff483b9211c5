// "Does better for you": up to three services of the same kind whose level
// for this user is lower, computed by the background from the dataset.
import type { Report } from "../core/report-types";
import { namesOf } from "../core/report-types";
import { summarize } from "../core/text";
import { LevelBadge } from "./report/VerdictHeader";
import { useUi } from "./context";

/** `compact`: the popup's form, one line that opens to the list, without the notes (the details page has them). */
export function Alternatives({ report, compact = false }: { report: Report; compact?: boolean }) {
  const { t, lang } = useUi();
  const alt = report.alternatives;
  if (!alt?.offered) return null;
  if (compact) {
    if (alt.list.length === 0) return <p class="alternatives compact alt-none">{t("altNone")}</p>;
    // One line in the five-second popup: the names; open it for each level and reason.
    return (
      <details class="alternatives compact">
        <summary><span class="alt-title">{t("altTitle")}:</span> {alt.list.map((a) => a.name).join(", ")}</summary>
        <ul class="alt-list">
          {alt.list.map((a) => (
            <li key={a.id} class="alt">
              <span class="alt-name">{a.name}</span> <LevelBadge level={a.level} />{" "}
              <span class="alt-reason">{summarize(a.findings, t, namesOf(a), lang)}</span>
            </li>
          ))}
        </ul>
      </details>
    );
  }
  return (
    <section class="alternatives" aria-labelledby="alternatives-title">
      <h2 id="alternatives-title">{t("altTitle")}</h2>
      {alt.list.length === 0 ? (
        <p class="alt-none">{t("altNone")}</p>
      ) : (
        <>
          <p class="note">{t("altIntro")}</p>
          <ul class="alt-list">
            {alt.list.map((a) => (
              <li key={a.id} class="alt">
                <span class="alt-name">{a.name}</span> <span class="domain">{a.domain}</span> <LevelBadge level={a.level} />
                <span class="alt-reason">{summarize(a.findings, t, namesOf(a), lang)}</span>
              </li>
            ))}
          </ul>
          <p class="note">{t("altHow")}</p>
        </>
      )}
    </section>
  );
}
