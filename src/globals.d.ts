// Build-time constant defined by build.mjs: true only in the instrumented
// copy the end-to-end tests load (dist/e2e/); false, and removed by the
// minifier, in the extension that ships.
declare const __E2E__: boolean;
