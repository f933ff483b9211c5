#!/usr/bin/env node
// Records what the built manifests ask for in test/build/expected-permissions.json.
// A permission test compares every build with it, so widening access is a
// deliberate, reviewed change: run `npm run build && npm run permissions:update`,
// then review and commit the diff.
import fs from "node:fs";
import { permissionSummary } from "../test/build/permissions.mjs";

const out = new URL("../test/build/expected-permissions.json", import.meta.url);
fs.writeFileSync(out, `${JSON.stringify(permissionSummary(), null, 2)}\n`);
console.log("test/build/expected-permissions.json updated");
