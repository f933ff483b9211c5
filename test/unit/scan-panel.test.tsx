/** @jest-environment jsdom */
import { render, screen, fireEvent, waitFor, cleanup } from "@testing-library/preact";
import { UiContext, type Ui } from "../../src/ui/context";
import { ScanPanel, type ScanDeps } from "../../src/ui/ScanPanel";
import { rollup } from "../../src/core/xray";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { miniDataset } from "../fixtures/mini-dataset";
import { hostileDataset, HOSTILE } from "../fixtures/hostile-dataset";
import { EN, FR, translator } from "./en-messages";

const ds = miniDataset();
const ui = (table = EN, lang = "en"): Ui => ({ t: translator(table), lang, asset: (p) => `ext://${p}` });
const wrap = (node: preact.ComponentChildren, u = ui()) => render(<UiContext.Provider value={u}>{node}</UiContext.Provider>);
afterEach(cleanup);

const HOSTS = [
  { host: "www.euroshop.example", requests: 4 },
  { host: "cdn.clipcdn.example", requests: 2 },
  { host: "cloudy.example", requests: 3 },
  { host: "ads.unknown-ads.com", requests: 1 },
];

function deps(data = ds, hosts = HOSTS): ScanDeps & { scans: number } {
  const d = {
    scans: 0,
    scan: async () => { d.scans++; return hosts; },
    rollup: async (url: string, h: typeof hosts) => rollup(data, url, h, "FR", DEFAULT_CONCERNS, "2026-06-01"),
  };
  return d;
}

describe("scan panel", () => {
  test("nothing runs before the click; the click shows the summary, companies and unknown domains", async () => {
    const d = deps();
    wrap(<ScanPanel url="https://www.euroshop.example/a" deps={d} />);
    expect(d.scans).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Scan this page" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(
      "This page sent requests to 3 companies: 1 controlled from China, 1 from the United States, 1 not in the dataset.",
    ));
    expect(d.scans).toBe(1);
    const companies = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(companies[0]).toMatch(/^clip group2 requestsHigh concernControlled from China · Clip$/);
    expect(companies[1]).toMatch(/^cloudy inc3 requestsLow concernControlled from the United States · cloudy$/);
    expect(companies[2]).toBe("unknown-ads.com 1 request");
    expect(screen.getByText("This site (euroshop.example) is shown apart: 4 requests.")).toBeTruthy();
  });

  test("in French", async () => {
    wrap(<ScanPanel url="https://www.euroshop.example/a" deps={deps()} />, ui(FR, "fr"));
    fireEvent.click(screen.getByRole("button", { name: "Analyser cette page" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(
      "Cette page a envoyé des requêtes à 3 entreprises : 1 contrôlée depuis la Chine, 1 depuis les États-Unis, 1 absente des données.",
    ));
  });

  test("a page the browser will not let us scan says so", async () => {
    wrap(<ScanPanel url="https://chromewebstore.google.com/" deps={{ scan: async () => { throw new Error("Cannot access"); }, rollup: async () => { throw new Error("unreachable"); } }} />);
    fireEvent.click(screen.getByRole("button", { name: "Scan this page" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/cannot be scanned/));
  });

  test("no button for pages that are not web pages", () => {
    wrap(<ScanPanel url="chrome://extensions/" deps={deps()} />);
    expect(screen.queryByRole("button")).toBeNull();
  });

  test("data strings render as text", async () => {
    const hds = hostileDataset();
    const domain = Object.keys(hds.domains)[0]!;
    wrap(<ScanPanel url="https://unrelated.example/" deps={deps(hds, [{ host: domain, requests: 1 }])} />);
    fireEvent.click(screen.getByRole("button", { name: "Scan this page" }));
    await waitFor(() => expect(screen.getAllByRole("listitem").length).toBeGreaterThan(0));
    expect(document.querySelector("script, img[onerror], [onclick]")).toBeNull();
    expect(document.body.textContent).toContain(HOSTILE.slice(0, 10));
  });
});
