import fc from "fast-check";
import { matchUrl, normaliseInput, webHost } from "../../src/core/match";
import { miniDataset } from "../fixtures/mini-dataset";

const ds = miniDataset();
const id = (url: unknown) => {
  const m = matchUrl(ds, url);
  return m.matched ? ds.services[m.serviceIndex]!.id : null;
};

describe("matchUrl", () => {
  test.each([
    ["https://clip.example/", "clip"],
    ["https://www.clip.example/@someone?x=1#y", "clip"],
    ["http://m.www.clip.example:8080/path", "clip"],
    ["HTTPS://WWW.CLIP.EXAMPLE/", "clip"],
    ["https://www.clip.example./", "clip"],
    ["https://user:pass@www.clip.example/", "clip"],
    ["https://v16.clipcdn.example/video.mp4", "clip"],
    ["https://www.clip.%65xample/", "clip"],
    ["https://docs.bigsite.example/d/1", "cloudy"],
    ["https://a.docs.bigsite.example/", "cloudy"],
    ["https://bigsite.example/", "bigsite"],
    ["https://mail.bigsite.example/", "bigsite"],
  ])("%s → %s", (url, expected) => expect(id(url)).toBe(expected));

  test.each([
    "https://clip.example.evil.net/",
    "https://my-clip.example.net/",
    "https://clip-example.ru/",
    "https://notclip.example/",
    "https://clip.examples/",
    "https://evil.net/clip.example",
    "https://evil.net/?u=https://clip.example",
    "https://clip.example@evil.net/",
    "https://evil.net\\@clip.example/",
    "https://xn--clp-hla.example/",
    "https://сlip.example/",
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://[2001:db8::1]:8080/",
    "http://localhost:3000/",
    "chrome://extensions/",
    "about:blank",
    "moz-extension://abc/popup.html",
    "file:///etc/hosts",
    "data:text/html,<a href=https://clip.example>",
    "javascript:alert(1)//clip.example",
    "",
    "not a url",
  ])("%s → no match", (url) => expect(id(url)).toBeNull());

  test("reasons", () => {
    expect(matchUrl(ds, "chrome://newtab").matched || matchUrl(ds, "chrome://newtab")).toMatchObject({ reason: "not-web" });
    expect(matchUrl(ds, "http://10.0.0.1/")).toMatchObject({ reason: "ip" });
    expect(matchUrl(ds, "http://localhost/")).toMatchObject({ reason: "no-domain" });
    expect(matchUrl(ds, "https://example.org/")).toMatchObject({ reason: "unlisted", domain: "example.org" });
    expect(matchUrl(ds, "::::")).toMatchObject({ reason: "invalid" });
    expect(matchUrl(ds, 42)).toMatchObject({ reason: "invalid" });
  });

  test("IDN hosts are compared in punycode", () => {
    expect(webHost("https://BÜCHER.example/")).toBe("xn--bcher-kva.example");
  });

  test("property: never throws, and a match means the host is the domain or a subdomain of it", () => {
    const domains = Object.keys(ds.domains);
    const hostish = fc.oneof(
      fc.domain(),
      fc.constantFrom(...domains).chain((d) => fc.tuple(fc.array(fc.constantFrom("www", "m", "a-b", "x1"), { maxLength: 3 }), fc.constant(d)).map(([subs, dom]) => [...subs, dom].join("."))),
      fc.constantFrom(...domains).map((d) => `${d}.evil.net`),
      fc.constantFrom(...domains).map((d) => `x${d}`),
      fc.string(),
    );
    const url = fc.oneof(
      fc.tuple(fc.constantFrom("http://", "https://", "HTTP://", "ftp://", "", "//"), fc.option(fc.constantFrom("u:p@", "@", "a@b@")), hostish, fc.constantFrom("", "/", ":443/", ".", "./x", "?q", "#f", "\\x"), fc.string())
        .map(([s, u, h, tail, rest]) => `${s}${u ?? ""}${h}${tail}${rest}`),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(url, (u) => {
        const m = matchUrl(ds, u);
        if (!m.matched) return true;
        const host = m.host;
        const owner = ds.services[m.serviceIndex]!;
        return [...owner.domains, ...owner.hosts].some((d) => host === d || host.endsWith(`.${d}`));
      }),
      { numRuns: 5000, seed: 20261129 },
    );
  });
});

describe("normaliseInput", () => {
  test.each([
    ["tiktok.com", "https://tiktok.com"],
    ["www.tiktok.com/@x", "https://www.tiktok.com/@x"],
    ["https://tiktok.com", "https://tiktok.com"],
    ["localhost:3000/x", "https://localhost:3000/x"],
    ["not a url !", null],
    ["   ", null],
  ])("%s → %s", (input, expected) => expect(normaliseInput(input)).toBe(expected));
});
