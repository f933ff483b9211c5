// Lint: typescript-eslint's recommended rules, plus house rules that guard
// the layers and the page-facing code.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nounsanitized from "eslint-plugin-no-unsanitized";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".cache/", "coverage/", "test/e2e/artifacts/", "bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "no-unsanitized": nounsanitized },
    rules: {
      "no-unsanitized/method": "error",
      "no-unsanitized/property": "error",
      "no-restricted-syntax": ["error",
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: "Build DOM with textContent or Preact; never parse markup." },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Never render raw HTML." },
      ],
      "no-restricted-imports": ["error", { paths: [{ name: "webextension-polyfill", message: "Import the browser API from src/platform only." }] }],
    },
  },
  {
    // CommonJS config files (jest) load each other with require().
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/platform/browser.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["**/platform/**", "webextension-polyfill"], message: "src/core is pure: no browser APIs." },
        { group: ["preact", "preact/*"], message: "src/core has no UI." },
      ] }],
      "no-restricted-globals": ["error", "chrome", "browser", "document", "window", "localStorage", "fetch"],
    },
  },
  {
    // Browser tests evaluate functions inside extension contexts, where chrome/browser exist.
    files: ["test/e2e/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: { globals: { chrome: "readonly", browser: "readonly" } },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
