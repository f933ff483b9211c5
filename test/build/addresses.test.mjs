// No guessed addresses: every web address in the built extension and tools is
// either the project's own, taken from package.json (`bugs`, `homepage`), or
// one of the dataset's own sources. A correction sent to an address nobody
// here controls would go to whoever owns that name.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./permissions.mjs";
import { projectAddresses } from "../../tools/project-addresses.mjs";

/** XML namespace names: identifiers in markup and DOM code, never fetched or shown. */
const NAMESPACES = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/1998/Math/MathML",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/",
]);
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\]+/gi;
/** Code that builds an address from input at run time (`https://${host}`) names no address. */
const TEMPLATE = /^[a-z]+:\/\/\$\{/i;

/** The address without trailing punctuation or a closing parenthesis it does not open. */
function trim(raw) {
  let url = raw.replace(/[.,;:]+$/, "");
  while (url.endsWith(")") && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1).replace(/[.,;:]+$/, "");
  return url;
}
const TEXT = /\.(js|mjs|html|css|json|svg|txt|md)$/;

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(full));
    else if (TEXT.test(e.name)) out.push(full);
  }
  return out;
}

/**
 * Every url and archive the dataset cites (sources, news), and the home page
 * of every site it lists (an example the extension looks up, never a link to
 * an address nobody here controls).
 */
/** The dataset a build holds: the extension's index with its shards (walked as one value), or the tools' single file. */
function shippedDataset(root) {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8"));
  if (!fs.existsSync(path.join(root, "data/index.json"))) return read("dataset.json");
  const shards = fs.readdirSync(path.join(root, "data/shards")).map((f) => read(`data/shards/${f}`));
  assert.ok(shards.length > 0, `${root}: no dataset shards`);
  return { ...read("data/index.json"), shards };
}

function datasetAddresses(dataset) {
  const found = new Set();
  for (const domain of Object.keys(dataset.domains ?? {})) for (const host of [domain, `www.${domain}`]) found.add(`https://${host}/`);
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if ((k === "url" || k === "archive") && typeof x === "string") found.add(x);
        else walk(x);
      }
    }
  };
  walk(dataset);
  return found;
}

/** Addresses in `text` that are neither allowed exactly nor extensions of the project's own (e.g. its tracker's /new form). */
export function strayAddresses(text, allowed, projectPrefixes) {
  const stray = new Set();
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = trim(m[0]);
    if (NAMESPACES.has(url) || allowed.has(url) || TEMPLATE.test(url)) continue;
    if (projectPrefixes.some((p) => url === p || url.startsWith(`${p.replace(/\/$/, "")}/`))) continue;
    stray.add(url);
  }
  return [...stray];
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const own = Object.values(projectAddresses(pkg)).filter(Boolean);

test("the address check finds an address that is not derived from package.json or the dataset", () => {
  const allowed = new Set(["https://source.example/policy"]);
  assert.deepEqual(strayAddresses('a="https://source.example/policy" b="http://www.w3.org/2000/svg"', allowed, []), []);
  assert.deepEqual(strayAddresses('x="https://github.com/data-borders/data-borders/issues/new?"', allowed, []), ["https://github.com/data-borders/data-borders/issues/new?"]);
  assert.deepEqual(strayAddresses("see https://tracker.example/issues/new?title=x", allowed, ["https://tracker.example/issues"]), []);
  assert.deepEqual(strayAddresses("(see https://a.example/x_(y)), and `https://${host}`", new Set(["https://a.example/x_(y)"]), []), []);
});

for (const dir of ["dist/chrome", "dist/firefox", "dist/tools"]) {
  test(`${dir}: every address comes from package.json or the dataset's own sources`, () => {
    const root = path.join(ROOT, dir);
    assert.ok(fs.existsSync(root), `${dir} is missing: run npm run build first`);
    const allowed = datasetAddresses(shippedDataset(root));
    const problems = [];
    for (const file of files(root)) {
      const stray = strayAddresses(fs.readFileSync(file, "utf8"), allowed, own);
      if (stray.length > 0) problems.push(`${path.relative(ROOT, file)}: ${stray.slice(0, 5).join(", ")}`);
    }
    assert.deepEqual(problems, []);
  });
}
