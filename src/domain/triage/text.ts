/**
 * Step 1 and 2 of the engine: untrusted message bodies → plain text → sentences of folded word tokens.
 * One left-to-right character scan, no regex, so the cost is linear and capped (customer text is hostile input:
 * a 100 KB message or 500 parts must still be judged inside the sidebar's budget).
 */
import { htmlToText } from '../text';

/** Characters of raw body looked at per message (HTML included) and plain characters kept per message. */
export const RAW_CAP_PER_MESSAGE = 12_000;
export const TEXT_CAP_PER_MESSAGE = 4_000;
/** Plain characters analysed over the whole conversation; the last messages matter most (step 0), so we keep those. */
export const TEXT_CAP_TOTAL = 40_000;

export interface Token {
  /** Lowercased, accent-folded word (ß → ss). */
  word: string;
  /** Offsets into the message's plain text, for quoting. */
  start: number;
  end: number;
}

export interface Sentence {
  tokens: Token[];
  start: number;
  end: number;
  /** Ends with a question mark: a hypothetical question is a clarification, a conditional statement a threat. */
  question: boolean;
}

/** Accent folding table for the Latin letters our five languages use; built once from Unicode decomposition. */
const FOLD = new Map<number, string>();
for (let code = 0xc0; code <= 0x24f; code++) {
  const base = String.fromCharCode(code).normalize('NFD').charAt(0).toLowerCase();
  if (base.charCodeAt(0) < 0x80) FOLD.set(code, base);
}
FOLD.set(0xdf, 'ss');
FOLD.set(0xe6, 'ae');
FOLD.set(0x153, 'oe');
FOLD.set(0xf8, 'o');

function isWordChar(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000;
}

function foldChar(code: number): string {
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  if (code < 0x80) return String.fromCharCode(code);
  return FOLD.get(code) ?? String.fromCharCode(code).toLowerCase();
}

/** Sentence ends: . ! ? ; … and line breaks. A dot inside "v2.3" or "INV.9" does not end a sentence. */
function endsSentence(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 10 || code === 33 || code === 63 || code === 59 || code === 0x2026) return true;
  if (code !== 46) return false;
  const next = text.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 32 || next === 10 || next === 9 || next === 13;
}

/** Splits plain text into sentences of folded tokens in one pass. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let tokens: Token[] = [];
  let sentenceStart = 0;
  let word = '';
  let wordStart = -1;
  const flushWord = (end: number) => {
    if (wordStart >= 0) tokens.push({ word, start: wordStart, end });
    word = '';
    wordStart = -1;
  };
  const flushSentence = (end: number) => {
    if (tokens.length > 0) out.push({ tokens, start: sentenceStart, end, question: text.charCodeAt(end - 1) === 63 });
    tokens = [];
    sentenceStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(code)) {
      if (wordStart < 0) wordStart = i;
      word += foldChar(code);
      continue;
    }
    flushWord(i);
    if (endsSentence(text, i)) flushSentence(i + 1);
  }
  flushWord(text.length);
  flushSentence(text.length);
  return out;
}

/** A message body as plain text: HTML only when it looks like HTML, capped before and after conversion. */
export function plainText(body: string): string {
  const raw = typeof body === 'string' ? body.slice(0, RAW_CAP_PER_MESSAGE) : '';
  const text = raw.includes('<') || raw.includes('&') ? htmlToText(raw) : raw;
  return text.length > TEXT_CAP_PER_MESSAGE ? text.slice(0, TEXT_CAP_PER_MESSAGE) : text;
}
