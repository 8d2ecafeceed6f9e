/**
 * Conversation → sparse binary features for the triage model: features chosen to transfer across writers and
 * languages rather than to memorise phrasing. Accent-folded words and word pairs, character 3–5-grams inside words
 * (German compounds, Romance inflections share them), each also tagged by author and for the customer's last message,
 * plus tier and renewal buckets and, optionally, the rule engine's signal ids.
 *
 * Bounded work: the engine's tokenizer caps each message (plainText) and is one linear scan; here we keep at most
 * MODEL_TEXT_CAP characters counted from the newest message and a fixed number of words per message.
 */
import { plainText, sentences } from '../text';
import type { TriageInput } from '../types';

/**
 * Plain characters read over the whole conversation, newest first. The longest dev chat is under 800 characters;
 * 2 000 keeps the last few messages of a long chat while the char-grams stay well inside the sidebar's budget.
 */
export const MODEL_TEXT_CAP = 2_000;
/** Words looked at per message: keeps char-gram work fixed whatever the message. */
export const WORDS_PER_MESSAGE = 300;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Words longer than this are ids, hashes or hostile runs: no char-grams for them. */
const MAX_GRAM_WORD = 30;

export interface MessageFeatures {
  index: number;
  author: 'customer' | 'teammate';
  text: string;
  /** Distinct features of this message (already tagged). */
  features: Set<string>;
}

export interface ConversationFeatures {
  /** Every distinct feature of the conversation (messages, tier, renewal, signals). */
  all: Set<string>;
  messages: MessageFeatures[];
}

function renewalBucket(days: number | null): string {
  if (days === null) return 'none';
  if (days < 0) return 'past';
  if (days < 30) return 'lt30';
  if (days < 60) return 'lt60';
  if (days < 120) return 'lt120';
  return 'later';
}

function addCharGrams(word: string, into: Set<string>): void {
  if (word.length > MAX_GRAM_WORD) return;
  const padded = `<${word}>`;
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) into.add(`g:${padded.slice(i, i + n)}`);
  }
}

/** Untagged text features of one message: words, in-sentence word pairs, char-grams. */
function textFeatures(text: string): Set<string> {
  const out = new Set<string>();
  let words = 0;
  for (const sentence of sentences(text)) {
    let previous: string | null = null;
    for (const token of sentence.tokens) {
      if (++words > WORDS_PER_MESSAGE) return out;
      const word = token.glued ? '#glued' : token.word;
      out.add(`w:${word}`);
      if (previous !== null && !token.breakBefore) out.add(`b:${previous}_${word}`);
      previous = word;
      if (!token.glued) addCharGrams(word, out);
    }
  }
  return out;
}

/** Keeps the newest messages up to the total character cap (the last messages matter most to the policy). */
function newestWithinCap(input: TriageInput): { index: number; author: 'customer' | 'teammate'; text: string }[] {
  const kept: { index: number; author: 'customer' | 'teammate'; text: string }[] = [];
  let budget = MODEL_TEXT_CAP;
  const messages = input.messages ?? [];
  for (let i = messages.length - 1; i >= 0 && budget > 0; i--) {
    const message = messages[i]!;
    const text = plainText(message.text).slice(0, budget);
    budget -= text.length;
    if (text.length > 0) kept.push({ index: i, author: message.author === 'teammate' ? 'teammate' : 'customer', text });
  }
  return kept.reverse();
}

export function featuresOf(input: TriageInput, signals: readonly string[] = []): ConversationFeatures {
  const all = new Set<string>([`tier:${input.tier ?? 'unknown'}`, `renew:${renewalBucket(input.renewalInDays)}`]);
  for (const signal of signals) all.add(`sig:${signal}`);
  const kept = newestWithinCap(input);
  let lastCustomer = -1;
  for (let k = kept.length - 1; k >= 0; k--) {
    if (kept[k]!.author === 'customer') {
      lastCustomer = k;
      break;
    }
  }
  const messages = kept.map((message, k): MessageFeatures => {
    const plain = textFeatures(message.text);
    const tag = message.author === 'customer' ? 'c|' : 't|';
    const features = new Set<string>();
    for (const feature of plain) {
      features.add(feature);
      features.add(tag + feature);
      if (k === lastCustomer) features.add(`l|${feature}`);
    }
    for (const feature of features) all.add(feature);
    return { index: message.index, author: message.author, text: message.text, features };
  });
  return { all, messages };
}
