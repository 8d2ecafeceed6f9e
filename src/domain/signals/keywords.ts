/**
 * Keyword and phrase matching over customer messages: case-insensitive, whole words only ("down" must not fire on
 * "download"; workspaces add inflections such as "cancellation" themselves), phrases match across any whitespace,
 * and word boundaries understand every script, not just ASCII.
 */
import type { ConversationView } from '../conversation';
import { BoundedMemo } from '../../util/bounded-memo';

/** Scripts written without spaces between words: a keyword in them cannot demand word boundaries. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
/** Separates messages in the corpus: not whitespace (a phrase cannot span two messages) and not a word character. */
const MESSAGE_SEPARATOR = '\n\u0000\n';

/**
 * A keyword's pattern, and `hint`: its longest all-ASCII word, lower-cased, which every match contains in the text
 * as `foldForHints` folds it. Under the pattern's `iu` flags an ASCII character matches only its ASCII case
 * variants, the Kelvin sign (K) and the long s (ſ); lower-casing plus ſ → s maps all of those onto the hint. The
 * hint is a substring test, so a keyword that does not occur costs no scan with its Unicode pattern: a customer
 * corpus holds few of a workspace's keywords, and the scans were most of the signals' time.
 */
interface KeywordMatcher {
  readonly pattern: RegExp;
  readonly hint: string | null;
}

/** Compiled matchers by keyword; settings change rarely, so this stays small. Cleared wholesale if it ever grows. */
const matchers = new BoundedMemo<string, KeywordMatcher | null>(1000);

/** NFKC folds full-width letters (ＲＥＦＵＮＤ) and compatibility forms so they match the plain keyword. */
export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** See `KeywordMatcher`. */
export function foldForHints(corpus: string): string {
  return corpus.toLowerCase().replaceAll('ſ', 's');
}

function keywordMatcher(keyword: string): KeywordMatcher | null {
  return matchers.get(keyword, compileMatcher);
}

function compileMatcher(keyword: string): KeywordMatcher | null {
  const words = normaliseForMatching(keyword).trim().split(/\s+/).filter(Boolean);
  let matcher: KeywordMatcher | null = null;
  if (words.length > 0) {
    const chars = [...words.join(' ')];
    const before = UNSPACED_SCRIPT.test(chars[0] as string) ? '' : WORD_BEFORE;
    const after = UNSPACED_SCRIPT.test(chars[chars.length - 1] as string) ? '' : WORD_AFTER;
    const pattern = new RegExp(before + words.map(escapeRegExp).join('\\s+') + after, 'iu');
    const ascii = words.filter(isAscii).sort((a, b) => b.length - a.length);
    matcher = { pattern, hint: ascii[0]?.toLowerCase() ?? null };
  }
  return matcher;
}

/** The pattern for one keyword or phrase, or null for a blank one. */
export function keywordPattern(keyword: string): RegExp | null {
  return keywordMatcher(keyword)?.pattern ?? null;
}

/** False only when the keyword cannot occur in the corpus that `folded` was folded from (see `KeywordMatcher`). */
export function keywordMayOccur(keyword: string, folded: string): boolean {
  const matcher = keywordMatcher(keyword);
  return matcher !== null && mayOccur(matcher, folded);
}

function mayOccur(matcher: KeywordMatcher, folded: string): boolean {
  return matcher.hint === null || folded.includes(matcher.hint);
}

const corpora = new WeakMap<ConversationView, string>();

/** All customer-written text of a conversation, normalised, one message per segment. Memoised per conversation. */
export function customerCorpus(conversation: ConversationView): string {
  let corpus = corpora.get(conversation);
  if (corpus === undefined) {
    const texts: string[] = [];
    for (const part of conversation.parts) if (part.authorType === 'customer' && part.text) texts.push(part.text);
    corpus = normaliseForMatching(texts.join(MESSAGE_SEPARATOR));
    corpora.set(conversation, corpus);
  }
  return corpus;
}

/** The keywords (lower-cased, de-duplicated, in the given order) that occur in `corpus`. */
export function findKeywords(corpus: string, keywords: readonly string[]): string[] {
  const found: string[] = [];
  if (!corpus) return found;
  const folded = foldForHints(corpus);
  for (const keyword of keywords) {
    const key = keyword.trim().toLowerCase();
    if (!key || found.includes(key)) continue;
    const matcher = keywordMatcher(keyword);
    if (matcher && mayOccur(matcher, folded) && matcher.pattern.test(corpus)) found.push(key);
  }
  return found;
}
