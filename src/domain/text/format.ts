/** Small text helpers shared by signals, the summary and the canvases. */

export const ELLIPSIS = '…';

/** Never cut further back than this share of `max` looking for a space; CJK text has none and should still fill the line. */
const MIN_WORD_CUT = 0.6;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cuts before `end` without splitting a surrogate pair (an emoji cut in half renders as garbage). */
function safeCut(text: string, end: number): string {
  return isHighSurrogate(text.charCodeAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);
}

function lastSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/\s/.test(text[i] as string)) return i;
  return -1;
}

/**
 * Shortens `text` to at most `max` UTF-16 units, on a word boundary when there is one near the end, and marks the
 * cut with an ellipsis. Text that already fits is returned unchanged.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const hard = safeCut(text, max - 1);
  const space = lastSpace(hard);
  const cut = space >= Math.floor(max * MIN_WORD_CUT) ? hard.slice(0, space) : hard;
  return cut.trimEnd() + ELLIPSIS;
}

/** UTF-8 size of a string, counted without allocating (ticket descriptions are limited in bytes, not characters). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Like `truncate`, but the bound is UTF-8 bytes. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  // Each UTF-16 unit is at most 3 bytes (a pair is 4 for 2 units), so start from a safe character count and shrink.
  let max = Math.min(text.length, Math.max(0, maxBytes));
  let out = truncate(text, max);
  while (max > 0 && utf8Length(out) > maxBytes) {
    max = Math.floor(max * Math.min(0.95, maxBytes / utf8Length(out)));
    out = truncate(text, max);
  }
  return max > 0 ? out : '';
}

/** Collapses all whitespace (including newlines) to single spaces, for one-line renderings. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for HTML element content and quoted attribute values: notes we post to Intercom and the settings
 * page alike. The backtick is escaped too, because some old browsers took it for an attribute quote.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] as string);
}
