/**
 * Concept hits → mentions with their context: who said it, in which message and sentence, and whether the same
 * sentence negates it, makes it hypothetical, puts it in the past, says it is resolved, or is about the merchant's
 * own shoppers. The whole conversation is read, newest messages first when the total cap bites (step 0 judges the
 * chat as it stands at its last message).
 */
import { CHAT } from './lexicon/chat';
import { ENTERPRISE } from './lexicon/enterprise';
import { LEGAL } from './lexicon/legal';
import { MODIFIERS } from './lexicon/modifiers';
import { MONEY } from './lexicon/money';
import { RISK } from './lexicon/risk';
import { TECH } from './lexicon/tech';
import { type ConceptHit, ConceptMatcher } from './matcher';
import { plainText, type Sentence, sentences, TEXT_CAP_TOTAL } from './text';
import type { TriageMessage } from './types';

export interface Mention {
  concept: string;
  messageIndex: number;
  author: 'customer' | 'teammate';
  sentence: number;
  negated: boolean;
  hypothetical: boolean;
  question: boolean;
  past: boolean;
  ongoing: boolean;
  resolved: boolean;
  shoppers: boolean;
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

const matcher = new ConceptMatcher([MONEY, LEGAL, TECH, RISK, ENTERPRISE, CHAT, MODIFIERS]);

/** How many words back a negation reaches ("not asking for a refund", "no quiero cancelar"). */
const NEGATION_REACH = 3;

function has(hits: readonly ConceptHit[], concept: string): boolean {
  return hits.some((hit) => hit.concept === concept);
}

function isNegated(hit: ConceptHit, hits: readonly ConceptHit[]): boolean {
  const contrastBetween = (from: number) => hits.some((c) => c.concept === 'mod.contrast' && c.from >= from && c.from < hit.from);
  return hits.some(
    (neg) => neg.concept === 'mod.negation' && neg.to <= hit.from && hit.from - neg.to <= NEGATION_REACH && !contrastBetween(neg.to),
  );
}

function isHypothetical(hits: readonly ConceptHit[]): boolean {
  const polite = hits.filter((hit) => hit.concept === 'mod.polite_if');
  return hits.some((hit) => hit.concept === 'mod.hypothetical' && !polite.some((p) => p.from <= hit.from && hit.from < p.to));
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

export function analyse(messages: readonly TriageMessage[]): Analysis {
  const read = readMessages(messages);
  const mentions: Mention[] = [];
  for (const message of read) {
    message.sentences.forEach((sentence, sentenceIndex) => {
      const hits = matcher.match(sentence);
      if (hits.length === 0) return;
      const hypothetical = isHypothetical(hits);
      const ongoing = has(hits, 'mod.ongoing');
      const past = has(hits, 'mod.past') && !ongoing;
      const resolved = has(hits, 'mod.resolved');
      const shoppers = has(hits, 'mod.shoppers');
      for (const hit of hits) {
        if (hit.concept.startsWith('mod.')) continue;
        mentions.push({
          concept: hit.concept,
          messageIndex: message.index,
          author: message.author,
          sentence: sentenceIndex,
          negated: isNegated(hit, hits),
          hypothetical,
          question: sentence.question,
          past,
          ongoing,
          resolved,
          shoppers,
        });
      }
    });
  }
  return { messages: read, mentions };
}
