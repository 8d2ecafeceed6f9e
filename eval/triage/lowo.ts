/**
 * `npm run eval:triage:lowo [-- <train.ts flags>]`
 *
 * Leave-one-writer-out over every dev writer (a, b, d, e, f, g): train the model on the others, test on the one left out, and
 * print queue accuracy of the rules alone, the model alone and the blend (over a grid of its two thresholds), per
 * held-out writer and averaged over writers (so a large writer does not dominate). The rules are not retrained per
 * fold: they were tuned by hand on dev chats (writers f and g were scored unseen first: eval/triage/records/).
 * The holdout split is never read.
 */
import { triage } from '../../src/domain/triage';
import { BLEND_DEFAULTS, type BlendOptions, blendOutcome } from '../../src/domain/triage/model/blend';
import { trainModel } from '../../src/domain/triage/model/fit';
import { scoreConversation } from '../../src/domain/triage/model/index';
import { rulesOnly } from '../../src/domain/triage/model/wire';
import { loadCases } from './cases';
import { pct as percent, type Scored, type Summary, summarise } from './metrics';
import { examplesOf, inputOf, trainOptions } from './train';

const GAP_THRESHOLDS = [0.4, 0.5, 0.6];
const OVERRULE_THRESHOLDS = [null, 0.7, 0.8, 0.9];

interface Row {
  label: string;
  /** Correct outcomes per held-out writer, in WRITERS order. */
  correct: number[];
}

function blendGrid(): { label: string; options: BlendOptions }[] {
  return GAP_THRESHOLDS.flatMap((threshold) =>
    OVERRULE_THRESHOLDS.flatMap((overrule) =>
      (overrule === null ? [false] : [false, true]).map((switchQueues) => ({
        label: `gap≥${threshold} overrule${overrule === null ? ' never' : `≥${overrule}${switchQueues ? ' any' : ' team/chat'}`}`,
        options: { threshold, overrule, switchQueues },
      })),
    ),
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  const options = trainOptions(argv);
  const all = loadCases('dev');
  const WRITERS = [...new Set(all.map((c) => c.writer))].sort();
  const grid = blendGrid();
  const rules: Row = { label: 'rules alone', correct: [] };
  const model: Row = { label: 'model alone', correct: [] };
  const blends: Row[] = grid.map((g) => ({ label: g.label, correct: [] }));
  const sizes: number[] = [];
  const scoredRules: Scored[] = [];
  const scoredBlend: Scored[] = [];
  for (const writer of WRITERS) {
    const trained = trainModel(
      examplesOf(
        all.filter((c) => c.writer !== writer),
        options.usesSignals,
      ),
      options,
    );
    const test = all.filter((c) => c.writer === writer);
    sizes.push(test.length);
    const counts = { rules: 0, model: 0, blends: grid.map(() => 0) };
    for (const c of test) {
      const rec = rulesOnly(() => triage(inputOf(c)));
      const scores = scoreConversation(inputOf(c), rec.signals, trained);
      if (rec.outcome === c.gold.outcome) counts.rules++;
      const shipped = blendOutcome(rec, scores, BLEND_DEFAULTS, c.tier);
      scoredRules.push({ gold: c.gold, predicted: { outcome: rec.outcome, priority: rec.priority } });
      scoredBlend.push({ gold: c.gold, predicted: { outcome: shipped.outcome, priority: shipped.priority } });
      if (scores.best === c.gold.outcome) counts.model++;
      grid.forEach((g, i) => {
        if (blendOutcome(rec, scores, g.options, c.tier).outcome === c.gold.outcome) counts.blends[i]!++;
      });
    }
    rules.correct.push(counts.rules);
    model.correct.push(counts.model);
    for (const [i, row] of blends.entries()) row.correct.push(counts.blends[i]!);
  }
  const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
  console.log(`Leave-one-writer-out queue accuracy; model: ${JSON.stringify(options)}`);
  console.log(`${''.padEnd(34)}${WRITERS.map((w, i) => `${w} (n=${sizes[i]})`.padStart(11)).join('')}    average`);
  for (const row of [rules, model, ...blends]) {
    const rates = row.correct.map((k, i) => k / sizes[i]!);
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    console.log(`${row.label.padEnd(34)}${rates.map((r) => pct(r).padStart(11)).join('')}    ${pct(mean)}`);
  }
  console.log(`\nAll held-out chats pooled; shipped blend = ${JSON.stringify(BLEND_DEFAULTS)}`);
  for (const [label, rows] of [
    ['rules alone', scoredRules],
    ['shipped blend', scoredBlend],
  ] as const) {
    console.log(`${label.padEnd(16)}${describe(summarise(rows))}`);
  }
}

function describe(s: Summary): string {
  const tickets = `ticket P ${percent(s.ticketTP, s.ticketTP + s.ticketFP)} R ${percent(s.ticketTP, s.ticketTP + s.ticketFN)}`;
  return `queue ${percent(s.queueCorrect, s.cases)}  prio exact ${percent(s.priorityExact, s.priorityPairs)}  ±1 ${percent(s.priorityWithinOne, s.priorityPairs)}  ${tickets}`;
}

main();
