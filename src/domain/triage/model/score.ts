/**
 * Scores a conversation with a linear model: softmax over the five outcomes of bias + Σ weights of the features
 * present, each feature valued 1/√(features in the conversation) so long chats do not shout louder than short ones.
 */
import type { ConversationFeatures, MessageFeatures } from './features';
import type { LinearModel } from './weights-format';
import { MODEL_OUTCOMES } from './weights-format';

export interface ModelScores {
  /** Probabilities in MODEL_OUTCOMES order; they sum to 1. */
  probabilities: readonly number[];
  /** The index (into MODEL_OUTCOMES) of the most probable outcome. */
  best: number;
}

export function featureValue(featureCount: number): number {
  return 1 / Math.sqrt(Math.max(1, featureCount));
}

export function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function logitsOf(model: LinearModel, features: Iterable<string>, value: number): number[] {
  const logits = [...model.bias];
  for (const feature of features) {
    const row = model.rows.get(feature);
    if (!row) continue;
    for (let k = 0; k < logits.length; k++) logits[k]! += row[k]! * value;
  }
  return logits;
}

export function scoreFeatures(model: LinearModel, features: ConversationFeatures): ModelScores {
  const probabilities = softmax(logitsOf(model, features.all, featureValue(features.all.size)));
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
  return { probabilities, best };
}

/** The message whose own features speak most for an outcome: the evidence a reason points at. */
export function strongestMessage(model: LinearModel, messages: readonly MessageFeatures[], outcomeIndex: number): MessageFeatures | null {
  let best: MessageFeatures | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const message of messages) {
    if (message.author !== 'customer') continue;
    let score = 0;
    for (const feature of message.features) {
      const row = model.rows.get(feature);
      if (row) score += row[outcomeIndex]! - row.reduce((a, b) => a + b, 0) / MODEL_OUTCOMES.length;
    }
    if (score > bestScore) {
      bestScore = score;
      best = message;
    }
  }
  return best;
}
