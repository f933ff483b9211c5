// "Today" for checks against the real dataset, as the build decides it:
// DATA_TODAY (YYYY-MM-DD) when set, otherwise the clock. Fixture tests keep
// their own fixed dates; only the real dataset follows the calendar.
export function today(): string {
  const fixed = process.env.DATA_TODAY;
  if (fixed === undefined || fixed === "") return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`DATA_TODAY must be YYYY-MM-DD, got "${fixed}"`);
  return fixed;
}
