// Jest with @swc/jest (types are stripped here; `tsc --noEmit` checks them).
// preact ships ESM only, so it is transformed too.
const swc = ["@swc/jest", {
  jsc: {
    parser: { syntax: "typescript", tsx: true },
    target: "es2022",
    transform: { react: { runtime: "automatic", importSource: "preact" } },
  },
  module: { type: "commonjs" },
}];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/unit"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(m?[jt]sx?)$": swc },
  transformIgnorePatterns: ["/node_modules/(?!(preact|@testing-library/preact)/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  cacheDirectory: "<rootDir>/.cache/jest",
};
