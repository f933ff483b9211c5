// Checks of the built extension (run after `npm run build`): what each
// manifest asks for, compared with a committed expectation, and the rules
// that keep the extension small in what it may do.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, manifest, permissionSummary } from "./permissions.mjs";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "test/build/expected-permissions.json"), "utf8"));

test("permissions, host permissions and content-script matches equal the committed expectation", () => {
  assert.deepEqual(permissionSummary(), expected, "the build asks for something new: review it, then run npm run permissions:update");
});

for (const target of ["chrome", "firefox"]) {
  test(`${target}: no broad access, no tabs permission, nothing web-accessible`, () => {
    const m = manifest(target);
    const all = JSON.stringify([m.permissions, m.host_permissions, m.content_scripts]);
    for (const broad of ["<all_urls>", "*://*/*", "http://*/*", "https://*/*", "\"tabs\"", "webRequest"]) assert.ok(!all.includes(broad), `${target} manifest must not ask for ${broad}`);
    // scripting acts only with the activeTab grant of the user's click (the page scan): no host is added for it.
    assert.deepEqual(m.permissions.sort(), ["activeTab", "scripting", "storage"]);
    assert.equal(m.web_accessible_resources, undefined);
    for (const p of m.host_permissions) assert.match(p, /^\*:\/\/\*\.[a-z0-9.-]+\/\*$/, `host pattern ${p} names one domain`);
    assert.deepEqual(m.content_scripts[0].matches, m.host_permissions);
    assert.equal(m.content_scripts[0].all_frames, false);
    assert.equal(m.version, pkg.version);
    const csp = m.content_security_policy.extension_pages;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/);
  });
}

test("chrome uses a service worker; firefox background scripts, a gecko id and no data collection", () => {
  assert.deepEqual(manifest("chrome").background, { service_worker: "background.js" });
  assert.equal(manifest("chrome").browser_specific_settings, undefined);
  const ff = manifest("firefox");
  assert.deepEqual(ff.background, { scripts: ["background.js"] });
  assert.equal(ff.browser_specific_settings.gecko.id, "data-borders@data-borders.org");
  assert.deepEqual(ff.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
});

test("look-alike hosts are not covered by any match pattern", () => {
  const patterns = manifest("chrome").host_permissions.map((p) => p.slice("*://*.".length, -2));
  const covered = (host) => patterns.some((d) => host === d || host.endsWith(`.${d}`));
  assert.ok(covered("www.tiktok.com"));
  for (const host of ["tiktok.com.example.net", "nottiktok.com", "my-tiktok.com", "tiktok-com.ru", "tiktok.co"]) assert.ok(!covered(host), host);
});

test("the end-to-end copy is the shipped extension but for the content script's test signal", () => {
  const files = (dir) => {
    const out = [];
    const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : out.push(path.relative(dir, path.join(d, e.name)))));
    walk(dir);
    return out.sort();
  };
  for (const target of ["chrome", "firefox"]) {
    const shipped = path.join(ROOT, "dist", target);
    const e2e = path.join(ROOT, "dist/e2e", target);
    assert.deepEqual(files(e2e), files(shipped), `${target}: same files`);
    for (const file of files(shipped)) {
      const a = fs.readFileSync(path.join(shipped, file));
      const b = fs.readFileSync(path.join(e2e, file));
      if (file === "content.js") {
        assert.ok(!a.includes("data-borders-e2e"), `${target}: the shipped content script has no test signal`);
        assert.ok(b.includes("data-borders-e2e"), `${target}: the end-to-end content script has the test signal`);
      } else {
        assert.ok(a.equals(b), `${target}: ${file} is identical in the end-to-end copy`);
      }
    }
  }
});

test("third-party providers are never host permissions or content-script matches", () => {
  const shardDir = path.join(ROOT, "dist/chrome/data/shards");
  const services = fs.readdirSync(shardDir).flatMap((f) => JSON.parse(fs.readFileSync(path.join(shardDir, f), "utf8")).services);
  const thirdParty = services.filter((s) => s.kind === "third-party");
  assert.ok(thirdParty.length >= 40, `third-party providers in the dataset: ${thirdParty.length}`);
  const patterns = manifest("chrome").host_permissions.map((p) => p.slice("*://*.".length, -2));
  const covered = (host) => patterns.some((d) => host === d || host.endsWith(`.${d}`));
  for (const s of thirdParty) for (const d of [...s.domains, ...s.hosts]) assert.ok(!covered(d), `${d} (${s.id}) is covered by a host pattern`);
});

test("both zips exist and hold the manifest", () => {
  for (const target of ["chrome", "firefox"]) {
    const zip = fs.readFileSync(path.join(ROOT, `dist/data-borders-${target}.zip`));
    assert.equal(zip.readUInt32LE(0), 0x04034b50, `${target} zip signature`);
    assert.ok(zip.includes(Buffer.from("manifest.json")), `${target} zip lists manifest.json`);
  }
});

test("README's permissions table names exactly the manifest's permissions", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const table = readme.split("## Permissions")[1]?.split("\n## ")[0] ?? "";
  const named = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(named, ["activeTab", "host permissions", "scripting", "storage"]);
  const hosts = manifest("chrome").host_permissions.length;
  assert.match(table, new RegExp(`\\b${hosts} host patterns\\b`), `README states the number of host patterns (${hosts})`);
});

// The message tables under tools/i18n are the one source of truth: the build writes each target's _locales
// from them and writes nothing into the source tree.
test("each target ships _locales for en, fr, de and es equal to the message tables, with every key", async () => {
  const { catalogue, LANGS } = await import("../../tools/i18n/catalogue.mjs");
  assert.equal(fs.existsSync(path.join(ROOT, "src/_locales")), false, "no generated message files in src/");
  const keys = Object.keys(catalogue("en"));
  for (const target of ["chrome", "firefox"]) {
    assert.deepEqual(fs.readdirSync(path.join(ROOT, "dist", target, "_locales")).sort(), [...LANGS].sort());
    for (const lang of LANGS) {
      const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", target, "_locales", lang, "messages.json"), "utf8"));
      assert.deepEqual(Object.keys(shipped), keys, `${target}/${lang} has every key, in order`);
      assert.deepEqual(shipped, Object.fromEntries(Object.entries(catalogue(lang)).map(([k, v]) => [k, { message: v }])), `${target}/${lang}`);
    }
  }
});
