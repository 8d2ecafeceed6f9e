/**
 * Collects the text produced while scanning HTML and lays it out: collapsed whitespace, one blank line at most
 * between blocks, indented list items, links as `label (url)`.
 */
import { decodeEntities } from './entities';

/**
 * Marks a space that must survive line trimming (list indentation, `<pre>` content). Control characters are
 * stripped from all input first, so this one can only come from us.
 */
const HARD_SPACE = '\u0001';
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Drops C0 controls (except whitespace) and DEL: they render as garbage and can hide content. */
function stripControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127;
    if (control) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Keeps only link targets a reader can follow safely; whitespace inside a URL is removed (`java\nscript:` tricks). */
export function safeUrl(raw: string): string | null {
  const url = stripControls(raw).replace(/\s+/g, '');
  return SAFE_LINK.test(url) ? url : null;
}

interface OpenLink {
  href: string | null;
  start: number;
}

export class TextSink {
  private readonly chunks: string[] = [];
  private readonly lists: { ordered: boolean; count: number }[] = [];
  private preDepth = 0;
  private cells = 0;
  private link: OpenLink | null = null;
  /** Last character written; a text node's leading space after whitespace would double it. */
  private last = '\n';
  /** Just wrote a list marker: a `<p>` opening the item must not push its text to the next line. */
  private itemStart = false;

  private get afterSpace(): boolean {
    return this.last === ' ' || this.last === '\n' || this.last === HARD_SPACE;
  }

  private push(...parts: string[]): void {
    for (const part of parts) {
      if (!part) continue;
      this.chunks.push(part);
      this.last = part[part.length - 1] as string;
      this.itemStart = false;
    }
  }

  /** Starts a new line unless already at one: list structure never opens blank lines. */
  private newLine(): void {
    if (this.last !== '\n' && !this.itemStart) this.push('\n');
  }

  text(raw: string): void {
    const clean = stripControls(decodeEntities(raw));
    if (this.preDepth > 0) {
      this.push(clean.replace(/\r\n?/g, '\n').replace(/[ \t]/g, HARD_SPACE));
      return;
    }
    const collapsed = clean.replace(/[\t\n\f\r ]+/g, ' ');
    this.push(this.afterSpace && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed);
  }

  lineBreak(): void {
    this.push('\n');
  }

  /** A paragraph break; inside a list item (`<li><p>…</p></li>`, as Intercom's editor writes) only a line break. */
  block(): void {
    if (this.lists.length > 0) this.newLine();
    else this.push('\n\n');
  }

  endItem(): void {
    this.newLine();
  }

  openList(ordered: boolean): void {
    this.lists.push({ ordered, count: 0 });
    this.newLine();
  }

  closeList(): void {
    this.lists.pop();
    if (this.lists.length === 0) this.push('\n\n');
    else this.newLine();
  }

  listItem(): void {
    const list = this.lists[this.lists.length - 1];
    const depth = Math.max(0, this.lists.length - 1);
    const marker = list?.ordered ? `${++list.count}. ` : '- ';
    this.itemStart = false; // an empty previous item still ends its line
    this.newLine();
    this.push(HARD_SPACE.repeat(depth * 2), marker);
    this.itemStart = true;
  }

  openPre(): void {
    this.preDepth++;
    this.push('\n');
  }

  closePre(): void {
    this.preDepth = Math.max(0, this.preDepth - 1);
    this.push('\n');
  }

  /** Table rows are lines; cells are joined with ` | `. */
  row(): void {
    this.cells = 0;
    this.newLine();
  }

  cell(): void {
    if (this.cells++ > 0) this.push(' | ');
  }

  openLink(href: string): void {
    this.closeLink(); // links cannot nest; a new one ends the previous, as browsers do
    this.link = { href: safeUrl(href), start: this.chunks.length };
  }

  closeLink(): void {
    const link = this.link;
    this.link = null;
    if (!link?.href) return;
    const label = this.chunks.slice(link.start).join('').replace(/\s+/g, ' ').trim();
    const bare = link.href.replace(/^mailto:/i, '');
    if (!label) this.push(link.href);
    else if (label !== link.href && label !== bare) this.push(this.afterSpace ? `(${link.href})` : ` (${link.href})`);
  }

  image(alt: string, src: string): void {
    const url = safeUrl(src);
    const label = alt.replace(/\s+/g, ' ').trim();
    this.push(label ? `[image: ${label}]` : '[image]');
    if (url && /^https?:/i.test(url)) this.push(` (${url})`);
  }

  finish(): string {
    this.closeLink();
    const lines = this.chunks.join('').split('\n');
    const kept: string[] = [];
    for (const line of lines) {
      const trimmed = line.trim();
      // One blank line at most: consecutive blocks (</p><p>) must not open gaps.
      if (!trimmed && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
      kept.push(trimmed.includes(HARD_SPACE) ? trimmed.split(HARD_SPACE).join(' ') : trimmed);
    }
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    // Decoded `&lt;script&gt;` must not become a live tag if someone renders this text as HTML later.
    return kept.join('\n').replace(/<(?=[A-Za-z/!?])/g, '‹');
  }
}
