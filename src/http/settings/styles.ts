/**
 * The settings pages' stylesheet, served from /settings/assets/settings.css so
 * the Content-Security-Policy can forbid inline styles and scripts entirely.
 */
export const SETTINGS_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --line: #d0d4d9; --accent: #1f5fd6; --error: #b3261e; --ok: #1e6e3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f9; }
.sandbox-banner { padding: .4rem 1.5rem; background: #ffd84d; color: #1f1f1f; font-size: .9rem; }
.sandbox-banner strong { background: #1f1f1f; color: #ffd84d; padding: 0 .35rem; margin-right: .5rem; border-radius: 2px; }
.top { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0 1rem; padding: .5rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
.top p { margin: .25rem 0; }
.sign-out { margin: .25rem 0; }
.sign-out button { padding: .25rem .75rem; }
.brand { font-weight: 700; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
.narrow-page { max-width: 36rem; padding-top: 3rem; }
h1 { font-size: 1.6rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.5rem; margin: 1.5rem 0; }
h2 { font-size: 1.25rem; margin-top: 0; }
.toc { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
.field { margin: .75rem 0; }
.field--error { border-left: 4px solid var(--error); padding-left: .75rem; }
label, legend { display: block; font-weight: 600; }
.check label { display: inline; font-weight: 400; margin-left: .35rem; }
input[type=text], select, textarea { width: 100%; max-width: 32rem; font: inherit; padding: .35rem .5rem; border: 1px solid #7a7f87; border-radius: 4px; }
input.narrow { max-width: 8rem; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border: 2px solid var(--error); }
fieldset { border: 0; padding: 0; margin: .75rem 0; }
fieldset.group { border-top: 1px solid var(--line); padding-top: .5rem; }
.hint, .muted { color: var(--muted); margin: .1rem 0 .3rem; }
.error { color: var(--error); font-weight: 600; margin: .1rem 0 .3rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
button, .button { font: inherit; font-weight: 600; padding: .5rem 1rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
.matrix { border-collapse: collapse; margin: .5rem 0 1rem; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
.matrix .field { margin: 0; }
.matrix .field--error { border-left: 0; padding-left: 0; }
.cell--error { background: #fdecea; }
.notice { border-left: 6px solid var(--accent); background: #fff; padding: .75rem 1rem; margin: 1rem 0; }
.notice h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
.notice--success { border-color: var(--ok); }
.notice--error { border-color: var(--error); }
.notice--warning { border-color: #b26a00; }
.audit { padding-left: 1.25rem; }
.audit-entry { margin-bottom: .75rem; }
.audit-entry p { margin: 0; }
.changes { margin: .25rem 0; }
del { color: var(--error); }
ins { color: var(--ok); text-decoration: none; font-weight: 600; }
`;
