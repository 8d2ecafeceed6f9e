/**
 * The product areas a sentence names (src/domain/triage/lexicon/areas.ts), one per phrase: the longest phrase names
 * the area, so "payment page" is the checkout and not also a payment, as "Kasse" is only the checkout; on the same
 * words a narrower area hides the broad one ("Auszahlungen" is a payout, `NARROWER`).
 * Linear in the sentence (the engine's matcher) plus the few hits it finds.
 */
import { AREAS, NARROWER } from '../triage/lexicon/areas';
import { type ConceptHit, ConceptMatcher } from '../triage/matcher';
import type { Sentence } from '../triage/text';

const matcher = new ConceptMatcher([AREAS]);

export function areaHits(sentence: Sentence): ConceptHit[] {
  const hits = matcher.match(sentence);
  const hides = (other: ConceptHit, hit: ConceptHit) =>
    other.from <= hit.from &&
    other.to >= hit.to &&
    (other.to - other.from > hit.to - hit.from || (NARROWER[hit.concept]?.includes(other.concept) ?? false));
  return hits.filter((hit) => !hits.some((other) => other !== hit && hides(other, hit)));
}

/** The area's name as the sidebar shows it and signatures store it: "checkout", "mobile_app". */
export function areaName(hit: ConceptHit): string {
  return hit.concept.slice('area.'.length);
}

/** Words as a sentence of plain tokens, so the lexicon reads a code's "E_PAYMENT_502" as it reads "payment". */
export function wordsAsSentence(words: readonly string[]): Sentence {
  const tokens = words.map((word) => ({ word, start: 0, end: 0, breakBefore: false, glued: false }));
  return { tokens, start: 0, end: 0, question: false };
}
