/** @jest-environment jsdom */
// The popup and details page show the alternatives and the request letter.
import { render, screen, cleanup, fireEvent, waitFor } from "@testing-library/preact";
import { UiContext, type Ui } from "../../src/ui/context";
import { PopupAnswer } from "../../src/ui/report/PopupAnswer";
import { ReportView } from "../../src/ui/report/ReportView";
import { RequestLetter } from "../../src/ui/RequestLetter";
import { buildReport } from "../../src/core/report";
import { withActions } from "../../src/core/actions";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { miniDataset, SRC } from "../fixtures/mini-dataset";
import { EN, FR, translator } from "./en-messages";

const TODAY = "2026-06-01";
const base = miniDataset();
const ds = {
  ...base,
  services: base.services.map((s) => (["red", "chat", "jpsvc", "euroshop"].includes(s.id) ? { ...s, category: "social" as const } : s.id === "market" ? { ...s, category: "games" as const } : s)),
  entities: { ...base.entities, "red-app-co": { ...base.entities["red-app-co"]!, privacyContact: { email: "privacy@red.example", url: "https://red.example/privacy-form", source: SRC } } },
};
const ui = (table = EN, lang = "en"): Ui => ({ t: translator(table), lang, asset: (p) => p });
const reportFor = (url: string, country: string) => withActions(ds, buildReport(ds, url, country, DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
afterEach(cleanup);
// The details page's map asks for its data; none here.
(globalThis as unknown as { fetch: unknown }).fetch = async () => ({ ok: false });

describe("alternatives in the popup and details page", () => {
  test("a high service lists same-category services that do better, with level and reason", () => {
    const report = reportFor("https://red.example/", "FR");
    expect(report.verdict.level).toBe("high");
    render(<UiContext.Provider value={ui()}><PopupAnswer report={report} /></UiContext.Provider>);
    const items = [...document.querySelectorAll(".alternatives .alt")];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]!.querySelector(".level")!.textContent).toMatch(/No concern found|Low concern/);
    expect(items[0]!.querySelector(".alt-reason")!.textContent!.length).toBeGreaterThan(10);
  });

  test("said plainly when nothing does better; nothing shown at low", () => {
    const alone = reportFor("https://market.example/", "FR");
    expect(alone.verdict.level).not.toMatch(/none|low/);
    render(<UiContext.Provider value={ui()}><ReportView report={alone} /></UiContext.Provider>);
    expect(document.querySelector(".alternatives")!.textContent).toMatch(/No service of this kind in the dataset does better for you\./);
    cleanup();
    render(<UiContext.Provider value={ui()}><ReportView report={reportFor("https://euroshop.example/", "FR")} /></UiContext.Provider>);
    expect(document.querySelector(".alternatives")).toBeNull();
  });
});

/** Opens the closed letter section as a user does; its body is loaded on opening. */
async function openLetter() {
  const details = document.querySelector(".request-letter") as HTMLDetailsElement;
  expect(details.open).toBe(false);
  expect(document.querySelector(".letter-text")).toBeNull();
  details.open = true;
  await waitFor(() => expect(document.querySelector(".letter-text")).not.toBeNull());
}

describe("request letter", () => {
  test("addressed to the operator's contact, in the user's language; copy puts the letter on the clipboard; mailto and form", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<UiContext.Provider value={ui(FR, "fr")}><RequestLetter report={reportFor("https://red.example/", "FR")} today={TODAY} /></UiContext.Provider>);
    await openLetter();
    const text = (document.querySelector(".letter-text") as HTMLTextAreaElement).value;
    expect(text).toMatch(/^Demande d'accès \(article 15 du RGPD\)/);
    expect(text).toMatch(/red app co/);
    expect(document.querySelector(".letter-to")!.textContent).toMatch(/privacy@red\.example/);
    expect((document.querySelector("a.letter-mail") as HTMLAnchorElement).href).toMatch(/^mailto:privacy@red\.example\?subject=/);
    expect([...document.querySelectorAll(".letter-to a")].map((a) => (a as HTMLAnchorElement).href)).toEqual(["https://red.example/privacy-form"]);
    fireEvent.click(screen.getByText("Copier"));
    await waitFor(() => expect(document.querySelector(".letter-actions [role=status]")!.textContent).toBe("Copié dans le presse-papiers."));
    expect(writeText).toHaveBeenCalledWith(text);
  });

  test("a US user can choose California's right to know; no contact is said", async () => {
    render(<UiContext.Provider value={ui()}><RequestLetter report={reportFor("https://chat.example/", "US")} today={TODAY} /></UiContext.Provider>);
    await openLetter();
    const text = () => (document.querySelector(".letter-text") as HTMLTextAreaElement).value;
    expect(text()).not.toMatch(/CCPA/);
    expect(document.querySelector(".request-letter")!.textContent).toMatch(/The dataset has no privacy contact for chat co/);
    expect(document.querySelector("a.letter-mail")).toBeNull();
    fireEvent.click(document.querySelector(".letter-california input")!);
    expect(text()).toMatch(/California Consumer Privacy Act/);
  });
});
