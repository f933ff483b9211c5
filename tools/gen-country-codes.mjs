#!/usr/bin/env node
// Regenerates src/core/country-codes.ts from i18n-iso-countries (build-time
// data only; the runtime gets names from Intl.DisplayNames).
import { createRequire } from "node:module";
import fs from "node:fs";
const require = createRequire(import.meta.url);
const codes = Object.keys(require("i18n-iso-countries").getAlpha2Codes()).sort();
fs.writeFileSync(new URL("../src/core/country-codes.ts", import.meta.url),
  `// ISO 3166-1 alpha-2 codes (generated from i18n-iso-countries by tools/gen-country-codes.mjs).\n// Names come from Intl.DisplayNames at run time, in the UI language.\nexport const COUNTRY_CODES: readonly string[] = "${codes.join(" ")}".split(" ");\n`);
console.log(`${codes.length} codes written`);
