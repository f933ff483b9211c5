/** @jest-environment jsdom */
// The request letter's body is loaded when its section is opened; if that
// load fails, the section says so instead of staying empty.
import { render, cleanup, waitFor } from "@testing-library/preact";
import { UiContext, type Ui } from "../../src/ui/context";
import { RequestLetter } from "../../src/ui/RequestLetter";
import { buildReport } from "../../src/core/report";
import { withActions } from "../../src/core/actions";
import { DEFAULT_CONCERNS } from "../../src/core/assess";
import { miniDataset } from "../fixtures/mini-dataset";
import { EN, translator } from "./en-messages";

jest.mock("../../src/ui/LetterBody", () => {
  throw new Error("LetterBody.js is missing");
});

const TODAY = "2026-06-01";
const ui: Ui = { t: translator(EN), lang: "en", asset: (p) => p };
afterEach(cleanup);

test("a letter whose body cannot be loaded says why, in an alert", async () => {
  const ds = miniDataset();
  const report = withActions(ds, buildReport(ds, "https://red.example/", "FR", DEFAULT_CONCERNS, TODAY), DEFAULT_CONCERNS, TODAY);
  render(<UiContext.Provider value={ui}><RequestLetter report={report} today={TODAY} /></UiContext.Provider>);
  const details = document.querySelector(".request-letter") as HTMLDetailsElement;
  expect(document.querySelector("[role=alert]")).toBeNull();
  details.open = true;
  await waitFor(() => expect(document.querySelector(".request-letter [role=alert]")!.textContent).toMatch(/^The letter could not be loaded \(.*LetterBody\.js is missing.*\)\. Close and open this section to try again\.$/));
  expect(document.querySelector(".letter-text")).toBeNull();
});
