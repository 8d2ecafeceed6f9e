/**
 * What one sentence's concept hits say about each other: which are negated, which clause each sits in (and whether
 * that clause is ongoing, past or resolved), whether the sentence is a hypothetical or a request, and which hits
 * another hit shadows. `mentions.ts` asks it about each hit and turns the answers into mentions.
 */
import type { ConceptHit } from './matcher';
import type { Sentence } from './text';

/** How many words back a negation reaches ("not asking for a refund", "no quiero cancelar"). */
const NEGATION_REACH = 3;

/** Words that negate the verb in front of them: German "funktioniert nicht", French "(ne) marche pas / plus". */
const AFTER_NEGATION = new Set(['nicht', 'pas', 'plus', 'nie', 'jamais']);
const FRENCH_NEGATION_END = new Set(['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guere']);

/** A hit of the key concept hides hits of these concepts on the same words ("archived by error" is not an error). */
const SHADOWS: Readonly<Record<string, readonly string[]>> = {
  'tech.self_deleted': ['tech.bug'],
  'legal.trap': ['legal.threat'],
  'chat.works_now': ['tech.bug'],
  // "Black Friday", "Cyber Monday" name a peak, not a deadline this week.
  'ent.need': ['ent.deadline_soon'],
  'mod.polite_if': [],
};

/**
 * What one sentence's hits say about each other, indexed once so each hit's context is read in constant time:
 * a 3 000-character sentence of repeated keywords must cost linear work, not hits × hits.
 */
export class SentenceScope {
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
