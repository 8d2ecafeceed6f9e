import { featuresOf, MODEL_TEXT_CAP } from '../../../../src/domain/triage/model/features';
import { type TrainingExample, trainModel } from '../../../../src/domain/triage/model/fit';
import { scoreConversation, shippedModel } from '../../../../src/domain/triage/model/index';
import shipped from '../../../../src/domain/triage/model/weights.json';
import { fileFromModel, MODEL_OUTCOMES, modelFromFile, weightsFileSchema } from '../../../../src/domain/triage/model/weights-format';

const chat = {
  messages: [
    { author: 'teammate' as const, text: 'Hi! How can I help?' },
    { author: 'customer' as const, text: 'Die Rechnung wurde doppelt abgebucht, bitte erstatten Sie den Betrag.' },
  ],
  tier: 'pro' as const,
  renewalInDays: 45,
};

describe('triage model features', () => {
  it('are accent-folded words, pairs and char-grams, tagged by author and for the last customer message', () => {
    const { all } = featuresOf(chat, ['money.wrong_charge']);
    for (const feature of [
      'w:rechnung',
      'c|w:rechnung',
      'l|w:rechnung',
      't|w:help',
      'b:doppelt_abgebucht',
      'g:<rech',
      'g:ung>',
      'tier:pro',
      'renew:lt60',
      'sig:money.wrong_charge',
    ]) {
      expect(all.has(feature)).toBe(true);
    }
    expect(all.has('l|w:help')).toBe(false);
  });

  it('read a bounded amount of a hostile 500-part conversation of 100 KB messages, newest first', () => {
    const body = `${'Rechnung abgebucht Fehler '.repeat(4000)}${'x'.repeat(5000)}`.slice(0, 100_000);
    const messages = Array.from({ length: 500 }, (_, i) => ({
      author: i % 2 === 0 ? ('customer' as const) : ('teammate' as const),
      text: body,
    }));
    const features = featuresOf({ messages, tier: null, renewalInDays: null });
    const read = features.messages.reduce((sum, m) => sum + m.text.length, 0);
    expect(read).toBeLessThanOrEqual(MODEL_TEXT_CAP);
    expect(features.messages.map((m) => m.index)).toEqual([499]);
    expect(scoreConversation({ messages, tier: null, renewalInDays: null }, []).best).toBeDefined();
  });
});

describe('shipped triage model', () => {
  it('loads weights of the expected shape: one row of five per name, outcomes in model order', () => {
    const file = weightsFileSchema.parse(shipped);
    expect(file.outcomes).toEqual([...MODEL_OUTCOMES]);
    expect(file.names.length).toBeGreaterThan(1000);
    expect(file.weights).toHaveLength(file.names.length * MODEL_OUTCOMES.length);
    expect(new Set(file.names).size).toBe(file.names.length);
    expect(file.names.every((name) => /^(?:[ctl]\|)?[wbg]:|^tier:|^renew:|^sig:/.test(name))).toBe(true);
    expect(shippedModel().rows.size).toBe(file.names.length);
  });

  it('rejects a weights file whose rows do not match its names', () => {
    const broken = { ...weightsFileSchema.parse(shipped), weights: [1, 2, 3] };
    expect(() => modelFromFile(broken)).toThrow();
  });

  it('rejects a weight that is not an integer, and a name that is not a string', () => {
    const file = weightsFileSchema.parse(shipped);
    expect(() => modelFromFile({ ...file, weights: [...file.weights.slice(0, -1), 0.5] })).toThrow(/integers/);
    expect(() => modelFromFile({ ...file, names: [...file.names.slice(0, -1), 7 as unknown as string] })).toThrow(/strings/);
    expect(() => modelFromFile({ ...file, weights: null as unknown as number[] })).toThrow(/integers/);
  });

  it('scores deterministically, with probabilities that sum to 1', () => {
    const a = scoreConversation(chat, ['money.wrong_charge']);
    const b = scoreConversation(chat, ['money.wrong_charge']);
    expect(a.probability).toEqual(b.probability);
    const total = Object.values(a.probability).reduce((x, y) => x + y, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(a.evidenceFor(a.best)).toEqual({ messageIndex: 1, quote: chat.messages[1]!.text });
  });
});

describe('training', () => {
  const examples: TrainingExample[] = [
    ['refund the double charge', 1],
    ['refund my invoice', 1],
    ['the export crashes', 2],
    ['export crashes again', 2],
    ['thanks that helps', 0],
    ['thanks, all good', 0],
  ].map(([text, label]) => ({
    features: featuresOf({ messages: [{ author: 'customer', text: text as string }], tier: null, renewalInDays: null }).all,
    label: label as number,
  }));
  const options = { epochs: 20, learningRate: 1, l2: 1e-4, minDocs: 1, maxFeatures: 1000, seed: 7, usesSignals: false };

  it('is deterministic: the same examples and options give the same file', () => {
    expect(JSON.stringify(fileFromModel(trainModel(examples, options)))).toBe(JSON.stringify(fileFromModel(trainModel(examples, options))));
  });

  it('keeps at most maxFeatures features and learns its examples', () => {
    expect(trainModel(examples, { ...options, maxFeatures: 10 }).rows.size).toBe(10);
    const model = trainModel(examples, options);
    const predict = (text: string) =>
      scoreConversation({ messages: [{ author: 'customer', text }], tier: null, renewalInDays: null }, [], model).best;
    expect([predict('refund the charge'), predict('the export crashes'), predict('thanks')]).toEqual([
      'billing_legal',
      'technical_bugs',
      'stay_in_chat',
    ]);
  });
});
