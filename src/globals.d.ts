// Build-time constants defined by build.mjs.
declare const __BROWSER__: "chrome" | "firefox";
declare const __DEV__: boolean;
