/**
 * Property tests: the guarantees hold for any input, not just the examples. Inputs mix arbitrary strings with
 * fragments that matter (tags, entities, card numbers, tokens) so the interesting paths are actually reached.
 */
import fc from 'fast-check';
import { htmlToText, maskSensitive, truncate, truncateBytes, utf8Length } from '../../../src/domain/text';

const RUNS = { numRuns: 300, seed: 20261121 };

const htmlFragment = fc.constantFrom(
  '<script>',
  '</script>',
  '<SCRIPT',
  '<scr',
  'ipt>',
  '&lt;',
  '&lt;script&gt;',
  '&#60;',
  '&#x3C;',
  '<p>',
  '</p>',
  '<br/>',
  '<a href="',
  'javascript:',
  '">',
  '</a>',
  '<!--',
  '-->',
  '<ul><li>',
  '<pre>',
  '"',
  "'",
  '<',
  '>',
  '&',
  ';',
  's',
  'c',
);
const htmlish = fc.array(fc.oneof(htmlFragment, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));

const sensitiveFragment = fc.constantFrom(
  '4242 4242 4242 4242',
  '4242424242424242',
  '5555-5555-5555-4444',
  '378282246310005',
  '1111',
  ' ',
  '-',
  '•••• ',
  `sk_${'live'}_`,
  'abcdEFGH1234ijklMNOP5678qrstUVWX90yz',
  'Bearer ',
  'password: ',
  'token=',
  '9f86d081884c7d659a2feaa0c55ad015',
  '=',
  'a',
  '7',
);
const sensitive = fc.array(fc.oneof(sensitiveFragment, fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('htmlToText properties', () => {
  it('never throws and never outputs a script tag', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), htmlish), (html) => {
        const out = htmlToText(html);
        expect(out).not.toMatch(/<\s*script/i);
      }),
      RUNS,
    );
  });

  it('outputs no markup at all: every "<" left is followed by something that cannot open a tag', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        expect(htmlToText(html)).not.toMatch(/<[A-Za-z/!?]/);
      }),
      RUNS,
    );
  });
});

describe('maskSensitive properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), sensitive), (text) => {
        const once = maskSensitive(text);
        expect(maskSensitive(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('never lets a test card number through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (before, after) => {
        const out = maskSensitive(`${before} 4242 4242 4242 4242 ${after}`);
        expect(out).not.toContain('4242 4242 4242 4242');
      }),
      RUNS,
    );
  });
});

describe('truncation properties', () => {
  it('truncate respects its limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: 120 }), (text, max) => {
        expect(truncate(text, max).length).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });

  it('truncateBytes respects its byte bound and utf8Length matches Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.integer({ min: 0, max: 200 }), (text, max) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(utf8Length(truncateBytes(text, max))).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });
});
