/**
 * Masking skips work it can prove useless: a secret rule whose hints are absent from the text, and the card scan
 * when no run of digits is long enough for a card. These properties check that a skip never hides a match, on
 * text built from the rules' own pieces, their case variants and the characters that fold oddly (İ, ı, K, ſ).
 */
import fc from 'fast-check';
import { maskSensitive } from '../../../src/domain/text';
import { mayMatch, SECRET_RULES } from '../../../src/domain/text/mask';

const SEED = 20261121;

const piece = fc.constantFrom(
  'sk_',
  'rk_',
  'pk_',
  'live',
  'test',
  'LIVE',
  '_',
  'gh',
  'GH',
  'p',
  'o',
  'u',
  's',
  'r',
  'github',
  'pat',
  'xox',
  'XOX',
  'b',
  '-',
  'AKIA',
  'akia',
  'eyJ',
  'EYJ',
  '.',
  'Bearer',
  'bearer',
  'Basic',
  'BASIC',
  ' ',
  '\t',
  '\n',
  'password',
  'PassWord',
  'PASSWORT',
  'kennwort',
  'KennWort',
  'passwd',
  'pwd',
  'PWD',
  'secret',
  'SeCrEt',
  'client',
  'api',
  'API',
  'key',
  'KEY',
  'private',
  'access',
  'auth',
  'refresh',
  'token',
  'TOKEN',
  'ToKeN',
  ':',
  '=',
  '"',
  "'",
  'パスワード',
  '暗証番号',
  '：',
  'İ',
  'ı',
  '\u212a', // Kelvin sign: lower-cases to "k"
  '\u017f', // long s: upper-cases to "S"
  'ß',
  '•',
);
const word = fc.stringMatching(/^[A-Za-z0-9]{1,24}$/);
/** Whole prefixes, so the longer formats (AWS ids, JWTs, GitHub tokens) match often enough to be checked. */
const prefix = fc.constantFrom(
  `sk_${'live'}_`,
  'rk_test_',
  'ghp_',
  'gho_',
  'github_pat_',
  'xoxb-',
  'xoxp-',
  'AKIA',
  'eyJ',
  'Bearer ',
  'Basic ',
  'api_key=',
  'Token: ',
);
const body = fc.oneof(fc.stringMatching(/^[0-9A-Z]{16}$/), fc.stringMatching(/^[\w-]{8,12}\.[\w-]{8,12}\.[\w-]{8,12}$/), word);
const text = fc
  .array(
    fc.oneof(
      { arbitrary: piece, weight: 6 },
      word,
      fc.tuple(prefix, body).map(([p, b]) => p + b),
      fc.string({ maxLength: 3 }),
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(''));

describe('masking skips', () => {
  it('skips a secret rule only when its pattern cannot match', () => {
    const matched = SECRET_RULES.map(() => 0);
    for (const sample of fc.sample(text, { numRuns: 20_000, seed: SEED })) {
      SECRET_RULES.forEach((rule, i) => {
        const once = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', ''));
        if (!once.test(sample)) return;
        matched[i]++;
        expect({ sample, pattern: rule.pattern.source, mayMatch: mayMatch(sample, rule) }).toMatchObject({ mayMatch: true });
      });
    }
    // Every rule must actually have matched some samples, or the check above proved nothing for it.
    expect(SECRET_RULES.filter((_rule, i) => (matched[i] ?? 0) <= 20).map((rule) => rule.pattern.source)).toEqual([]);
  });

  it('skips the card scan only where the scan would change nothing', () => {
    const pieces = fc.constantFrom('4242 4242 4242 4242', '4242', '42', '4', '5555', '0', ' ', '-', '•••• ', 'x', '_');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const head = parts.join('');
        // A card after a newline always makes the scan run, over `head` as well: `head` must come out as it does alone.
        expect(maskSensitive(`${head}\n4242424242424242`)).toBe(`${maskSensitive(head)}\n•••• •••• •••• 4242`);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });
});
