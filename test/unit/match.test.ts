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

describe("matchUrl: reasons and boundaries", () => {
  const reason = (url: unknown) => {
    const m = matchUrl(ds, url);
    return m.matched ? `match:${ds.services[m.serviceIndex]!.id}` : `${m.reason}:${m.host ?? ""}:${m.domain ?? ""}`;
  };
  test.each([
    [42, "invalid::"],
    ["", "invalid::"],
    ["nonsense", "invalid::"],
    ["ftp://clip.example/", "not-web::"],
    ["javascript:alert(1)", "not-web::"],
    ["https://[2001:db8::1]/", "ip:[2001:db8::1]:"],
    ["https://203.0.113.9/", "ip:203.0.113.9:"],
    ["http://10.0.0.1:8080/x", "ip:10.0.0.1:"],
    ["https://192.0.2.0/", "ip:192.0.2.0:"],
    ["https://localhost/", "no-domain:localhost:"],
    ["https://example/", "no-domain:example:"],
    ["https://www.unlisted.example/", "unlisted:www.unlisted.example:unlisted.example"],
    ["https://docs.bigsite.example/", "match:cloudy"],
    ["https://a.b.docs.bigsite.example/", "match:cloudy"],
    ["https://other.bigsite.example/", "match:bigsite"],
    ["https://bigsite.example/", "match:bigsite"],
    ["https://clip.example../", "match:clip"],
    ["https://Clip.Example/", "match:clip"],
  ] as const)("%s → %s", (url, expected) => expect(reason(url)).toBe(expected));

  test("a URL of 8,192 characters is read; one character more is refused unread", () => {
    const at = (n: number) => `https://clip.example/${"x".repeat(n - "https://clip.example/".length)}`;
    expect(at(8192)).toHaveLength(8192);
    expect(webHost(at(8192))).toBe("clip.example");
    expect(webHost(at(8193))).toBeNull();
    expect(webHost(`https://CLIP.example/${"x".repeat(8180)}`)).toBeNull();
  });

  test("trailing dots are dropped however many there are, and only at the end", () => {
    expect(webHost("https://clip.example.../")).toBe("clip.example");
    expect(webHost("https://CLIP.EXAMPLE.../")).toBe("clip.example");
    expect(webHost("https://clip.example/")).toBe("clip.example");
  });

  test("host overrides are found after another dataset was in use", () => {
    const other = { domains: {}, hosts: { "x.only.example": 0 } };
    expect(matchUrl(other, "https://x.only.example/")).toMatchObject({ matched: true, serviceIndex: 0 });
    expect(reason("https://docs.bigsite.example/")).toBe("match:cloudy");
    expect(matchUrl(other, "https://docs.bigsite.example/")).toMatchObject({ matched: false, reason: "unlisted" });
  });
});
