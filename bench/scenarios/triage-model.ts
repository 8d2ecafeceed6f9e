/**
 * The triage model beside the rules (issue 16): time to score a 500-part conversation whose messages are 100 KB
 * each, alone and inside triage() (rules, then the blend), with the rules alone beside it. The budget is 5 ms for
 * the whole triage; the model's share should be a small part of it (its reading is capped at MODEL_TEXT_CAP).
 */
import { triage } from '../../src/domain/triage';
import { scoreConversation } from '../../src/domain/triage/model/index';
import { rulesOnly } from '../../src/domain/triage/model/wire';
import { atMost, type Row, row } from '../report/rows';
import { percentile } from '../stats';

const PARTS = 500;
const MESSAGE_BYTES = 100 * 1024;
const WORDS = 'our invoice shows the seat twice and since the update the export fails with error 502 for the whole team'.split(' ');

function bigConversation() {
  const body = (shift: number) => {
    let text = '';
    for (let k = 0; text.length < MESSAGE_BYTES; k++) text += `${WORDS[(k * 7 + shift) % WORDS.length]} `;
    return text.slice(0, MESSAGE_BYTES);
  };
  const messages = Array.from({ length: PARTS }, (_, i) => ({
    author: i % 2 === 0 ? ('customer' as const) : ('teammate' as const),
    text: body(i),
  }));
  return { messages, tier: 'enterprise' as const, renewalInDays: 40 };
}

function medianMs(iterations: number, run: () => unknown): number {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return percentile(samples, 50);
}

export function triageModelRows(iterations = 50): Row[] {
  const input = bigConversation();
  const signals = rulesOnly(() => triage(input)).signals;
  const model = medianMs(iterations, () => scoreConversation(input, signals));
  const rules = medianMs(iterations, () => rulesOnly(() => triage(input)));
  const both = medianMs(iterations, () => triage(input));
  const detail = `${PARTS} parts × 100 KB; median of ${iterations}; rules alone ${rules.toFixed(2)} ms, model alone ${model.toFixed(2)} ms`;
  return [
    row('triage.model_500', 'Triage model, 500-part chat', model, 'ms', null, detail),
    row('triage.with_model_500', 'Triage (rules + model), 500-part chat', both, 'ms', atMost(5), detail),
  ];
}
