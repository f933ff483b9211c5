/** @jest-environment jsdom */
import { render, screen, fireEvent, waitFor, cleanup } from "@testing-library/preact";
import { UiContext, type Ui } from "../../src/ui/context";
import { ReportView } from "../../src/ui/report/ReportView";
import { ReportPage } from "../../src/ui/ReportPage";
import { PopupAnswer } from "../../src/ui/report/PopupAnswer";
import { buildReport } from "../../src/core/report";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { miniDataset } from "../fixtures/mini-dataset";
import { hostileDataset, HOSTILE } from "../fixtures/hostile-dataset";
import { EN, FR, translator } from "./en-messages";

const ds = miniDataset();
const TODAY = "2026-06-01";
const ui = (table = EN, lang = "en"): Ui => ({ t: translator(table), lang, asset: (p) => `ext://${p}` });
const wrap = (node: preact.ComponentChildren, u = ui()) => render(<UiContext.Provider value={u}>{node}</UiContext.Provider>);
const report = (url: string, country = "FR", data = ds) => buildReport(data, url, country, DEFAULT_CONCERNS, TODAY);

// The map loads its path data lazily; no map in these tests.
(globalThis as unknown as { fetch: unknown }).fetch = async () => ({ ok: false });
afterEach(cleanup);

