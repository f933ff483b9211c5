// Hostile input against the real dataset: seeded fuzzing of the matcher and
// of the lookup command's arguments, and a table of known URL tricks.
import fc from "fast-check";
import path from "node:path";
import { compileData, formatProblem } from "../../tools/data/compile";
import { matchUrl } from "../../src/core/match";
import type { CompiledDataset } from "../../src/core/dataset";
import { parseArgs, urlFromInput, UsageError } from "../../tools/lookup";
import { today } from "./today";

// Compiled once, against today's date. A dataset that does not compile fails
// the first test with the compiler's own messages, and every other test here
// fails on its own line (none silently disappears from the count).
const compiled = compileData(path.resolve(__dirname, "../../src/data"), today());
const NOT_COMPILED = `the real dataset did not compile:\n${compiled.errors.map(formatProblem).join("\n")}`;
function dataset(): CompiledDataset {
  if (!compiled.dataset) throw new Error(NOT_COMPILED);
  return compiled.dataset;
}
const serviceOf = (url: string) => {
  const ds = dataset();
  const m = matchUrl(ds, url);
  return m.matched ? ds.services[m.serviceIndex]!.id : null;
};
const SEED = 20261129;
const RUNS = 100_000;
const domains = compiled.dataset ? Object.keys(compiled.dataset.domains) : ["dataset-did-not-compile.invalid"];

test("the real dataset compiles today", () => {
  expect(compiled.errors.map(formatProblem)).toEqual([]);
});

describe("URL tricks against the real dataset", () => {
  test.each([
    ["https://www.tiktok.com/@someone", "tiktok"],
    ["https://WWW.TikTok.COM./", "tiktok"],
    ["https://user:pass@www.tiktok.com:443/x", "tiktok"],
    ["https://www.tik%74ok.com/", "tiktok"], // the browser decodes this host to www.tiktok.com
    ["https://www.tiktok.com.evil.net/", null],
    ["https://tiktok.com@evil.net/", null],
    ["https://evil.net/#@tiktok.com", null],
    ["https://evil.net/?next=https://www.tiktok.com", null],
    ["https://my-tiktok.com/", null],
    ["https://tiktok-com.ru/", null],
    ["https://tiktok.co/", null],
    ["https://www.tіktok.com/", null], // Cyrillic і
    ["https://xn--tktok-5ve.com/", null], // its punycode form
    ["https://ţiktok.com/", null],
    ["https://tiktok。com/", "tiktok"], // ideographic full stop is a dot in IDNA
    ["https://www.xn--tiktok-2ya.com/", null],
    ["https://[2001:db8::1]/tiktok.com", null],
    ["https://203.0.113.7/tiktok.com", null],
    ["https://0x7f.1/", null],
    [`https://${"a.".repeat(120)}tiktok.com/`.slice(0), "tiktok"],
    [`https://${"a".repeat(300)}.tiktok.com/`, "tiktok"], // an over-long label is still a subdomain, never another service
    [`https://${"b".repeat(5000)}.com/`, null],
    ["https://mail.google.com/mail/u/0/", "gmail"],
    ["https://google.com/", "google-search"],
    ["https://notgoogle.com/", null],
    ["https://mail.google.com.evil.net/", null],
    ["javascript:location='https://www.tiktok.com'", null],
    ["data:text/html,https://www.tiktok.com", null],
    ["blob:https://www.tiktok.com/1234", null],
    ["view-source:https://www.tiktok.com/", null],
  ])("%# %s → %s", (url, expected) => expect(serviceOf(url)).toBe(expected));
});

describe(`fuzzing (${RUNS.toLocaleString("en")} seeded cases each)`, () => {
  const brandish = fc.constantFrom(...domains).chain((d) =>
    fc.constantFrom(`${d}`, `www.${d}`, `${d}.evil.net`, `x${d}`, `${d.replace(".", "-")}.com`, `${d}x`, `${d.toUpperCase()}`, `${d}.`, `${d.replace(/o/g, "0")}`, `${d.replace(/i/g, "і")}`),
  );
  const host = fc.oneof(brandish, fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`), fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-z0-9%.\-@:]{0,60}$/));
  const url = fc.oneof(
    fc.tuple(fc.constantFrom("https://", "http://", "HTTPS://", "ws://", "ftp://", "//", "", "https:/", "https:\\\\"), fc.option(fc.constantFrom("u:p@", "@", "a@b@", "%40@")), host, fc.constantFrom("", "/", ":80/", ":99999/", "?x", "#y", "\\", "/@x"), fc.string({ maxLength: 30 }))
      .map(([a, b, c, d, e]) => `${a}${b ?? ""}${c}${d}${e}`),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: "grapheme", maxLength: 80 }),
  );

  test("matchUrl never throws, never hangs, and never matches a host outside the service's domains", () => {
    const ds = dataset();
    const started = Date.now();
    fc.assert(
      fc.property(url, (u) => {
        const m = matchUrl(ds, u);
        if (!m.matched) return true;
        const s = ds.services[m.serviceIndex]!;
        return [...s.domains, ...s.hosts].some((d) => m.host === d || m.host.endsWith(`.${d}`));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  test("lookup arguments: either a URL to look up or a UsageError, nothing else", () => {
    const arg = fc.oneof(url, fc.constantFrom("--json", "--country", "--country=FR", "--country=", "--", "-x", "--colour"), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 5 }), (argv) => {
        try {
          const args = parseArgs(argv);
          const u = urlFromInput(args.input);
          return typeof u === "string" && /^[a-z][a-z0-9+.-]*:/i.test(u) && /^[A-Z]{2}$/.test(args.country);
        } catch (e) {
          return e instanceof UsageError && e.message.length > 0 && !e.message.includes("\n");
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

test("the real dataset's domains are all exact registrable domains, each owned once", () => {
  const owners = new Map<string, string>();
  const services = dataset().services;
  expect(services.length).toBeGreaterThan(100);
  for (const s of services) for (const d of s.domains) {
    expect(owners.has(d) ? `${d} twice` : d).toBe(d);
    owners.set(d, s.id);
    expect(serviceOf(`https://${d}/`)).toBe(s.id);
  }
});
