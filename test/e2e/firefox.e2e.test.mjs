// Every end-to-end scenario (scenarios.mjs) in Debian's headless Firefox ESR.
import { runScenarios } from "./scenarios.mjs";
import { FirefoxDriver } from "./drivers.mjs";

runScenarios(new FirefoxDriver());
