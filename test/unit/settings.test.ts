// Settings: defaults, field-by-field repair, versions and migrations.
// Mutations of src/core/settings.ts these tests kill (each was tried by hand once):
//   no "version < 1" guard (version 0 or negative runs a migration that does not exist) → "a stored version that is 0 / negative"
//   migrations always start at version 1                                              → "a stored version in the middle runs only the later migrations"
//   no guard for a newer version                                                      → "a stored version that is above the current one"
//   one warning per invalid field instead of one in all                               → "invalid fields fall back one by one…" and the version cases
//   a failing migration drops every field                                             → "a migration that throws keeps the fields that are still valid"
import { applyPatch, countryFromLocale, defaults, effectiveCountry, migrate, migrations, sanitize, SETTINGS_VERSION, type Migration } from "../../src/core/settings";

const warnings: string[] = [];
const warn = (m: string) => warnings.push(m);
beforeEach(() => (warnings.length = 0));

describe("settings", () => {
  test("nothing stored gives the defaults, silently", () => {
    expect(sanitize(undefined, warn)).toEqual(defaults);
    expect(warnings).toEqual([]);
  });

  test.each([null, 42, "settings", [1, 2]])("corrupt value %p gives defaults with a warning", (raw) => {
    expect(sanitize(raw, warn)).toEqual(defaults);
    expect(warnings).toHaveLength(1);
  });

  test("invalid fields fall back one by one; valid choices are kept; one warning names them all", () => {
    const s = sanitize({ version: 1, country: "fr", bannerThreshold: "medium", badge: "yes", concerns: { "stored-in": false, "remote-access-from": "no" }, dismissed: ["tiktok.com", "<script>", 5], extra: 1 }, warn);
    expect(s.country).toBe("");
    expect(s.bannerThreshold).toBe("medium");
    expect(s.badge).toBe(true);
    expect(s.concerns["stored-in"]).toBe(false);
    expect(s.concerns["remote-access-from"]).toBe(true);
    expect(s.dismissed).toEqual(["tiktok.com"]);
    expect(warnings).toEqual(['invalid value for "country", "badge", "concerns.remote-access-from", "dismissed"; using the default']);
  });

  test("the badge threshold is low by default and only low, medium or high", () => {
    expect(defaults.badgeThreshold).toBe("low");
    expect(sanitize({ version: 1, badgeThreshold: "medium" }, warn).badgeThreshold).toBe("medium");
    expect(sanitize({ version: 1, badgeThreshold: "none" }, warn).badgeThreshold).toBe("low");
    expect(warnings).toEqual(['invalid value for "badgeThreshold"; using the default']);
  });

  // A user's valid choices stored under a version this code cannot place.
  const choices = { country: "DE", bannerThreshold: "medium", badge: false, dismissed: ["tiktok.com"], onboarded: true };

  test.each([
    ["0", 0, /no valid version \(0\)/],
    ["negative", -3, /no valid version \(-3\)/],
    ["not a whole number", 1.5, /no valid version \(1.5\)/],
    ["a string", "1", /no valid version \("1"\)/],
    ["missing", undefined, /no valid version \(none\)/],
    ["above the current one", SETTINGS_VERSION + 5, /newer version \(\d+\)/],
  ])("a stored version that is %s keeps every valid field, with one warning", (_name, version, problem) => {
    const s = sanitize({ ...choices, version, futureThing: true, onboarded: "sometimes" }, warn);
    expect(s).toEqual({ ...defaults, ...choices, onboarded: false, version: SETTINGS_VERSION });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(problem);
    expect(warnings[0]).toMatch(/"onboarded"/);
  });

  test("the current version needs no migration and is returned as it is", () => {
    expect(migrations).toHaveLength(SETTINGS_VERSION - 1);
    expect(migrate({ version: SETTINGS_VERSION, country: "FR" })).toEqual({ value: { version: SETTINGS_VERSION, country: "FR" } });
  });

  // Two real migrations, injected: v1 named the threshold "warnOn", v2 stored the country as "countryCode".
  const order: string[] = [];
  const steps: Migration[] = [
    ({ warnOn, ...rest }) => (order.push("1→2"), { ...rest, version: 2, bannerThreshold: warnOn }),
    ({ countryCode, ...rest }) => (order.push("2→3"), { ...rest, version: 3, country: countryCode }),
  ];
  beforeEach(() => (order.length = 0));

  test("migrations run in order from the stored version", () => {
    const s = sanitize({ version: 1, warnOn: "medium", countryCode: "JP", badge: false }, warn, steps);
    expect(order).toEqual(["1→2", "2→3"]);
    expect(s).toMatchObject({ version: 3, bannerThreshold: "medium", country: "JP", badge: false });
    expect(warnings).toEqual([]);
  });

  test("a stored version in the middle runs only the later migrations", () => {
    const s = sanitize({ version: 2, bannerThreshold: "never", countryCode: "GB" }, warn, steps);
    expect(order).toEqual(["2→3"]);
    expect(s).toMatchObject({ version: 3, bannerThreshold: "never", country: "GB" });
  });

  test("a migration that throws keeps the fields that are still valid, with a warning", () => {
    const broken: Migration[] = [() => { throw new Error("boom"); }];
    const s = sanitize({ version: 1, country: "DE", badge: false }, warn, broken);
    expect(s).toMatchObject({ version: 2, country: "DE", badge: false });
    expect(warnings).toEqual([expect.stringMatching(/from version 1 failed \(Error: boom\)/)]);
  });

  test("version 1 → 2: a turned-off concern whose findings moved stays off where they went", () => {
    const s = sanitize({ version: 1, country: "FR", concerns: { "compelled-access": false, "outside-adequacy": false, "data-breach": false } }, warn);
    expect(s.version).toBe(2);
    expect(s.concerns).toEqual({ ...defaults.concerns, "controlled-from": false, "stored-in": false, "remote-access-from": false, "data-breach": false });
    expect(warnings).toEqual([]);
    // A concern left on, or one the user set explicitly in its new place, is not overridden.
    const kept = sanitize({ version: 1, concerns: { "compelled-access": true, "outside-adequacy": false, "stored-in": true } }, warn);
    expect(kept.concerns).toEqual({ ...defaults.concerns, "remote-access-from": false });
  });

  test("a patch merges concerns and is sanitised", () => {
    const s = applyPatch(defaults, { concerns: { ...defaults.concerns, "data-breach": false }, country: "GB" }, warn);
    expect(s.country).toBe("GB");
    expect(s.concerns["data-breach"]).toBe(false);
    expect(s.concerns["stored-in"]).toBe(true);
    const bad = applyPatch(s, { bannerThreshold: "always" as never }, warn);
    expect(bad.bannerThreshold).toBe("high");
  });

  test("the country comes from the UI locale until the user picks one", () => {
    expect(countryFromLocale("fr-FR")).toBe("FR");
    expect(countryFromLocale("fr")).toBe("FR");
    expect(countryFromLocale("en-GB")).toBe("GB");
    expect(countryFromLocale("ja")).toBe("JP");
    expect(countryFromLocale("not a locale!")).toBe("");
    expect(effectiveCountry({ ...defaults, country: "" }, "de-DE")).toBe("DE");
    expect(effectiveCountry({ ...defaults, country: "JP" }, "de-DE")).toBe("JP");
    expect(effectiveCountry({ ...defaults, country: "" }, "xx")).toBe("US");
  });
});
