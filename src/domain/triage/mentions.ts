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
import { PORTUGUESE_ONLY, SPANISH_ONLY } from './language';
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

const matcher = new ConceptMatcher([MONEY, LEGAL, TECH, RISK, ENTERPRISE, CHAT, MODIFIERS]);

/** How many words back a negation reaches ("not asking for a refund", "no quiero cancelar"). */
const NEGATION_REACH = 3;

function has(hits: readonly ConceptHit[], concept: string): boolean {
  return hits.some((hit) => hit.concept === concept);
}

/** Words that negate the verb in front of them: German "funktioniert nicht", French "(ne) marche pas / plus". */
const AFTER_NEGATION = new Set(['nicht', 'pas', 'plus', 'nie', 'jamais']);
const FRENCH_NEGATION_END = new Set(['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guere']);

function isNegated(hit: ConceptHit, hits: readonly ConceptHit[], sentence: Sentence, portuguese: boolean): boolean {
  const crossesClause = (from: number) => {
    for (let at = from; at <= hit.from; at++) if (sentence.tokens[at]?.breakBefore) return true;
    return hits.some((c) => c.concept === 'mod.contrast' && c.from >= from && c.from < hit.from);
  };
  const before = hits.some(
    (neg) =>
      neg.concept === 'mod.negation' &&
      neg.to <= hit.from &&
      hit.from - neg.to <= NEGATION_REACH &&
      !crossesClause(neg.to) &&
      // Portuguese "no" is "in the" ("no Procon", "no cartão"), never "not".
      !(portuguese && sentence.tokens[neg.from]?.word === 'no'),
  );
  // "wollen kein Geld zurück": a negation skipped over by a gap inside the phrase negates it.
  const inside = hits.some(
    (neg) =>
      neg.concept === 'mod.negation' &&
      neg.from > hit.from &&
      neg.from < hit.to &&
      !hit.literals.includes(sentence.tokens[neg.from]?.word ?? ''),
  );
  const previous = sentence.tokens[hit.from - 1]?.word;
  const next = sentence.tokens[hit.to]?.word;
  // French "ne … pas": only with its second half in the sentence (German "ne" is colloquial "eine").
  const french = (previous === 'ne' || previous === 'n') && sentence.tokens.slice(hit.to).some((t) => FRENCH_NEGATION_END.has(t.word));
  return before || inside || french || (next !== undefined && AFTER_NEGATION.has(next));
}

function looksPortuguese(sentences: readonly Sentence[]): boolean {
  let score = 0;
  for (const sentence of sentences) {
    for (const token of sentence.tokens) {
      if (PORTUGUESE_ONLY.has(token.word)) score++;
      else if (SPANISH_ONLY.has(token.word)) score--;
    }
  }
  return score > 0;
}

/** A hit of the key concept hides hits of these concepts on the same words ("archived by error" is not an error). */
const SHADOWS: Readonly<Record<string, readonly string[]>> = {
  'tech.self_deleted': ['tech.bug'],
  'legal.trap': ['legal.threat'],
  'chat.works_now': ['tech.bug'],
  // "Black Friday", "Cyber Monday" name a peak, not a deadline this week.
  'ent.need': ['ent.deadline_soon'],
  'mod.polite_if': [],
};

function shadowed(hit: ConceptHit, hits: readonly ConceptHit[]): boolean {
  return hits.some((other) => SHADOWS[other.concept]?.includes(hit.concept) === true && other.from < hit.to && hit.from < other.to);
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

/** Clause of a token: contrast words ("but", "aber", "mais", "pero", "porém") start a new one. */
function clauseOf(at: number, hits: readonly ConceptHit[]): number {
  return hits.filter((hit) => hit.concept === 'mod.contrast' && hit.from <= at).length;
}

function inClause(hits: readonly ConceptHit[], concept: string, clause: number): boolean {
  return hits.some((hit) => hit.concept === concept && clauseOf(hit.from, hits) === clause);
}

export function analyse(messages: readonly TriageMessage[]): Analysis {
  const read = readMessages(messages);
  const mentions: Mention[] = [];
  const memo = new Map<string, ConceptHit[]>();
  for (const message of read) {
    let previousShoppers = false;
    const portuguese = looksPortuguese(message.sentences);
    message.sentences.forEach((sentence, sentenceIndex) => {
      const hits = matchOnce(sentence, memo);
      const hypothetical = isHypothetical(hits);
      // The merchant's shoppers are often named in the sentence before the money ("A customer wants her money back. How do I refund?").
      const shoppersHere = has(hits, 'mod.shoppers');
      const shoppers = shoppersHere || previousShoppers;
      previousShoppers = shoppersHere;
      for (const hit of hits) {
        if (hit.concept.startsWith('mod.') || shadowed(hit, hits)) continue;
        const clause = clauseOf(hit.from, hits);
        const ongoing = inClause(hits, 'mod.ongoing', clause);
        mentions.push({
          concept: hit.concept,
          messageIndex: message.index,
          author: message.author,
          sentence: sentenceIndex,
          negated: isNegated(hit, hits, sentence, portuguese),
          hypothetical,
          question: sentence.question,
          past: inClause(hits, 'mod.past', clause) && !ongoing,
          ongoing,
          resolved: inClause(hits, 'mod.resolved', clause),
          shoppers,
          conditional: hits.some((c) => c.concept === 'mod.consequence' && c.to <= hit.from),
          asked: hits.some((ask) => ask.concept === 'mod.ask' && !isNegated(ask, hits, sentence, portuguese)),
        });
      }
    });
  }
  return { messages: read, mentions };
}
