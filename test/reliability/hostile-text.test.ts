/**
 * Hostile text, the class: every function that reads a customer's words (HTML to text, entities, masking, card
 * detection, conversation parsing, keywords, frustration, diagnostics, signals, the summary and its preview) gets
 * long adversarial messages — runs of delimiters, `=`/`-`/`_`/`.`, nested and unclosed tags, digits, spaces,
 * unicode — at 50 KB and at 100 KB. Each step must finish within a bound, and doubling the input must not much
 * more than double its time: a quadratic step quadruples, which is how `====…=A` froze the server.
 *
 * Times are CPU time (the process's own work: waiting for a core on a loaded machine does not count), the fastest
 * of a few repetitions, and a step that takes only a few milliseconds is under the floor whatever its ratio: noise
 * must not fail the test, a real blow-up does.
 */
import fc from 'fast-check';
import { cpuMs } from '../support/cpu-time';
import { FigureSheet } from '../support/reliability/figures';
import { BUDGET, FUZZ_SEED, SOAK } from '../support/reliability/budget';
import { textSteps } from '../support/reliability/text-steps';

const SIZE = 50 * 1024;
/**
 * A 100 KB message through any one step, in CPU ms. The quadratic `=` run took ~10 s; a linear step takes
 * milliseconds to a few hundred (card detection on `0-0-0-…`).
 */
const MAX_STEP_MS = 2000;
/** Linear is ×2; quadratic ×4. Below the floor the time is noise. */
const MAX_GROWTH = 3;
const NOISE_FLOOR_MS = 50;
const REPEATS = 3;
/** A step that looks super-linear is measured again before it fails: a quadratic one fails every attempt. */
const ATTEMPTS = 3;

const figures = new FigureSheet('hostile text');
/** The slowest step seen on a 100 KB message, for the README's reliability figures. */
let worst = { ms: 0, step: 'none' };
function noteWorst(ms: number, step: string, pieces: readonly string[], end: string): void {
  if (ms > worst.ms) worst = { ms, step: `${step} on ${JSON.stringify(pieces.join('') + end).slice(0, 30)}` };
}
afterAll(() => {
  figures.set('sizes', '50 KB, 100 KB');
  figures.set('worst 100 KB step ms', worst.ms.toFixed(1));
  figures.set('worst step', worst.step);
  figures.print();
});

/** Pieces that have stalled, or could stall, a text scanner. */
const FRAGMENTS = [
  '=',
  '==',
  '-',
  '_',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  ',',
  ';',
  ':',
  '!',
  '?',
  '!!',
  '??',
  '#',
  '/',
  '\\',
  '"',
  "'",
  '<',
  '<a',
  '<a href="',
  '<p>',
  '</p>',
  '<div><span>',
  '</span></div>',
  '<script>',
  '<!--',
  '<br',
  '>',
  '&',
  '&#',
  '&#x',
  '&amp;',
  '&lt',
  '[',
  '](',
  ')',
  '**',
  '4242',
  '4242 ',
  '1',
  '0-',
  '#123',
  'eyJ',
  'eyJ-',
  'Bearer ',
  'password=',
  'token:',
  'ERR_',
  'Error: ',
  'http://a',
  'https://x.example/',
  'v1.',
  '1.',
  'Chrome/',
  'Windows ',
  'order ',
  'ref #',
  'A',
  'a',
  'Z9',
  'UNACCEPTABLE ',
  'still ',
  'refund ',
  'not  working',
  'é',
  'ß',
  '日本',
  '💥',
  '\u200b',
  '\u0000',
];

const unit = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' })), {
  minLength: 1,
  maxLength: 4,
});
/** What follows the run: a run that does not end the token or tag is what makes a backtracking regex retry. */
const tail = fc.constantFrom('', 'A', '!', '>', '"', ')', ' end');

function message(pieces: readonly string[], end: string, length: number): string {
  const piece = pieces.join('');
  return `hi ${piece.repeat(Math.ceil(length / piece.length)).slice(0, length)}${end}`;
}

/**
 * The fastest of REPEATS runs, or of fewer once one is under `enough`: every check below only asks whether the
 * fastest run is under a bound, and after one run under it the answer cannot change.
 */
function fastest(run: () => unknown, enough = 0): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEATS && best >= enough; i += 1) {
    best = Math.min(best, cpuMs(run));
  }
  return best;
}

interface Timing {
  smallMs: number;
  largeMs: number;
}

/** Times a step at both sizes, measuring again (up to ATTEMPTS) while the growth looks super-linear. */
function timeStep(small: () => unknown, large: () => unknown): Timing & { linear: boolean } {
  let timing: Timing = { smallMs: 0, largeMs: 0 };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const largeMs = fastest(large, NOISE_FLOOR_MS);
    // Under the floor the growth is noise and passes whatever the small size took, so it is not measured.
    if (largeMs < NOISE_FLOOR_MS) return { smallMs: Number.NaN, largeMs, linear: true };
    timing = { smallMs: fastest(small), largeMs };
    if (timing.largeMs < Math.max(NOISE_FLOOR_MS, MAX_GROWTH * timing.smallMs)) return { ...timing, linear: true };
  }
  return { ...timing, linear: false };
}

describe('hostile text through every function that reads customer content', () => {
  it(
    'finishes each step on 100 KB within a bound and grows linearly from 50 KB',
    () => {
      fc.assert(
        fc.property(unit, tail, (pieces, end) => {
          const small = textSteps(message(pieces, end, SIZE));
          const large = textSteps(message(pieces, end, 2 * SIZE));
          figures.add('inputs');
          for (const [i, step] of large.entries()) {
            const { smallMs, largeMs, linear } = timeStep(small[i]!.run, step.run);
            noteWorst(largeMs, step.name, pieces, end);
            const what = `${step.name} on ${JSON.stringify(pieces)} + ${JSON.stringify(end)}: ${smallMs.toFixed(1)} → ${largeMs.toFixed(1)} ms`;
            expect({ what, withinBound: largeMs < MAX_STEP_MS }).toEqual({ what, withinBound: true });
            expect({ what, linear }).toEqual({ what, linear: true });
          }
        }),
        { numRuns: SOAK ? 200 : 20, seed: FUZZ_SEED },
      );
    },
    BUDGET.testTimeoutMs,
  );

  it(
    'handles the message that froze the server, and the other known shapes, at 100 KB',
    () => {
      const known = [['='], ['-'], ['_'], ['.'], ['<'], ['<a'], ['&#'], ['['], ['4242 '], [' '], ['eyJ-'], ['!']];
      for (const pieces of known) {
        for (const step of textSteps(message(pieces, 'A', 2 * SIZE))) {
          const ms = fastest(step.run, MAX_STEP_MS);
          figures.add('inputs');
          noteWorst(ms, step.name, pieces, 'A');
          expect({ step: step.name, pieces, fast: ms < MAX_STEP_MS }).toEqual({ step: step.name, pieces, fast: true });
        }
      }
    },
    BUDGET.testTimeoutMs,
  );
});
