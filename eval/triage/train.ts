/**
 * `npm run train:triage [-- --signals]`
 *
 * Trains the triage model on every dev chat (eval/triage/dev; the holdout split is never read) and writes
 * src/domain/triage/model/weights.json. Deterministic: same data and options, byte-identical file.
 * `--signals` adds the rule engine's fact ids as features.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { triage } from '../../src/domain/triage';
import { featuresOf } from '../../src/domain/triage/model/features';
import { DEFAULT_FIT, type FitOptions, fit, type TrainingExample } from '../../src/domain/triage/model/fit';
import { fileFromModel, MODEL_OUTCOMES } from '../../src/domain/triage/model/weights-format';
import { type LabelledCase, loadCases } from './cases';

export const WEIGHTS_PATH = join(__dirname, '../../src/domain/triage/model/weights.json');

export function inputOf(c: LabelledCase) {
  return { messages: c.messages, tier: c.tier, renewalInDays: c.renewal_in_days };
}

export function examplesOf(cases: readonly LabelledCase[], usesSignals: boolean): TrainingExample[] {
  return cases.map((c) => {
    const signals = usesSignals ? triage(inputOf(c)).signals : [];
    return { features: featuresOf(inputOf(c), signals).all, label: MODEL_OUTCOMES.indexOf(c.gold.outcome) };
  });
}

export function trainOptions(argv: readonly string[]): FitOptions {
  return { ...DEFAULT_FIT, usesSignals: argv.includes('--signals') };
}

function main(): void {
  const options = trainOptions(process.argv.slice(2));
  const cases = loadCases('dev');
  const model = fit(examplesOf(cases, options.usesSignals), options);
  const json = `${JSON.stringify(fileFromModel(model))}\n`;
  writeFileSync(WEIGHTS_PATH, json);
  console.log(`trained on ${cases.length} dev chats: ${model.rows.size} features, ${(json.length / 1024).toFixed(0)} KB → ${WEIGHTS_PATH}`);
}

if (require.main === module) main();
