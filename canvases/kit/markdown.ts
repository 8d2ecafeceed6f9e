/**
 * Canvas Kit renders a text component's `text` as markdown (links `[label](url)` and bold, canvas-kit.md §5), so
 * a customer who writes `[Re-verify your login](https://evil.example)` would get a live link in the trusted
 * sidebar. This is the one place text becomes markdown:
 *
 * - a plain `string` is escaped here, always: every backslash-escapable character that could open markup is
 *   escaped (CommonMark renders `\[` as `[`), and the `//` of a bare URL and the dot of `www.` are escaped too,
 *   in case the renderer autolinks them;
 * - `Markdown` is a value only this module makes: `md` keeps its literal parts (code we wrote) and escapes
 *   every interpolated string, and `markdownLink` checks its URL. So links are only ever built by our code.
 */
import { checkedUrl } from './actions';

/**
 * Markup-opening characters escaped anywhere: links, autolinks/HTML, emphasis, code, strike-through, tables, and
 * the `@` of a bare e-mail address (GFM autolinks those).
 */
const INLINE_SPECIAL = /[\\`*_[\]<>~|@]/g;
/**
 * At the start of a line, followed by a space or the line's end, these open a heading, a list or a setext
 * underline (`#1042` or `+3 more` do not, and stay as they are).
 */
const LINE_START_SPECIAL = /^([ \t]*)(#{1,6}|[+\-=]+|\d{1,9}(?=[.)]))(?=[.)]?(?:[ \t]|$))/gm;
/** A scheme's `//` and `www.`: what autolinkers look for in bare URLs. */
const AUTOLINK_START = /(?<=[a-z0-9]:)\/\/|(?<=\bwww)\./gi;

/** Not exported: without it no other module can make a Markdown value (the type checker and the constructor agree). */
const MINT: unique symbol = Symbol('markdown');

/** Text that is markdown on purpose. Made only by `md`, `markdownLink` and `escapeMarkdown` below. */
export class Markdown {
  readonly #source: string;
  constructor(mint: typeof MINT, source: string) {
    if (mint !== MINT) throw new TypeError('Markdown is made by canvases/kit/markdown.ts only');
    this.#source = source;
  }
  toString(): string {
    return this.#source;
  }
}

/**
 * Anything any of the three patterns above could act on, and more (a line opener anywhere at a line's start, a `//`
 * or `www.` anywhere): a text without a match comes out of them unchanged, so it is taken as it is (most sidebar
 * lines: times, durations, labels, `#1042 · P2`), one scan instead of three.
 */
const MAYBE_SPECIAL = /[\\`*_[\]<>~|@]|\/\/|www\.|^[ \t]*(?:[#+\-=]|\d{1,9}[.)])/im;

/** Plain text as markdown that renders it literally. */
export function escapeMarkdown(plain: string): Markdown {
  if (!MAYBE_SPECIAL.test(plain)) return new Markdown(MINT, plain);
  const escaped = plain
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(LINE_START_SPECIAL, (_all, indent: string, opener: string) =>
      // `1.` is escaped after its digits (`1\.`); the others by their first character.
      /^\d/.test(opener) ? `${indent}${opener}\\` : `${indent}\\${opener}`,
    )
    .replace(AUTOLINK_START, (found) => (found === '.' ? '\\.' : '\\/\\/'));
  return new Markdown(MINT, escaped);
}

/** The text a component sends: markdown as it is, anything else escaped. */
export function markdownSource(content: string | Markdown): string {
  return (typeof content === 'string' ? escapeMarkdown(content) : content).toString();
}

/** `md`\`Ticket ${title} **is late**\``: the literal parts are ours; each interpolated string is escaped. */
export function md(literals: TemplateStringsArray, ...values: readonly (string | number | Markdown)[]): Markdown {
  let source = literals[0] ?? '';
  values.forEach((value, index) => {
    source += typeof value === 'number' ? markdownSource(String(value)) : markdownSource(value);
    source += literals[index + 1] ?? '';
  });
  return new Markdown(MINT, source);
}

/** A link we build: the label is escaped, the URL must be http(s) and may not close the link early. */
export function markdownLink(label: string, url: string): Markdown {
  const checked = checkedUrl(url, ['https:', 'http:']).replace(/[()\s]/g, percentEncoded);
  return new Markdown(MINT, `[${markdownSource(label)}](${checked})`);
}

/** encodeURIComponent leaves parentheses alone, and a `)` would end the link's URL early. */
function percentEncoded(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
