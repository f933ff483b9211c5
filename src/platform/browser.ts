// The one module that imports webextension-polyfill. Everything else goes
// through src/platform, so tests mock a single place.
import browser from "webextension-polyfill";

export default browser;
export type { Runtime, Tabs, Storage } from "webextension-polyfill";
