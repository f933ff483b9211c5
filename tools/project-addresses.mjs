// The project's own addresses come from package.json and nowhere else:
// `bugs` (a string or {url}) and `homepage`, https only; "" when unset.
// build.mjs defines them for the extension; the build checks allow them.
export function projectAddresses(pkg) {
  const https = (v) => (typeof v === "string" && /^https:\/\//.test(v) ? v : "");
  const bugs = typeof pkg.bugs === "object" && pkg.bugs !== null ? pkg.bugs.url : pkg.bugs;
  return { bugs: https(bugs), homepage: https(pkg.homepage) };
}