describe("report view", () => {
  test("storage: stated first, a footprint list labelled as such; named providers with their control", () => {
    wrap(<ReportView report={report("https://market.example/")} />);
    const storage = screen.getByRole("region", { name: "Where your data is stored" });
    expect(storage.textContent).toMatch(/does not state where it stores your data/);
    expect(storage.textContent).toMatch(/may be processed here; this is not a statement of where your data is kept/);
    cleanup();
    wrap(<ReportView report={report("https://usvideo.example/", "US")} />);
    const us = screen.getByRole("region", { name: "Where your data is stored" });
    expect(us.textContent).toMatch(/Providers that receive your data.*red services llc → red app co.*China.*Receives some data to run global features\./);
  });

  test("a source read from a dated copy links to that copy beside the official address", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const control = screen.getByRole("region", { name: "Who controls it" });
    const archived = [...control.querySelectorAll("a")].filter((a) => a.textContent?.startsWith("archived copy"));
    expect(archived.map((a) => a.getAttribute("href"))).toEqual(["https://example.org/archive/clip-policy"]);
    expect(archived[0]!.previousElementSibling?.getAttribute("href")).toBe("https://example.org/source/10");
  });

  test("control: the group is named when no operator covers the region, and the gap is said", () => {
    wrap(<ReportView report={report("https://market.example/", "JP")} />);
    const control = screen.getByRole("region", { name: "Who controls it" });
    expect(control.textContent).toMatch(/responsible for users in your region is not stated/);
    expect(control.textContent).toMatch(/Ultimate parent.*market holdings.*Head office in Singapore; Incorporated in Cayman Islands; Run from China/);
    expect(control.textContent).not.toMatch(/Responsible for your data/);
  });

  test("control: a company the service belongs to that the operator's chain does not reach is shown apart, with its source", () => {
    const cut = { ...ds, entities: { ...ds.entities, "market-eu": { ...ds.entities["market-eu"]!, owners: [] } } };
    wrap(<ReportView report={report("https://market.example/", "DE", cut)} />);
    const control = screen.getByRole("region", { name: "Who controls it" });
    const note = control.querySelector(".unlinked-owner");
    expect(note?.textContent).toMatch(/The service belongs to market holdings; no control link between it and market eu is recorded\..*Head office in Singapore.*Run from China/);
    expect([...note!.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain(ds.services.find((s) => s.id === "market")!.owner!.source.url);
    cleanup();
    wrap(<ReportView report={report("https://market.example/", "DE")} />);
    expect(screen.getByRole("region", { name: "Who controls it" }).querySelector(".unlinked-owner")).toBeNull();
  });

  test("verdict: name, domain, level as icon + word, and a sentence from the findings", () => {
    wrap(<ReportView report={report("https://www.clip.example/@x")} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Clip clip.example");
    expect(screen.getByText("High concern")).toBeTruthy();
    expect(screen.getAllByText("Your data can be accessed from China; the law there can compel access to it.").length).toBeGreaterThan(0);
    expect(screen.getByText("Assessed for a user in France")).toBeTruthy();
  });

  test("sections are headed landmarks in order", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["Who controls it", "Where your data is stored", "Who can demand access", "What happened", "Sources and freshness"]);
    for (const name of headings) expect(screen.getByRole("region", { name: name! })).toBeTruthy();
  });

  test("control chain: operator to ultimate parent, domicile and headquarters when they differ", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const chain = screen.getByRole("region", { name: "Who controls it" });
    expect(chain.textContent).toMatch(/Responsible for your data.*clip europe.*Based in Ireland/);
    expect(chain.textContent).toMatch(/Ultimate parent.*clip group.*\(100% of shares\).*Head office in China; Incorporated in Cayman Islands/);
    expect(chain.querySelectorAll("img.flag").length).toBeGreaterThan(0);
    expect((chain.querySelector("img.flag") as HTMLImageElement).getAttribute("src")).toBe("ext://flags/ie.svg");
  });

  test("minority stakes are listed apart as stakes, never as control", () => {
    wrap(<ReportView report={report("https://clip.example/", "US")} />);
    const control = screen.getByRole("region", { name: "Who controls it" });
    expect(control.querySelectorAll(".chain > li")).toHaveLength(1);
    expect(control.textContent).toMatch(/Also holds a stake \(no control\).*us investor — 45% of shares in clip us jv.*clip group — 19.9% of shares in clip us jv/);
  });

  test("a stake of unknown size held by a company with no known place reads as a sentence, with no trailing \"not stated\"", () => {
    const r = report("https://clip.example/", "US");
    const holder = { ...r.minorityStakes[0]!.holder, headquarters: "unknown", legalDomicile: "unknown" };
    wrap(<ReportView report={{ ...r, minorityStakes: [{ holder, in: r.minorityStakes[0]!.in }] }} />);
    const stake = screen.getByRole("region", { name: "Who controls it" }).querySelector(".stakes li")!;
    expect(stake.textContent).toBe("us investor — a stake of unstated size in clip us jv");
  });

  test("storage: statements for the user's region, with date and source; not stated says so", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const storage = screen.getByRole("region", { name: "Where your data is stored" });
    expect(storage.textContent).toMatch(/Ireland, Norway.*European data stays in Europe\..*Stated Jan 1, 2026.*Applies to: European Economic Area and Switzerland/);
    expect(storage.textContent).toMatch(/Accessed from abroad.*China.*Staff in China can access European data\./);
    cleanup();
    wrap(<ReportView report={report("https://mystery.example/")} />);
    expect(screen.getByRole("region", { name: "Where your data is stored" }).textContent).toMatch(/does not state where it stores your data/);
  });

  test("laws: why each law reaches the service, with sources", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const access = screen.getByRole("region", { name: "Who can demand access" });
    expect(access.textContent).toMatch(/CN-INTEL \(China\)/);
    expect(access.textContent).toMatch(/clip group is run from China/);
  });

  test("news: newest first, with kind and outlet", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const items = [...screen.getByRole("region", { name: "What happened" }).querySelectorAll("li")].map((li) => li.textContent);
    expect(items[0]).toMatch(/Ownership change · Jan 22, 2026/);
    expect(items[1]).toMatch(/Fine · May 2, 2025/);
    expect(items[2]).toMatch(/Breach · Jan 1, 2019/);
  });

  test("sources: every link opens safely in a new tab; no tracker in package.json, so the correction is copied, never a guessed link", () => {
    wrap(<ReportView report={report("https://clip.example/")} />);
    const links = [...document.querySelectorAll("a")];
    expect(links.length).toBeGreaterThan(5);
    for (const a of links) {
      expect(a.getAttribute("href")).toMatch(/^https:\/\//);
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(screen.queryByText("Report a correction")).toBeNull();
    expect(screen.getByRole("button", { name: "Copy a correction report" })).toBeTruthy();
  });

  test("French", () => {
    wrap(<ReportView report={report("https://clip.example/")} />, ui(FR, "fr"));
    expect(screen.getByText("Risque élevé")).toBeTruthy();
    expect(screen.getAllByText("Vos données sont accessibles depuis la Chine ; la loi de ce pays peut imposer l'accès à ces données.").length).toBeGreaterThan(0);
    expect(screen.getByRole("region", { name: "Qui le contrôle" }).textContent).toMatch(/Siège : Chine ; Immatriculé : Îles Caïmans/);
    expect(screen.getByText("Évalué pour un utilisateur situé ici : France")).toBeTruthy();
  });

  test("hostile data renders as inert text and bad URLs are never links", () => {
    const hostile = hostileDataset();
    const g = globalThis as unknown as { __pwned?: number };
    for (const id of ["clip", "cloudy", "chat", "red", "mystery"]) {
      const s = hostile.services.find((x) => x.id === id)!;
      wrap(<ReportView report={report(`https://${s.domains[0]}/`, "FR", hostile)} />);
      expect(document.body.textContent).toContain(HOSTILE);
      expect(document.querySelectorAll("img:not(.flag), script, iframe, object")).toHaveLength(0);
      for (const a of document.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:\/\//);
      if (id !== "mystery") expect(document.querySelectorAll(".unlinked").length).toBeGreaterThan(0);
      cleanup();
    }
    expect(g.__pwned).toBeUndefined();
  });
});

describe("report page states", () => {
  test("browser-internal pages have nothing to assess", () => {
    wrap(<ReportPage url="chrome://extensions/" load={async () => { throw new Error("must not load"); }} view={(r) => <PopupAnswer report={r} />} />);
    expect(screen.getByText(/browser or extension page/)).toBeTruthy();
  });

  test("a site not in the dataset says so plainly and offers a correction report", async () => {
    wrap(<ReportPage url="https://example.org/x" load={async (u) => report(u)} view={(r) => <PopupAnswer report={r} />} />);
    await waitFor(() => expect(screen.getByText("example.org is not in the Data Borders dataset.")).toBeTruthy());
    expect(screen.getByText("Copy a correction report")).toBeTruthy();
  });

  test("loading, then an error with a working retry", async () => {
    let fail = true;
    wrap(<ReportPage url="https://clip.example/" load={async (u) => { if (fail) throw new Error("background unavailable"); return report(u); }} view={(r) => <PopupAnswer report={r} />} />);
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/could not build this report.*background unavailable/));
    fail = false;
    fireEvent.click(screen.getByText("Try again"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Clip clip.example"));
  });
});
