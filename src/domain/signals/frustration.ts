/**
 * Frustration score 0–10 from what the customer wrote. Deliberately simple and explainable, because agents see the
 * number and must be able to tell why it is high. Each ingredient is capped so one habit (a customer who always
 * writes "!!") cannot max the score on its own:
 *
 *   repeated asks       up to 3   the longest run of customer messages with no reply in between: 2 → 1, 3 → 2, 4+ → 3
 *   chasing words       up to 2   0.5 per "still", "again", "any update", "??" …: the customer is following up
 *   shouting            up to 2   0.5 per ALL-CAPS word (3+ letters, common acronyms excluded)
 *   negative terms      up to 3   1 per distinct term ("unacceptable", "ridiculous", "Frechheit" …)
 *   exclamation runs    up to 1   0.5 per "!!" (or longer)
 *
 * The sum (max 11) is rounded and capped at 10.
 */
import type { ConversationView } from '../conversation';
import { isReplyToCustomer } from '../conversation';

const CHASING =
  /(?<![\p{L}\p{N}])(?:still|again|any update|anyone there|hello\?|immer noch|schon wieder|nochmal)(?![\p{L}\p{N}])|[?？]{2,}|まだ/giu;
// `_` counts as part of a word so error codes such as ERR_CONNECTION_RESET are not read as shouting.
const CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}{3,}(?![\p{L}\p{N}_])/gu;
const EXCLAMATIONS = /[!！]{2,}/g;
/** Negative terms; `frustrat…` covers frustrated/frustrating. Japanese has no word boundaries, so it is matched bare. */
const NEGATIVE_TERMS =
  'unacceptable ridiculous terrible awful horrible useless worst frustrat\\p{L}* angry furious disappointed disappointing fed\\sup waste\\sof joke scam pathetic unbelievable unmöglich frechheit katastrophe enttäuscht ärgerlich inakzeptabel';
const NEGATIVE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NEGATIVE_TERMS.split(' ').join('|')})(?![\\p{L}\\p{N}])|最悪|ひどい|ふざけ`, 'giu');
/** The pattern built above, for the ReDoS check (test/reliability/redos.test.ts). */
export function builtPatterns(): RegExp[] {
  return [NEGATIVE];
}
/** Uppercase words that are names of things, not shouting. */
const ACRONYMS = new Set(
  'API URL SSO SAML GDPR DSGVO PDF CSV HTTP HTTPS CEO CTO CRM SLA FAQ VAT USD EUR GBP IOS APP ERR DNS SMS VPN SDK UTC CET'.split(' '),
);

function count(pattern: RegExp, text: string): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

/** Longest run of customer messages not separated by a reply the customer could see. */
function longestUnansweredRun(conversation: ConversationView): number {
  let run = 0;
  let longest = 0;
  for (const part of conversation.parts) {
    if (part.authorType === 'customer') longest = Math.max(longest, ++run);
    else if (isReplyToCustomer(part)) run = 0;
  }
  return longest;
}

export interface FrustrationBreakdown {
  repeatedAsks: number;
  chasing: number;
  shouting: number;
  negative: number;
  exclamations: number;
  score: number;
}

/** Scores `text` (the customer's normalised text, see `customerCorpus`) plus the conversation's reply rhythm. */
export function scoreFrustration(conversation: ConversationView, text: string): FrustrationBreakdown {
  const run = longestUnansweredRun(conversation);
  const repeatedAsks = run >= 4 ? 3 : run === 3 ? 2 : run === 2 ? 1 : 0;
  const chasing = Math.min(2, 0.5 * count(CHASING, text));
  let caps = 0;
  for (const match of text.matchAll(CAPS_WORD)) if (!ACRONYMS.has(match[0])) caps++;
  const shouting = Math.min(2, 0.5 * caps);
  const terms = new Set<string>();
  for (const match of text.matchAll(NEGATIVE)) terms.add(match[0].toLowerCase());
  const negative = Math.min(3, terms.size);
  const exclamations = Math.min(1, 0.5 * count(EXCLAMATIONS, text));
  const sum = repeatedAsks + chasing + shouting + negative + exclamations;
  return { repeatedAsks, chasing, shouting, negative, exclamations, score: Math.min(10, Math.floor(sum + 0.5)) };
}
