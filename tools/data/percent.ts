/** A share as a whole percentage for the coverage tables ("0 %" when there is nothing to share). */
export function pct(n: number, of: number): string {
  return of === 0 ? "0 %" : `${Math.round((n / of) * 100)} %`;
}
