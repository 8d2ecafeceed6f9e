/**
 * findKeywords only runs a keyword's Unicode pattern when the keyword's ASCII hint occurs in the folded corpus.
 * These tests check that the hint never hides a match: case variants, the two non-ASCII characters that fold to
 * ASCII letters under `iu` (K, ſ), look-alikes that must not (İ, ı, full-width letters), phrases, CJK, and
 * non-ASCII words (a final sigma folds like σ, so such words cannot serve as hints).
 */
import fc from 'fast-check';
import { findKeywords } from '../../../src/domain/signals';
import { foldForHints, keywordMayOccur, keywordPattern } from '../../../src/domain/signals/keywords';

const KEYWORDS = [
  'refund',
  'cancel',
  'gdpr',
  'not working',
  'data loss',
  'security',
  'kiss',
  'sk',
  'c++',
  '(v2)',
  'Rückerstattung',
  'rück erstattung',
  '返金',
  'ＳＫ',
  'İstanbul',
  'ΛΟΓΟΣ',
  'ok ｏｋ',
];

/** Each keyword's letters in any case, with k/s swapped for K/ſ now and then, plus separators and look-alikes. */
function variant(keyword: string): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0, max: 3 }), { minLength: keyword.length, maxLength: keyword.length }).map((choices) =>
    [...keyword]
      .map((ch, i) => {
        const choice = choices[i] ?? 0;
        if (choice === 3 && /[kK]/.test(ch)) return '\u212a';
        if (choice === 3 && /[sS]/.test(ch)) return '\u017f';
        return choice % 2 === 0 ? ch.toLowerCase() : ch.toUpperCase();
      })
      .join(''),
  );
}
const filler = fc.constantFrom(
  ' ',
  '  ',
  '\n',
  '\t',
  '.',
  '!',
  '_',
  'x',
  'İ',
  'ı',
  'ß',
  'ｒｅｆｕｎｄ',
  '\n\u0000\n',
  'é',
  '\u0301',
  'λογος',
);
const corpus = fc
  .array(fc.oneof(fc.constantFrom(...KEYWORDS).chain(variant), filler, fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('keyword hints', () => {
  it('skip a keyword only when its pattern cannot match', () => {
    const matched = new Map<string, number>();
    // Raw and NFKC-normalised as `customerCorpus` does it (findKeywords takes either).
    const texts = fc.sample(corpus, { numRuns: 10_000, seed: 20261121 }).flatMap((text) => [text, text.normalize('NFKC')]);
    for (const text of texts) {
      const folded = foldForHints(text);
      for (const keyword of KEYWORDS) {
        if (!keywordPattern(keyword)?.test(text)) continue;
        matched.set(keyword, (matched.get(keyword) ?? 0) + 1);
        expect({ text, keyword, mayOccur: keywordMayOccur(keyword, folded) }).toMatchObject({ mayOccur: true });
      }
    }
    // Every keyword must have matched often, or the check above proved nothing for it.
    expect(KEYWORDS.filter((keyword) => (matched.get(keyword) ?? 0) < 20)).toEqual([]);
  });

  it('still finds keywords written with the Kelvin sign or the long s', () => {
    expect(findKeywords('\u017fecurity issue, \u212aISS', ['security', 'kiss', 'refund'])).toEqual(['security', 'kiss']);
  });
});
