// The project's addresses come from package.json only; without a tracker there is no link.
import { correctionText, correctionUrl, ISSUES_URL, HOMEPAGE_URL } from "../../src/core/project";
import { projectAddresses } from "../../tools/project-addresses.mjs";

const subject = { domain: "clip.example", service: "Clip", dataVersion: "2026-01-01+000000000000" };

describe("project addresses", () => {
  test("read from package.json's bugs and homepage, https only", () => {
    expect(projectAddresses({})).toEqual({ bugs: "", homepage: "" });
    expect(projectAddresses({ bugs: { url: "https://tracker.example/issues", email: "a@b.example" }, homepage: "https://home.example/" })).toEqual({ bugs: "https://tracker.example/issues", homepage: "https://home.example/" });
    expect(projectAddresses({ bugs: "http://insecure.example/issues", homepage: "javascript:alert(1)" })).toEqual({ bugs: "", homepage: "" });
  });

  test("this build's package.json names none, so there is no correction link", () => {
    expect(ISSUES_URL).toBeNull();
    expect(HOMEPAGE_URL).toBeNull();
    expect(correctionUrl(subject)).toBeNull();
  });

  test("a GitHub tracker gets a prefilled issue; any other tracker is linked as it is", () => {
    const gh = correctionUrl(subject, "https://github.com/someone/project/issues")!;
    expect(gh.prefilled).toBe(true);
    expect(gh.href).toMatch(/^https:\/\/github\.com\/someone\/project\/issues\/new\?title=Correction%3A\+Clip\+%28clip\.example%29&body=Site%3A\+clip\.example/);
    expect(correctionUrl(subject, "https://tracker.example/bugs")).toEqual({ href: "https://tracker.example/bugs", prefilled: false });
  });

  test("the text to copy carries the site and the dataset version", () => {
    expect(correctionText(subject)).toBe("Data Borders — Correction: Clip (clip.example)\n\nSite: clip.example\nDataset version: 2026-01-01+000000000000\n\nWhat is wrong or missing:\n\nSource (https link to a primary source, with its date):\n");
  });
});
