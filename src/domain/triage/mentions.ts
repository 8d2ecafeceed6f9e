/**
 * Concept hits → mentions with their context: who said it, in which message and sentence, and whether the same
 * sentence negates it, makes it hypothetical, puts it in the past, says it is resolved, or is about the merchant's
 * own shoppers. The whole conversation is read, newest messages first when the total cap bites (step 0 judges the
 * chat as it stands at its last message).
 */
import { CHAT } from './lexicon/chat';
import { ENTERPRISE } from './lexicon/enterprise';
import { HANDOFF } from './lexicon/handoff';
import { LEGAL } from './lexicon/legal';
import { MODIFIERS } from './lexicon/modifiers';
import { MONEY } from './lexicon/money';
import { RISK } from './lexicon/risk';
import { TECH } from './lexicon/tech';
import { PORTUGUESE_ONLY, SPANISH_ONLY } from './language';
import { type ConceptHit, ConceptMatcher } from './matcher';
import { SentenceScope } from './sentence-scope';
import { plainText, type Sentence, sentences, TEXT_CAP_TOTAL } from './text';
import type { TriageMessage } from './types';

export interface Mention {
  concept: string;
  messageIndex: number;
  author: 'customer' | 'teammate';
  sentence: number;
  /** Token span [from, to) of the words that named it, inside the sentence. */
  from: number;
  to: number;
  negated: boolean;
  hypothetical: boolean;
  question: boolean;
  past: boolean;
  ongoing: boolean;
  resolved: boolean;
  shoppers: boolean;
  /** A consequence marker stands before it ("without it, our audit is blocked"): not happening yet. */
  conditional: boolean;
  /** The sentence asks for something ("please", "we want", "bitte", "merci de", "quiero", "gostaria"). */
  asked: boolean;
}

export interface AnalysedMessage {
  index: number;
  author: 'customer' | 'teammate';
  text: string;
  sentences: Sentence[];
}

export interface Analysis {
  messages: AnalysedMessage[];
  mentions: Mention[];
}

const matcher = new ConceptMatcher([MONEY, LEGAL, TECH, RISK, ENTERPRISE, CHAT, MODIFIERS, HANDOFF]);

/** Mentions of one concept kept per message (the first ones; a chat's real messages have a handful at most). */
const MENTIONS_PER_CONCEPT = 8;

/** Portuguese minus Spanish marker words in one sentence: > 0 reads as Portuguese, < 0 as Spanish, 0 undecided. */
function portugueseScore(sentence: Sentence): number {
  let score = 0;
  for (const token of sentence.tokens) {
    if (PORTUGUESE_ONLY.has(token.word)) score++;
    else if (SPANISH_ONLY.has(token.word)) score--;
  }
  return score;
}

/** Plain text per message, newest first under the total cap; the first message is always kept (it states the case). */
function readMessages(messages: readonly TriageMessage[]): AnalysedMessage[] {
  const out: AnalysedMessage[] = [];
  let budget = TEXT_CAP_TOTAL;
  for (let index = messages.length - 1; index >= 0 && budget > 0; index--) {
    const message = messages[index]!;
    const text = plainText(message.text).slice(0, budget);
    budget -= text.length;
    out.push({ index, author: message.author === 'teammate' ? 'teammate' : 'customer', text, sentences: sentences(text) });
  }
  if (messages.length > 0 && !out.some((m) => m.index === 0)) {
    const first = messages[0]!;
    const text = plainText(first.text);
    out.push({ index: 0, author: first.author === 'teammate' ? 'teammate' : 'customer', text, sentences: sentences(text) });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Hostile text repeats itself: identical sentences (same words, same clause marks) are matched once per call. */
function matchOnce(sentence: Sentence, memo: Map<string, ConceptHit[]>): ConceptHit[] {
  const key = sentence.tokens.map((t) => (t.breakBefore ? `,${t.word}` : t.word)).join(' ');
  let hits = memo.get(key);
  if (!hits) {
    hits = matcher.match(sentence);
    memo.set(key, hits);
  }
  return hits;
}

export function analyse(messages: readonly TriageMessage[]): Analysis {
  const read = readMessages(messages);
  const mentions: Mention[] = [];
  const memo = new Map<string, ConceptHit[]>();
  for (const message of read) {
    let previousShoppers = false;
    // Hostile text repeats a keyword thousands of times; past a few mentions per message a concept tells nothing new.
    const perConcept = new Map<string, number>();
    // Mixed-language chats switch language between sentences: each sentence is read as its own language, and one
    // with too few marker words as its message reads overall.
    const scores = message.sentences.map(portugueseScore);
    const messagePortuguese = scores.reduce((a, b) => a + b, 0) > 0;
    message.sentences.forEach((sentence, sentenceIndex) => {
      const hits = matchOnce(sentence, memo);
      // The merchant's shoppers are often named in the sentence before the money ("A customer wants her money back. How do I refund?").
      const shoppersHere = hits.some((hit) => hit.concept === 'mod.shoppers');
      const shoppers = shoppersHere || previousShoppers;
      previousShoppers = shoppersHere;
      // Most sentences name no concept at all: there is no context to index for them.
      if (!hits.some((hit) => !hit.concept.startsWith('mod.'))) return;
      const own = scores[sentenceIndex]!;
      const scope = new SentenceScope(sentence, hits, own === 0 ? messagePortuguese : own > 0);
      for (const hit of hits) {
        if (hit.concept.startsWith('mod.') || scope.shadowed(hit)) continue;
        const seen = perConcept.get(hit.concept) ?? 0;
        if (seen >= MENTIONS_PER_CONCEPT) continue;
        perConcept.set(hit.concept, seen + 1);
        const clause = scope.clauseOf(hit.from);
        const ongoing = scope.inClause('ongoing', clause);
        mentions.push({
          concept: hit.concept,
          messageIndex: message.index,
          author: message.author,
          sentence: sentenceIndex,
          from: hit.from,
          to: hit.to,
          negated: scope.isNegated(hit),
          hypothetical: scope.hypothetical,
          question: sentence.question,
          past: scope.inClause('past', clause) && !ongoing,
          ongoing,
          resolved: scope.inClause('resolved', clause),
          shoppers,
          conditional: scope.conditional(hit),
          asked: scope.asked,
        });
      }
    });
  }
  return { messages: read, mentions };
}
