/** @jest-environment jsdom */
// The popup's five-second answer: level and one sentence, then four rows.
import { render, screen, cleanup, fireEvent, waitFor } from "@testing-library/preact";
import { UiContext, type Ui } from "../../src/ui/context";
import { PopupAnswer, latestNews } from "../../src/ui/report/PopupAnswer";
import { buildReport } from "../../src/core/report";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { miniDataset } from "../fixtures/mini-dataset";
import { EN, FR, translator } from "./en-messages";

const ds = miniDataset();
const ui = (table = EN, lang = "en"): Ui => ({ t: translator(table), lang, asset: (p) => `ext://${p}` });
const answer = (url: string, country = "FR", u = ui()) =>
  render(<UiContext.Provider value={u}><PopupAnswer report={buildReport(ds, url, country, DEFAULT_CONCERNS, "2026-06-01")} actions={<button type="button">Full report</button>} /></UiContext.Provider>);
const rows = () => Object.fromEntries([...document.querySelectorAll(".fact")].map((f) => [f.querySelector("dt")!.textContent, f.querySelector("dd")!.textContent]));
afterEach(cleanup);

describe("popup answer", () => {
  test("a footprint list is 'may be processed in', never 'stored in'", () => {
    answer("https://market.example/");
    expect(rows()["Stored in"]).toBe("not stated · may be processed in United States, Singapore, China, Hong Kong · accessed from China");
  });

  test("no operator for the region: the group is named and the gap is said; an unmodelled law is said", () => {
    answer("https://market.example/", "JP");
    expect(rows()["Run by"]).toBe("market holdings (the company responsible for your region is not stated)");
    expect(document.querySelector(".user-law")!.textContent).toMatch(/transfer rules are not in the dataset yet/);
    cleanup();
    answer("https://market.example/", "FR");
    expect(document.querySelector(".user-law")).toBeNull();
  });

  test("a company the service belongs to, off the operator's chain, is named beside it and not as its parent", () => {
    const cut = { ...ds, entities: { ...ds.entities, "market-eu": { ...ds.entities["market-eu"]!, owners: [] } } };
    render(<UiContext.Provider value={ui()}><PopupAnswer report={buildReport(cut, "https://market.example/", "DE", DEFAULT_CONCERNS, "2026-06-01")} actions={null} /></UiContext.Provider>);
    expect(rows()["Run by"]).toBe("market eu · belongs to market holdings");
    cleanup();
    answer("https://market.example/", "DE");
    expect(rows()["Run by"]).toBe("market eu → , Ultimate parent: market holdings");
  });

  test("who can demand it: the states whose law reaches the data the way it gets there, a provider's included", () => {
    answer("https://usvideo.example/", "US");
    expect(rows()["Who can demand it"]).toBe("China, United States (your country)");
    cleanup();
    // A recognised state is still named: the EU recognises the US, but US law can compel the parent.
    answer("https://cloudy.example/", "FR");
    expect(rows()["Who can demand it"]).toBe("United States");
  });

  test("level, one sentence, then the four rows in order, then the full report", () => {
    answer("https://www.clip.example/@x");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Clip clip.example");
    expect(screen.getByText("High concern")).toBeTruthy();
    // One sentence: the highest finding only.
    expect(document.querySelector(".sentence")!.textContent).toBe("Your data can be accessed from China; the law there can compel access to it.");
    expect([...document.querySelectorAll(".fact dt")].map((d) => d.textContent)).toEqual(["Stored in", "Run by", "Who can demand it", "Latest"]);
    expect(rows()).toEqual({
      "Stored in": "Ireland, Norway · accessed from China",
      "Run by": "clip europe → , Ultimate parent: clip group",
      "Who can demand it": "China",
      "Latest": "Jan 22, 2026: Clip US moves to a joint venture (opens in a new tab)",
    });
    // Flags next to countries and companies; no section headings or law names in the popup.
    expect([...document.querySelectorAll(".fact-stored img.flag")].map((i) => i.getAttribute("src"))).toEqual(["ext://flags/ie.svg", "ext://flags/no.svg", "ext://flags/cn.svg"]);
    expect([...document.querySelectorAll(".fact-run-by img.flag")].map((i) => i.getAttribute("src"))).toEqual(["ext://flags/ie.svg", "ext://flags/cn.svg"]);
    expect(screen.queryAllByRole("heading", { level: 2 })).toHaveLength(0);
    expect(document.body.textContent).not.toMatch(/CN-INTEL \(China\)|Sources and freshness/);
    const order = [...document.querySelectorAll("dl, button")].map((e) => e.textContent);
    expect(order.slice(0, 2)).toEqual([expect.stringContaining("Stored in"), "Full report"]);
  });

  test("a government of the user's own country is named as such; foreign ones first", () => {
    answer("https://cloudy.example/", "US");
    expect(rows()["Who can demand it"]).toBe("United States (your country)");
    cleanup();
    answer("https://cloudy.example/", "FR");
    expect(rows()["Who can demand it"]).toBe("United States");
    expect(rows()["Stored in"]).toBe("Ireland, Germany");
  });

  test("a long list of countries is cut to three and a count; four are shown in full", () => {
    const data = miniDataset();
    const clip = data.services.find((s) => s.id === "clip")!;
    clip.storage[0]!.countries = ["IE", "NO", "DE", "FR", "NL", "SE"];
    render(<UiContext.Provider value={ui()}><PopupAnswer report={buildReport(data, "https://clip.example/", "FR", DEFAULT_CONCERNS, "2026-06-01")} /></UiContext.Provider>);
    expect(rows()["Stored in"]).toBe("Ireland, Norway, Germany and 3 more · accessed from China");
    cleanup();
    clip.storage[0]!.countries = ["IE", "NO", "DE", "FR"];
    render(<UiContext.Provider value={ui()}><PopupAnswer report={buildReport(data, "https://clip.example/", "FR", DEFAULT_CONCERNS, "2026-06-01")} /></UiContext.Provider>);
    expect(rows()["Stored in"]).toBe("Ireland, Norway, Germany, France · accessed from China");
  });

  test("nothing stated says so in every row", () => {
    answer("https://mystery.example/");
    expect(rows()).toEqual({ "Stored in": "not stated", "Run by": "not stated", "Who can demand it": "No government in our dataset", "Latest": "No recorded events." });
  });

  test("French", () => {
    answer("https://clip.example/", "FR", ui(FR, "fr"));
    expect([...document.querySelectorAll(".fact dt")].map((d) => d.textContent)).toEqual(["Stockées", "Exploité par", "Qui peut les exiger", "Dernier événement"]);
    expect(rows()["Qui peut les exiger"]).toBe("Chine");
  });

  test("no tracker in package.json: the correction is a report to copy, not a guessed link", async () => {
    answer("https://clip.example/");
    expect(document.querySelectorAll("a[href*='github.com']")).toHaveLength(0);
    const writes: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (s: string) => void writes.push(s) } });
    fireEvent.click(screen.getByText("Copy a correction report"));
    await waitFor(() => expect(screen.getByText(/Copied to the clipboard\./)).toBeTruthy());
    expect(writes[0]).toMatch(/^Data Borders — Correction: Clip \(clip\.example\)\n\nSite: clip\.example\nDataset version: 2026-01-01\+000000000000\n/);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async () => { throw new Error("denied"); } } });
    cleanup();
    answer("https://clip.example/");
    fireEvent.click(screen.getByText("Copy a correction report"));
    const text = (await screen.findByRole("textbox", { name: "Correction report to copy" })) as HTMLTextAreaElement;
    expect(text.value).toMatch(/What is wrong or missing:/);
  });

  test("the latest event skips news whose topic does not concern the user's data", () => {
    const base = { headline: "h", outlet: "o", url: "https://example.org/x", kind: "other" as const, jurisdiction: "none" };
    expect(latestNews([{ ...base, date: "2026-02-01", topic: "competition" }, { ...base, date: "2026-01-01", topic: "privacy" }])?.date).toBe("2026-01-01");
    expect(latestNews([{ ...base, date: "2026-02-01", topic: "other" }])).toBeUndefined();
    expect(latestNews([])).toBeUndefined();
  });
});
