// Every end-to-end scenario (scenarios.mjs) in Debian's headless Chromium.
import { runScenarios } from "./scenarios.mjs";
import { ChromiumDriver } from "./drivers.mjs";

runScenarios(new ChromiumDriver());
