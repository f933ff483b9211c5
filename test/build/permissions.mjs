// What a built manifest asks the user for, in a stable, comparable form.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function manifest(target) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "dist", target, "manifest.json"), "utf8"));
}

export function permissionSummary() {
  const out = {};
  for (const target of ["chrome", "firefox"]) {
    const m = manifest(target);
    out[target] = {
      permissions: [...(m.permissions ?? [])].sort(),
      optional_permissions: [...(m.optional_permissions ?? [])].sort(),
      optional_host_permissions: [...(m.optional_host_permissions ?? [])].sort(),
      web_accessible_resources: m.web_accessible_resources ?? [],
      content_security_policy: m.content_security_policy,
      host_permissions: [...m.host_permissions].sort(),
      content_script_matches: (m.content_scripts ?? []).flatMap((c) => c.matches).sort(),
    };
  }
  return out;
}
