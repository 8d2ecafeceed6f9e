/**
 * Trains the triage model: multinomial logistic regression by stochastic gradient descent with L2 shrinkage.
 * Deterministic: the example order comes from a seeded generator, there is no other randomness, and the arithmetic
 * runs in a fixed order. Rare features (seen in fewer than minDocs conversations) are dropped before training and
 * only the maxFeatures strongest are kept after, so the shipped file stays small.
 */
import { featureValue, softmax } from './score';
import type { LinearModel } from './weights-format';
import { MODEL_OUTCOMES } from './weights-format';

export interface TrainingExample {
  features: ReadonlySet<string>;
  /** Index into MODEL_OUTCOMES. */
  label: number;
}

export interface FitOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  minDocs: number;
  /** After training, only this many features are kept: those with the largest weight magnitude (the file's size). */
  maxFeatures: number;
  seed: number;
  usesSignals: boolean;
}

/** Chosen by leave-one-writer-out accuracy of the model alone (see the folder README). */
export const DEFAULT_FIT: FitOptions = {
  epochs: 60,
  learningRate: 1,
  l2: 1e-4,
  minDocs: 3,
  maxFeatures: 30_000,
  seed: 16,
  usesSignals: true,
};

/** mulberry32: a small seeded generator, enough for shuffling. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function vocabulary(examples: readonly TrainingExample[], minDocs: number): Map<string, number> {
  const docs = new Map<string, number>();
  for (const example of examples) for (const f of example.features) docs.set(f, (docs.get(f) ?? 0) + 1);
  const kept = [...docs.entries()]
    .filter(([, n]) => n >= minDocs)
    .map(([f]) => f)
    .sort();
  return new Map(kept.map((f, i) => [f, i]));
}

export function trainModel(examples: readonly TrainingExample[], options: FitOptions = DEFAULT_FIT): LinearModel {
  const k = MODEL_OUTCOMES.length;
  const vocab = vocabulary(examples, options.minDocs);
  const weights = new Float64Array(vocab.size * k);
  const bias = new Float64Array(k);
  const encoded = examples.map((example) => ({
    ids: [...example.features].map((f) => vocab.get(f)).filter((id): id is number => id !== undefined),
    value: featureValue(example.features.size),
    label: example.label,
  }));
  const random = seeded(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch * 0.1);
    const shrink = 1 - rate * options.l2;
    for (const index of shuffled(encoded.length, random)) {
      const { ids, value, label } = encoded[index]!;
      const logits = Array.from(bias);
      for (const id of ids) for (let c = 0; c < k; c++) logits[c]! += weights[id * k + c]! * value;
      const probabilities = softmax(logits);
      for (let c = 0; c < k; c++) {
        const gradient = probabilities[c]! - (c === label ? 1 : 0);
        bias[c]! -= rate * gradient;
        for (const id of ids) weights[id * k + c] = weights[id * k + c]! * shrink - rate * gradient * value;
      }
    }
  }
  const strongest = [...vocab.entries()]
    .map(([name, id]) => ({ name, row: Array.from(weights.subarray(id * k, id * k + k)) }))
    .map((entry) => ({ ...entry, strength: Math.max(...entry.row.map(Math.abs)) }))
    .sort((x, y) => y.strength - x.strength || (x.name < y.name ? -1 : 1))
    .slice(0, options.maxFeatures);
  const rows = new Map(strongest.map((entry) => [entry.name, entry.row]));
  return { usesSignals: options.usesSignals, bias: Array.from(bias), rows };
}
