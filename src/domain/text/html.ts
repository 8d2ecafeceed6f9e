/**
 * HTML → plain text for message bodies we do not trust (Intercom's own HTML, pasted email, customer input).
 * A single left-to-right scan with `indexOf`, no backtracking regex, so the cost is linear in the input and a
 * hostile body cannot stall the sidebar. Nothing is ever evaluated; only http(s)/mailto link targets survive.
 */
import { decodeEntities } from './entities';
import { TextSink } from './sink';

/** Elements whose content is never text for a reader: dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'textarea']);

/** Elements that start and end their own line. */
const BLOCKS = new Set(
  'p div section article header footer main nav aside blockquote pre h1 h2 h3 h4 h5 h6 table hr dl dt dd figure figcaption address details summary form fieldset'.split(
    ' ',
  ),
);

const closingPatterns = new Map<string, RegExp>();

function closingPattern(name: string): RegExp {
  let pattern = closingPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    closingPatterns.set(name, pattern);
  }
  return pattern;
}

/** Every closing-tag pattern this module builds, for the ReDoS check (test/reliability/redos.test.ts). */
export function builtPatterns(): RegExp[] {
  return [...DROPPED].map(closingPattern);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Index just past the closing `>` (or the end of input for an unterminated tag). */
  end: number;
}

/** Reads `<name attr="v" …>` starting at `start` (the `<`); quotes are honoured so `>` inside a value is not an end. */
function readTag(html: string, start: number, closing: boolean): Tag {
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  while (i < html.length && isNameChar(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attrs = new Map<string, string>();
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 62 /* > */) return { name, attrs, end: i + 1 };
    if (isSpace(code) || code === 47 /* / */) {
      i++;
      continue;
    }
    const attrStart = i;
    while (i < html.length && !isSpace(html.charCodeAt(i)) && !'=>/'.includes(html[i] as string)) i++;
    const attr = html.slice(attrStart, i).toLowerCase();
    if (i === attrStart) i++; // a stray character such as `"`; step over it so the scan always advances
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    if (attr && !attrs.has(attr)) attrs.set(attr, decodeEntities(value));
  }
  return { name, attrs, end: html.length };
}

/** Skips `<!-- … -->`, `<!DOCTYPE …>`, `<?xml …?>` and CDATA-like constructs; returns the index after them. */
function skipDeclaration(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    const end = html.indexOf('-->', start + 4);
    return end === -1 ? html.length : end + 3;
  }
  const end = html.indexOf('>', start);
  return end === -1 ? html.length : end + 1;
}

/** Index after the element's closing tag, or the end of input when it never closes (the rest is dropped too). */
function skipDroppedContent(html: string, from: number, name: string): number {
  const pattern = closingPattern(name);
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  if (!match) return html.length;
  const end = html.indexOf('>', match.index);
  return end === -1 ? html.length : end + 1;
}

function openTag(sink: TextSink, tag: Tag): void {
  const { name, attrs } = tag;
  if (name === 'br') sink.lineBreak();
  else if (name === 'li') sink.listItem();
  else if (name === 'ul' || name === 'ol') sink.openList(name === 'ol');
  else if (name === 'a') sink.openLink(attrs.get('href') ?? '');
  else if (name === 'img') sink.image(attrs.get('alt') ?? '', attrs.get('src') ?? '');
  else if (name === 'td' || name === 'th') sink.cell();
  else if (name === 'pre') sink.openPre();
  else if (name === 'tr') sink.row();
  else if (BLOCKS.has(name)) sink.block();
}

function closeTag(sink: TextSink, name: string): void {
  if (name === 'a') sink.closeLink();
  else if (name === 'ul' || name === 'ol') sink.closeList();
  else if (name === 'pre') sink.closePre();
  else if (name === 'li') sink.endItem();
  else if (BLOCKS.has(name)) sink.block();
}

/** Converts untrusted HTML to readable plain text: entities decoded, blocks on their own lines, links as `label (url)`. */
export function htmlToText(html: string): string {
  const input = typeof html === 'string' ? html : String(html ?? '');
  const sink = new TextSink();
  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      sink.text(input.slice(i));
      break;
    }
    if (lt > i) sink.text(input.slice(i, lt));
    const next = input.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      i = skipDeclaration(input, lt);
    } else if (next === 47 /* / */ && isAsciiLetter(input.charCodeAt(lt + 2))) {
      const tag = readTag(input, lt, true);
      closeTag(sink, tag.name);
      i = tag.end;
    } else if (isAsciiLetter(next)) {
      const tag = readTag(input, lt, false);
      i = DROPPED.has(tag.name) ? skipDroppedContent(input, tag.end, tag.name) : tag.end;
      if (!DROPPED.has(tag.name)) openTag(sink, tag);
    } else {
      // A `<` that cannot start a tag ("a < b", "<3") is text, as in browsers.
      sink.text('<');
      i = lt + 1;
    }
  }
  return sink.finish();
}
