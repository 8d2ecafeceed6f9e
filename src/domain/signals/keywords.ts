/**
 * Keyword and phrase matching over customer messages: case-insensitive, whole words only ("down" must not fire on
 * "download"; workspaces add inflections such as "cancellation" themselves), phrases match across any whitespace,
 * and word boundaries understand every script, not just ASCII.
 */
import type { ConversationView } from '../conversation';

/** Scripts written without spaces between words: a keyword in them cannot demand word boundaries. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
/** Separates messages in the corpus: not whitespace (a phrase cannot span two messages) and not a word character. */
const MESSAGE_SEPARATOR = '\n\u0000\n';

/** Compiled patterns by keyword; settings change rarely, so this stays small. Cleared wholesale if it ever grows. */
const patterns = new Map<string, RegExp | null>();
const MAX_CACHED = 1000;

/** NFKC folds full-width letters (ＲＥＦＵＮＤ) and compatibility forms so they match the plain keyword. */
export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern for one keyword or phrase, or null for a blank one. */
export function keywordPattern(keyword: string): RegExp | null {
  const cached = patterns.get(keyword);
  if (cached !== undefined) return cached;
  const words = normaliseForMatching(keyword).trim().split(/\s+/).filter(Boolean);
  let pattern: RegExp | null = null;
  if (words.length > 0) {
    const chars = [...words.join(' ')];
    const before = UNSPACED_SCRIPT.test(chars[0] as string) ? '' : WORD_BEFORE;
    const after = UNSPACED_SCRIPT.test(chars[chars.length - 1] as string) ? '' : WORD_AFTER;
    pattern = new RegExp(before + words.map(escapeRegExp).join('\\s+') + after, 'iu');
  }
  if (patterns.size >= MAX_CACHED) patterns.clear();
  patterns.set(keyword, pattern);
  return pattern;
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
  for (const keyword of keywords) {
    const key = keyword.trim().toLowerCase();
    if (!key || found.includes(key)) continue;
    if (keywordPattern(keyword)?.test(corpus)) found.push(key);
  }
  return found;
}
