// Build-time constants defined by build.mjs.
declare const __BROWSER__: "chrome" | "firefox";
/** package.json `bugs` url and `homepage`, or "" when unset (see src/core/project.ts). */
declare const __PROJECT_BUGS__: string;
declare const __PROJECT_HOMEPAGE__: string;
/**
 * True only in the instrumented copy the end-to-end tests load (dist/e2e/);
 * false, and removed by the minifier, in the extension that ships.
 */
declare const __E2E__: boolean;
