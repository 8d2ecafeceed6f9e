/**
 * Server-rendered HTML without a template engine: the `html` tag escapes every
 * interpolated value unless it is already `SafeHtml` (built by this tag), so
 * markup can only come from our own literals and user text is always text.
 */
import { escapeHtml } from '../../domain/text';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // null, undefined and false render nothing, so `${cond && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins fragments (already safe or escaped on the way). */
export function join(parts: readonly HtmlValue[]): SafeHtml {
  return new SafeHtml(parts.map(render).join(''));
}

/** An attribute that is present or absent (`checked`, `selected`, `aria-invalid`). */
export function flag(name: string, on: boolean): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : '');
}

/** A page shell: external stylesheets only, so the CSP can forbid every inline script and style. */
export function page(title: string, body: SafeHtml, extraStylesheets: readonly string[] = []): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/settings/assets/settings.css">
${extraStylesheets.map(
  (href) => html`<link rel="stylesheet" href="${href}">
`,
)}</head>
<body>
${body}
</body>
</html>
`.value;
}
