/**
 * `npm run train:triage [-- --no-signals --epochs N --lr X --l2 X --min-docs N --max-features N]`
 *
 * Trains the triage model on every dev chat (eval/triage/dev; the holdout split is never read) and writes
 * src/domain/triage/model/weights.json. Deterministic: same data and options, byte-identical file.
 * By default the rule engine's fact ids are features too; the flags are for experiments (lowo.ts takes the same).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { triage } from '../../src/domain/triage';
import { featuresOf } from '../../src/domain/triage/model/features';
import { DEFAULT_FIT, type FitOptions, trainModel, type TrainingExample } from '../../src/domain/triage/model/fit';
import { fileFromModel, MODEL_OUTCOMES } from '../../src/domain/triage/model/weights-format';
import { rulesOnly } from '../../src/domain/triage/model/wire';
import { type LabelledCase, loadCases } from './cases';

export const WEIGHTS_PATH = join(__dirname, '../../src/domain/triage/model/weights.json');

export function inputOf(c: LabelledCase) {
  return { messages: c.messages, tier: c.tier, renewalInDays: c.renewal_in_days };
}

export function examplesOf(cases: readonly LabelledCase[], usesSignals: boolean): TrainingExample[] {
  return cases.map((c) => {
    const signals = usesSignals ? rulesOnly(() => triage(inputOf(c))).signals : [];
    return { features: featuresOf(inputOf(c), signals).all, label: MODEL_OUTCOMES.indexOf(c.gold.outcome) };
  });
}

function numberFlag(argv: readonly string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`${flag} needs a number`);
  return value;
}

/** The shipped options, or overrides for experiments: --no-signals --epochs N --lr X --l2 X --min-docs N --max-features N. */
export function trainOptions(argv: readonly string[]): FitOptions {
  return {
    ...DEFAULT_FIT,
    usesSignals: !argv.includes('--no-signals'),
    epochs: numberFlag(argv, '--epochs', DEFAULT_FIT.epochs),
    learningRate: numberFlag(argv, '--lr', DEFAULT_FIT.learningRate),
    l2: numberFlag(argv, '--l2', DEFAULT_FIT.l2),
    minDocs: numberFlag(argv, '--min-docs', DEFAULT_FIT.minDocs),
    maxFeatures: numberFlag(argv, '--max-features', DEFAULT_FIT.maxFeatures),
  };
}

function main(): void {
  const options = trainOptions(process.argv.slice(2));
  const cases = loadCases('dev');
  const model = trainModel(examplesOf(cases, options.usesSignals), options);
  const json = `${JSON.stringify(fileFromModel(model))}\n`;
  writeFileSync(WEIGHTS_PATH, json);
  console.log(`trained on ${cases.length} dev chats: ${model.rows.size} features, ${(json.length / 1024).toFixed(0)} KB → ${WEIGHTS_PATH}`);
}

if (require.main === module) main();
