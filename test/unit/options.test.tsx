/** @jest-environment jsdom */
import { render, screen, fireEvent, waitFor, cleanup } from "@testing-library/preact";
import { UiContext } from "../../src/ui/context";
import { OptionsForm } from "../../src/options/OptionsForm";
import { defaults, type Settings } from "../../src/core/settings";
import { EN, FR, translator } from "./en-messages";
import { useState } from "preact/hooks";

afterEach(cleanup);

/** The options form as the options page runs it: each answer from the background replaces the settings shown. */
function setup(settings: Partial<Settings> = {}, table = EN, lang = "en") {
  const patches: Array<Partial<Settings>> = [];
  const restored: string[] = [];
  function Page() {
    const [current, setCurrent] = useState<Settings>({ ...defaults, ...settings });
    return (
      <OptionsForm
        settings={current}
        country={current.country || "FR"}
        dataInfo={{ version: "2026-11-29", hash: "abcdef123456", services: 126, domains: 300, entities: 160, laws: 16, userLaws: { FR: "restricted", US: "unrestricted", KP: "not-modelled" } }}
        onPatch={async (p) => { patches.push(p); setCurrent((s) => ({ ...s, ...p })); }}
        onRestore={async (d) => { restored.push(d); setCurrent((s) => ({ ...s, dismissed: s.dismissed.filter((x) => x !== d) })); }}
        onShowWelcome={() => undefined}
      />
    );
  }
  render(
    <UiContext.Provider value={{ t: translator(table), lang, asset: (p) => p }}>
      <Page />
    </UiContext.Provider>,
  );
  return { patches, restored };
}

describe("options", () => {
  test("countries are grouped by continent, and the chosen country's law is said modelled or not", () => {
    setup();
    const select = screen.getByRole("combobox", { name: "Your country" }) as HTMLSelectElement;
    const groups = [...select.querySelectorAll("optgroup")].map((g) => g.label);
    expect(groups).toEqual(["Africa", "Americas", "Asia", "Europe", "Oceania", "Unknown Region"]);
    expect([...select.querySelectorAll('optgroup[label="Europe"] option')].map((o) => o.getAttribute("value"))).toContain("FR");
    expect(select.getAttribute("aria-describedby")).toBe("country-law");
    expect(document.getElementById("country-law")!.textContent).toMatch(/rules on sending data abroad are in the dataset/);
    fireEvent.change(select, { target: { value: "KP" } });
    expect(document.getElementById("country-law")!.textContent).toMatch(/not in the dataset yet/);
  });

  test("every control has a label, and the country list is named in the UI language", () => {
    setup();
    const select = screen.getByRole("combobox", { name: "Your country" }) as HTMLSelectElement;
    expect(select.value).toBe("FR");
    expect([...select.options].find((o) => o.value === "DE")!.textContent).toBe("Germany");
    expect(screen.getByLabelText("Only for high concern")).toBeTruthy();
    expect(screen.getByLabelText("Show the level on the toolbar icon")).toBeTruthy();
    expect(screen.getByLabelText("Access to your data from abroad")).toBeTruthy();
    expect(screen.getByText(/126 services, 300 domains, 160 companies and bodies, 16 laws\. Dataset version 2026-11-29 \(abcdef123456\)\./)).toBeTruthy();
  });

  test("changes are sent as patches and confirmed", async () => {
    const { patches } = setup();
    fireEvent.change(screen.getByRole("combobox", { name: "Your country" }), { target: { value: "JP" } });
    fireEvent.click(screen.getByLabelText("Never"));
    fireEvent.click(screen.getByLabelText("Show the level on the toolbar icon"));
    fireEvent.click(screen.getByLabelText("Recent data breaches"));
    await waitFor(() => expect(patches).toHaveLength(4));
    expect(patches[0]).toEqual({ country: "JP" });
    expect(patches[1]).toEqual({ bannerThreshold: "never" });
    expect(patches[2]).toEqual({ badge: false });
    expect(patches[3]!.concerns!["data-breach"]).toBe(false);
    fireEvent.click(screen.getByLabelText("Medium and high (!, !!)"));
    await waitFor(() => expect(patches).toHaveLength(5));
    expect(patches[4]).toEqual({ badgeThreshold: "medium" });
    expect(screen.getByRole("status").textContent).toBe("Saved.");
  });

  test("dismissed sites can be restored, and the restore undone", async () => {
    const { restored, patches } = setup({ dismissed: ["shein.com", "tiktok.com"] });
    fireEvent.click(screen.getByText("Warn again on tiktok.com"));
    await waitFor(() => expect(restored).toEqual(["tiktok.com"]));
    expect(screen.queryByText("Warn again on tiktok.com")).toBeNull();
    fireEvent.click(await screen.findByText("Undo"));
    await waitFor(() => expect(patches).toEqual([{ dismissed: ["shein.com", "tiktok.com"] }]));
    expect(await screen.findByText("Warn again on tiktok.com")).toBeTruthy();
    expect(screen.queryByText("Undo")).toBeNull();
  });

  test("French", () => {
    setup({}, FR, "fr");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Paramètres de Data Borders");
    const select = screen.getByRole("combobox", { name: "Votre pays" }) as HTMLSelectElement;
    expect([...select.options].find((o) => o.value === "DE")!.textContent).toBe("Allemagne");
  });
});
