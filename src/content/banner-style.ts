// Banner styles, isolated in the shadow root. :host rules are !important so
// a page that styles `*` with !important cannot move or hide the banner.
export const BANNER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: auto 16px 16px auto !important;
  top: auto !important; left: auto !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483647 !important;
  width: min(420px, calc(100vw - 32px)) !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
  pointer-events: auto !important;
  overflow: visible !important; background: transparent !important; color: inherit !important;
  max-width: none !important; max-height: none !important; height: auto !important;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important;
  color-scheme: light dark;
}
.banner {
  --bg: #ffffff; --fg: #1f1f1f; --muted: #4a4a4a; --border: #c4c7c5; --accent: #0b57d0;
  --high: #b3261e; --medium: #8a4b00; --low: #3b5b8c;
  display: grid; grid-template-columns: auto 1fr auto; gap: 4px 12px; align-items: start;
  box-sizing: border-box; padding: 14px 14px 12px; border-radius: 12px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border);
  border-inline-start: 6px solid var(--level);
  box-shadow: 0 6px 24px rgba(0,0,0,.18);
}
.banner.high { --level: var(--high); }
.banner.medium { --level: var(--medium); }
.banner.low { --level: var(--low); }
@media (prefers-color-scheme: dark) {
  .banner { --bg: #1f1f1f; --fg: #e8eaed; --muted: #c4c7c5; --border: #5f6368; --accent: #a8c7fa;
            --high: #f2b8b5; --medium: #ffb870; --low: #a8c7fa; }
}
@media (prefers-reduced-motion: no-preference) {
  .banner { animation: enter .18s ease-out; }
  @keyframes enter { from { transform: translateY(8px); opacity: 0; } to { transform: none; opacity: 1; } }
}
.icon { width: 22px; height: 22px; color: var(--level); margin-top: 1px; }
.text { min-width: 0; }
.title { margin: 0; font-weight: 600; }
.level { color: var(--level); }
.sentence { margin: 4px 0 0; color: var(--muted); overflow-wrap: anywhere; }
.actions { grid-column: 2 / 4; display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; font: inherit; font-size: 13px;
  padding: 5px 10px; border-radius: 6px; border: 1px solid var(--border); color: var(--fg); background: transparent;
}
button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
button:hover { border-color: var(--fg); }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button.close { padding: 0 6px; border: 0; font-size: 20px; line-height: 1; color: var(--muted); }
`;
