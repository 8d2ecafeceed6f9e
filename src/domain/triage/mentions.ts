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

/** How many words back a negation reaches ("not asking for a refund", "no quiero cancelar"). */
const NEGATION_REACH = 3;

/** Words that negate the verb in front of them: German "funktioniert nicht", French "(ne) marche pas / plus". */
const AFTER_NEGATION = new Set(['nicht', 'pas', 'plus', 'nie', 'jamais']);
const FRENCH_NEGATION_END = new Set(['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guere']);

/**
 * What one sentence's hits say about each other, indexed once so each hit's context is read in constant time:
 * a 3 000-character sentence of repeated keywords must cost linear work, not hits × hits.
 */
class SentenceScope {
  /** contrastBefore[i]: contrast words ("but", "aber", …) starting before token i; clause of token i = contrastBefore[i + 1]. */
  private readonly contrastBefore: Int32Array;
  /** breaksBefore[i]: tokens before i that follow a comma, colon or bracket. */
  private readonly breaksBefore: Int32Array;
  /** Negation hits by the token they end at, and the tokens where one starts. */
  private readonly negationsEndingAt = new Map<number, ConceptHit[]>();
  private readonly negationStarts = new Set<number>();
  /** Last token that closes a French "ne … pas". */
  private readonly lastFrenchEnd: number;
  /** Clauses holding an "ongoing", "past" or "resolved" modifier. */
  private readonly clauses = { ongoing: new Set<number>(), past: new Set<number>(), resolved: new Set<number>() };
  /** Per shadowing concept's victims: covered[i] = tokens before i covered by a shadowing hit. */
  private readonly shadowCover = new Map<string, Int32Array>();
  private readonly firstConsequenceEnd: number;
  readonly hypothetical: boolean;
  readonly asked: boolean;

  constructor(
    readonly sentence: Sentence,
    readonly hits: readonly ConceptHit[],
    private readonly portuguese: boolean,
  ) {
    const tokens = sentence.tokens;
    const n = tokens.length;
    this.contrastBefore = new Int32Array(n + 1);
    this.breaksBefore = new Int32Array(n + 1);
    const contrastAt = new Int32Array(n + 1);
    const politeCover = new Int32Array(n + 1);
    let consequenceEnd = Number.POSITIVE_INFINITY;
    for (const hit of hits) {
      if (hit.concept === 'mod.contrast') contrastAt[hit.from]!++;
      else if (hit.concept === 'mod.negation') {
        const list = this.negationsEndingAt.get(hit.to);
        if (list) list.push(hit);
        else this.negationsEndingAt.set(hit.to, [hit]);
        this.negationStarts.add(hit.from);
      } else if (hit.concept === 'mod.polite_if') cover(politeCover, hit);
      else if (hit.concept === 'mod.consequence') consequenceEnd = Math.min(consequenceEnd, hit.to);
      const victims = SHADOWS[hit.concept];
      if (victims && victims.length > 0) {
        let covered = this.shadowCover.get(hit.concept);
        if (!covered) {
          covered = new Int32Array(n + 1);
          this.shadowCover.set(hit.concept, covered);
        }
        cover(covered, hit);
      }
    }
    for (const covered of [politeCover, ...this.shadowCover.values()]) cumulate(covered);
    let lastFrenchEnd = -1;
    for (let i = 0; i < n; i++) {
      this.contrastBefore[i + 1] = this.contrastBefore[i]! + contrastAt[i]!;
      this.breaksBefore[i + 1] = this.breaksBefore[i]! + (tokens[i]!.breakBefore ? 1 : 0);
      if (FRENCH_NEGATION_END.has(tokens[i]!.word)) lastFrenchEnd = i;
    }
    this.lastFrenchEnd = lastFrenchEnd;
    this.firstConsequenceEnd = consequenceEnd;
    for (const hit of hits) {
      const clause = this.clauseOf(hit.from);
      if (hit.concept === 'mod.ongoing') this.clauses.ongoing.add(clause);
      else if (hit.concept === 'mod.past') this.clauses.past.add(clause);
      else if (hit.concept === 'mod.resolved') this.clauses.resolved.add(clause);
    }
    // "if possible" is politeness, not a hypothetical.
    this.hypothetical = hits.some((hit) => hit.concept === 'mod.hypothetical' && !coveredAt(politeCover, hit.from));
    this.asked = hits.some((hit) => hit.concept === 'mod.ask' && !this.isNegated(hit));
  }

