/**
 * The markdown Canvas Kit text supports: `[label](url)` links and `**bold**` (canvas-kit.md §5.1), plus line
 * breaks and backslash escapes. Built as DOM nodes through the safe builder; a link to anything but http(s)/mailto stays plain text.
 * `*single*` is left alone: Intercom's reference documents `**`, and a renderer that is kinder than Intercom
 * would hide a canvas that shows stray asterisks in the real Inbox.
 */
import { type Child, h, safeHref } from './dom';

// A backslash before ASCII punctuation shows that character as it is (CommonMark), which is how the app escapes
// customer text (canvases/kit/markdown.ts): an escaped `[` or `*` opens nothing. A label stops at the next `[`
// and a URL at the next `(`: otherwise every `[` of `[a](x[a](x…` rescans the rest.
const TOKEN = /\\([!-/:-@[-`{-~])|\[((?:\\[!-/:-@[-`{-~]|[^[\]\\])+)\]\(([^()\s]+)\)|\*\*([^*]+)\*\*/g;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

function inline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, escaped, label, url, bold] = match;
    if (escaped !== undefined) out.push(escaped);
    else if (bold !== undefined) out.push(h('strong', {}, bold.replace(ESCAPED, '$1')));
    else {
      const href = safeHref(url);
      out.push(
        href ? h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, (label ?? '').replace(ESCAPED, '$1')) : whole,
      );
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function markdown(text: string): Child[] {
  const out: Child[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) out.push(h('br'));
    out.push(...inline(line));
  });
  return out;
}
