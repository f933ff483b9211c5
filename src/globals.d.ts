// Build-time constants defined by build.mjs.
declare const __BROWSER__: "chrome" | "firefox";
/** package.json `bugs` url and `homepage`, or "" when unset (see src/core/project.ts). */
declare const __PROJECT_BUGS__: string;
declare const __PROJECT_HOMEPAGE__: string;