  /** Clause of a token: contrast words ("but", "aber", "mais", "pero", "porém") start a new one. */
  clauseOf(at: number): number {
    return this.contrastBefore[Math.min(at + 1, this.contrastBefore.length - 1)]!;
  }

  inClause(kind: 'ongoing' | 'past' | 'resolved', clause: number): boolean {
    return this.clauses[kind].has(clause);
  }

  /** A consequence marker stands before the hit ("without it, our audit is blocked"). */
  conditional(hit: ConceptHit): boolean {
    return this.firstConsequenceEnd <= hit.from;
  }

  /** A hit of a shadowing concept covers these words ("archived by error" is not an error). */
  shadowed(hit: ConceptHit): boolean {
    for (const [concept, covered] of this.shadowCover) {
      if (SHADOWS[concept]!.includes(hit.concept) && covered[hit.to]! - covered[hit.from]! > 0) return true;
    }
    return false;
  }

  /** A comma, a bracket or a contrast word between a negation ending at `from` and the hit stops the negation. */
  private crossesClause(from: number, hit: ConceptHit): boolean {
    const breaks = this.breaksBefore[Math.min(hit.from + 1, this.breaksBefore.length - 1)]! - this.breaksBefore[from]!;
    return breaks > 0 || this.contrastBefore[hit.from]! - this.contrastBefore[from]! > 0;
  }

  isNegated(hit: ConceptHit): boolean {
    const tokens = this.sentence.tokens;
    let before = false;
    for (let end = Math.max(0, hit.from - NEGATION_REACH); end <= hit.from && !before; end++) {
      before = (this.negationsEndingAt.get(end) ?? []).some(
        // Portuguese "no" is "in the" ("no Procon", "no cartão"), never "not".
        (neg) => !this.crossesClause(neg.to, hit) && !(this.portuguese && tokens[neg.from]?.word === 'no'),
      );
    }
    // "wollen kein Geld zurück": a negation skipped over by a gap inside the phrase negates it.
    let inside = false;
    for (let at = hit.from + 1; at < hit.to && !inside; at++) {
      inside = this.negationStarts.has(at) && !hit.literals.includes(tokens[at]?.word ?? '');
    }
    const previous = tokens[hit.from - 1]?.word;
    const next = tokens[hit.to]?.word;
    // French "ne … pas": only with its second half in the sentence (German "ne" is colloquial "eine").
    const french = (previous === 'ne' || previous === 'n') && this.lastFrenchEnd >= hit.to;
    return before || inside || french || (next !== undefined && AFTER_NEGATION.has(next));
  }
}

/** Marks tokens [from, to) in a difference array; `cumulate` then turns it into "covered tokens before i". */
function cover(covered: Int32Array, hit: ConceptHit): void {
  covered[hit.from]!++;
  covered[hit.to]!--;
}

function cumulate(covered: Int32Array): void {
  // Difference array → coverage per token → prefix count of covered tokens.
  let depth = 0;
  let count = 0;
  for (let i = 0; i < covered.length; i++) {
    depth += covered[i]!;
    const here = depth > 0 ? 1 : 0;
    covered[i] = count;
    count += here;
  }
}

function coveredAt(covered: Int32Array, at: number): boolean {
  return covered[at + 1]! - covered[at]! > 0;
}

/** Portuguese minus Spanish marker words in one sentence: > 0 reads as Portuguese, < 0 as Spanish, 0 undecided. */
function portugueseScore(sentence: Sentence): number {
  let score = 0;
  for (const token of sentence.tokens) {
    if (PORTUGUESE_ONLY.has(token.word)) score++;
    else if (SPANISH_ONLY.has(token.word)) score--;
  }
  return score;
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
