// Firefox for Android: the built manifest declares it, with a minimum version
// no lower than what the extension uses there. Each row names a feature the
// build relies on, how to see it in dist/firefox, and the first Firefox for
// Android version that has it (MDN browser compatibility data).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, manifest } from "./permissions.mjs";

const DIST = path.join(ROOT, "dist/firefox");
const read = (f) => fs.readFileSync(path.join(DIST, f), "utf8");

const FEATURES = [
  { what: "manifest data_collection_permissions", used: (m) => Boolean(m.browser_specific_settings?.gecko?.data_collection_permissions), android: 142 },
  { what: "popover API for the banner (showPopover)", used: () => read("content.js").includes("showPopover"), android: 125 },
  { what: "CSS :has() in the extension pages", used: () => read("styles.css").includes(":has("), android: 121 },
  { what: "storage.session", used: () => read("background.js").includes("session"), android: 115 },
  { what: "Manifest V3", used: (m) => m.manifest_version === 3, android: 113 },
];

test("firefox: gecko_android is declared with a minimum version covering every feature used", () => {
  const m = manifest("firefox");
  const declared = m.browser_specific_settings?.gecko_android?.strict_min_version;
  assert.ok(declared, "browser_specific_settings.gecko_android.strict_min_version is declared");
  const major = Number(declared.split(".")[0]);
  const used = FEATURES.filter((f) => f.used(m));
  assert.ok(used.length >= 3, "the feature probes still find what the build uses");
  for (const f of used) assert.ok(major >= f.android, `${f.what} needs Firefox for Android ${f.android}, the manifest says ${declared}`);
  // No higher than needed either: the minimum is the newest feature's version.
  assert.equal(major, Math.max(...used.map((f) => f.android)), "gecko_android.strict_min_version is the newest feature's version");
});
