/** The overlay's stylesheet, scoped to its shadow root so the site's CSS and ours never mix. */
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.marks, .scratch { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.mark { position: fixed; pointer-events: none; border-bottom: 2px solid var(--level); background: var(--tint); border-radius: 2px; }
.suggestion { --level: #175cd3; --tint: rgba(23, 92, 211, 0.10); --soft: #eff8ff; --ink: #1849a9; }
.warning { --level: #dc6803; --tint: rgba(220, 104, 3, 0.14); --soft: #fffaeb; --ink: #93370d; }
.error { --level: #d92d20; --tint: rgba(217, 45, 32, 0.12); --soft: #fef3f2; --ink: #912018; }
.clean { --level: #079455; --soft: #ecfdf3; --ink: #085d3a; }
.problem, .checking { --level: #667085; --soft: #f2f4f7; --ink: #344054; }

.badge, .panel, .panel button {
  font: 500 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.badge {
  position: fixed; display: inline-flex; align-items: center; gap: 6px; height: 26px; padding: 0 10px 0 6px;
  border: 1px solid var(--level); border-radius: 13px; background: var(--soft); color: var(--ink);
  cursor: pointer; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.12);
}
.badge[hidden], .panel[hidden] { display: none; }
.badge .dot {
  display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%;
  background: var(--level); color: #fff; font-size: 11px; font-weight: 700;
}
button:focus-visible { outline: 2px solid #175cd3; outline-offset: 2px; }

.panel {
  position: fixed; width: 380px; max-width: calc(100vw - 16px); max-height: min(70vh, 560px); overflow: auto;
  background: #fff; color: #101828; border: 1px solid #d0d5dd; border-radius: 12px;
  box-shadow: 0 12px 24px -4px rgba(16, 24, 40, 0.18), 0 4px 8px -2px rgba(16, 24, 40, 0.08);
  font-weight: 400; font-size: 14px; line-height: 1.45;
}
.panel header { display: flex; align-items: flex-start; gap: 10px; padding: 14px 14px 10px 16px; border-bottom: 1px solid #eaecf0; }
.panel h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; color: #101828; }
.panel .summary { margin: 2px 0 0; color: #475467; font-size: 13px; }
.panel .heading { flex: 1; }
.panel .close {
  width: 28px; height: 28px; border: 0; border-radius: 6px; background: transparent; color: #475467;
  font-size: 20px; line-height: 1; cursor: pointer;
}
.panel .close:hover { background: #f2f4f7; }
.panel ul { list-style: none; margin: 0; padding: 8px 12px; display: grid; gap: 8px; }
.finding { border: 1px solid #eaecf0; border-left: 4px solid var(--level); border-radius: 8px; padding: 10px 12px; }
.finding .meta { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
.chip { padding: 1px 8px; border-radius: 10px; background: var(--soft); color: var(--ink); font-size: 12px; font-weight: 600; }
.code { color: #667085; font: 12px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.message { margin: 0; font-weight: 600; color: #101828; }
.quote { margin: 4px 0 0; color: #344054; }
.quote mark { background: var(--tint); color: inherit; border-bottom: 2px solid var(--level); padding: 0 1px; }
.why { margin: 6px 0 0; color: #475467; font-size: 13px; }
.fix { margin-top: 8px; padding: 8px 10px; border-radius: 6px; background: #f9fafb; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.fix .try { flex: 1 1 180px; color: #344054; font-size: 13px; }
.fix .try strong { color: #101828; font-weight: 600; }
.actions { display: flex; gap: 8px; margin-top: 8px; }
.panel button.small {
  height: 28px; padding: 0 10px; border-radius: 6px; border: 1px solid #d0d5dd; background: #fff; color: #344054;
  font-weight: 600; font-size: 13px; cursor: pointer;
}
.panel button.primary { background: #175cd3; border-color: #175cd3; color: #fff; }
.panel button.primary:hover { background: #1849a9; }
.panel button.link { border: 0; background: transparent; color: #475467; text-decoration: underline; padding: 0 4px; }
.panel button:disabled { opacity: 0.55; cursor: not-allowed; }
.panel .hold { margin: 0; padding: 10px 16px; background: #fffaeb; color: #93370d; font-size: 13px; border-bottom: 1px solid #fedf89; }
.panel .notice { margin: 0; padding: 14px 16px; color: #344054; }
.panel footer { position: sticky; bottom: 0; display: flex; gap: 8px; justify-content: flex-end; padding: 10px 12px; border-top: 1px solid #eaecf0; background: #fff; }
.panel footer button { height: 34px; padding: 0 14px; border-radius: 8px; border: 1px solid #d0d5dd; background: #fff; color: #344054; font-weight: 600; font-size: 14px; cursor: pointer; }
.panel footer button.primary { background: #175cd3; border-color: #175cd3; color: #fff; }
.panel footer button:hover { filter: brightness(0.96); }
`;
