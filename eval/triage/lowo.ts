/**
 * `npm run eval:triage:lowo [-- --signals] [--threshold 0.6]`
 *
 * Leave-one-writer-out over the dev writers a, b, d, e: train the model on three writers, test on the fourth, and
 * print queue accuracy of the rules alone, the model alone and the blend, per held-out writer and averaged (the
 * average of the four writers, so a large writer does not dominate). The rules are not retrained per fold: they were
 * tuned by hand on dev writers, so their figure on a, b and d is not an unseen-writer figure (see the README).
 * The holdout split is never read.
 */
import { triage } from '../../src/domain/triage';
import { blendOutcome } from '../../src/domain/triage/model/blend';
import { scoreConversation } from '../../src/domain/triage/model/index';
import { fit } from '../../src/domain/triage/model/fit';
import { type LabelledCase, loadCases } from './cases';
import { examplesOf, inputOf, trainOptions } from './train';

const WRITERS = ['a', 'b', 'd', 'e'] as const;
const THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8];

interface Fold {
  writer: string;
  n: number;
  rules: number;
  model: number;
  /** Blend accuracy per threshold. */
  blend: number[];
}

function argValue(argv: readonly string[], flag: string): string | null {
  const i = argv.indexOf(flag);
  return i >= 0 ? (argv[i + 1] ?? null) : null;
}

function runFold(all: readonly LabelledCase[], writer: string, argv: readonly string[]): Fold {
  const options = trainOptions(argv);
  const train = all.filter((c) => c.writer !== writer);
  const test = all.filter((c) => c.writer === writer);
  const model = fit(examplesOf(train, options.usesSignals), options);
  const fold: Fold = { writer, n: test.length, rules: 0, model: 0, blend: THRESHOLDS.map(() => 0) };
  for (const c of test) {
    const rec = triage(inputOf(c));
    const scores = scoreConversation(inputOf(c), rec.signals, model);
    if (rec.outcome === c.gold.outcome) fold.rules++;
    if (scores.best === c.gold.outcome) fold.model++;
    THRESHOLDS.forEach((threshold, i) => {
      if (blendOutcome(rec, scores, { threshold }).outcome === c.gold.outcome) fold.blend[i]!++;
    });
  }
  return fold;
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1).padStart(5)} %`;

function main(): void {
  const argv = process.argv.slice(2);
  const chosen = Number(argValue(argv, '--threshold') ?? Number.NaN);
  const all = loadCases('dev');
  const folds = WRITERS.map((writer) => runFold(all, writer, argv));
  const header = ['held out', '   n', '  rules', '  model', ...THRESHOLDS.map((t) => `blend@${t}`)];
  console.log(`Leave-one-writer-out, queue accuracy${argv.includes('--signals') ? ' (model uses rule signals)' : ''}`);
  console.log(header.join('  '));
  for (const f of folds) {
    console.log([f.writer.padEnd(8), String(f.n).padStart(4), pct(f.rules, f.n), pct(f.model, f.n), ...f.blend.map((b) => pct(b, f.n).padStart(9))].join('  '));
  }
  const mean = (pick: (f: Fold) => number) => folds.reduce((sum, f) => sum + pick(f) / f.n, 0) / folds.length;
  const avg = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
  console.log(
    ['average'.padEnd(8), '    ', avg(mean((f) => f.rules)), avg(mean((f) => f.model)), ...THRESHOLDS.map((_, i) => avg(mean((f) => f.blend[i]!)).padStart(9))].join('  '),
  );
  if (!Number.isNaN(chosen)) console.log(`(shipped blend threshold: ${chosen})`);
}

main();
