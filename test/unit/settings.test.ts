import { applyPatch, countryFromLocale, defaults, effectiveCountry, migrate, sanitize, SETTINGS_VERSION } from "../../src/core/settings";

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

  test("invalid fields fall back one by one; valid choices are kept", () => {
    const s = sanitize({ version: 1, country: "fr", bannerThreshold: "medium", badge: "yes", concerns: { "stored-in": false, "compelled-access": "no" }, dismissed: ["tiktok.com", "<script>", 5], extra: 1 }, warn);
    expect(s.country).toBe("");
    expect(s.bannerThreshold).toBe("medium");
    expect(s.badge).toBe(true);
    expect(s.concerns["stored-in"]).toBe(false);
    expect(s.concerns["compelled-access"]).toBe(true);
    expect(s.dismissed).toEqual(["tiktok.com"]);
    expect(warnings.sort()).toEqual(['setting "badge" has an invalid value; using the default', 'setting "concerns.compelled-access" has an invalid value; using the default', 'setting "country" has an invalid value; using the default', 'setting "dismissed" has an invalid value; using the default'].sort());
  });

  test("the badge threshold is low by default and only low, medium or high", () => {
    expect(defaults.badgeThreshold).toBe("low");
    expect(sanitize({ version: 1, badgeThreshold: "medium" }, warn).badgeThreshold).toBe("medium");
    expect(sanitize({ version: 1, badgeThreshold: "none" }, warn).badgeThreshold).toBe("low");
    expect(warnings).toEqual(['setting "badgeThreshold" has an invalid value; using the default']);
  });

  test("settings from a newer version are read for what this version understands", () => {
    const s = sanitize({ version: SETTINGS_VERSION + 5, country: "DE", futureThing: true }, warn);
    expect(s.country).toBe("DE");
    expect(warnings[0]).toMatch(/newer version/);
  });

  test("migrations run in order from the stored version", () => {
    expect(migrate({ version: SETTINGS_VERSION, country: "FR" }, warn)).toEqual({ version: SETTINGS_VERSION, country: "FR" });
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
