/**
 * `npm run eval:incidents [-- --show-errors] [--dev-only]`: precision and recall of "these two conversations report
 * the same problem" on the dev split (tuned on; `--show-errors` lists its wrong pairs and signatures) and the two
 * held-out splits (never tuned on: aggregates only), each also on its cross-language pairs. While tuning, run with
 * `--dev-only`: a held-out figure looked at after every change is tuned on too.
 */
import { problemSignature } from '../../src/domain/incidents/signature';
import { DEV } from './dev';
import { HOLDOUT } from './holdout';
import { HOLDOUT_2 } from './holdout-2';
import { type Counts, messagesOf, type PairScore, scorePairs } from './pairs';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

function figures(score: Counts): string {
  return `precision ${pct(score.precision)} (${score.truePositives}/${score.truePositives + score.falsePositives}), recall ${pct(score.recall)} (${score.truePositives}/${score.together})`;
}

function line(name: string, score: PairScore): string {
  const cross = score.crossLanguage;
  return [
    `${name.padEnd(10)} ${String(score.conversations).padStart(3)} conversations, ${String(score.pairs).padStart(4)} pairs (${score.together} together): ${figures(score)}`,
    `${''.padEnd(10)} cross-language ${String(cross.pairs).padStart(4)} pairs (${cross.together} together): ${figures(cross)}`,
  ].join('\n');
}

const showErrors = process.argv.includes('--show-errors');
const dev = scorePairs(DEV);
console.log(line('dev', dev));
if (!process.argv.includes('--dev-only')) {
  console.log(line('holdout', scorePairs(HOLDOUT)));
  console.log(line('holdout-2', scorePairs(HOLDOUT_2)));
}
if (showErrors) {
  const signature = new Map(DEV.map((item) => [item.id, problemSignature(messagesOf(item)).join(' ')]));
  for (const error of dev.errors)
    console.log(
      `${error.kind} ${error.a} ~ ${error.b} (${error.shared ?? '-'})\n  ${error.a}: ${signature.get(error.a)}\n  ${error.b}: ${signature.get(error.b)}`,
    );
}
