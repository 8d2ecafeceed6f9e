/**
 * The triage model beside the rules (issue 16): a small linear classifier over the five outcomes, trained by
 * `npm run train:triage` on the dev chats and shipped as weights.json. Pure and deterministic; the weights are
 * parsed once, on first use.
 */
import { oneLine, truncate } from '../../text';
import type { TriageInput, TriageOutcome } from '../types';
import { featuresOf } from './features';
import { scoreFeatures, strongestMessage } from './score';
import shipped from './weights.json';
import { type LinearModel, MODEL_OUTCOMES, modelFromFile, type WeightsFile } from './weights-format';

export interface ModelEvidence {
  messageIndex: number;
  quote: string;
}

export interface TriageModelScores {
  /** Probability per outcome. */
  probability: Readonly<Record<TriageOutcome, number>>;
  /** Most probable outcome. */
  best: TriageOutcome;
  /** The customer message whose wording speaks most for an outcome (null when the chat has no customer text). */
  evidenceFor(outcome: TriageOutcome): ModelEvidence | null;
}

let loaded: LinearModel | null = null;

export function shippedModel(): LinearModel {
  loaded ??= modelFromFile(shipped as WeightsFile);
  return loaded;
}

const QUOTE_CHARS = 140;

/** Scores a conversation; `signals` are the rule engine's fact ids (used only by a model trained with them). */
export function scoreConversation(input: TriageInput, signals: readonly string[], model: LinearModel = shippedModel()): TriageModelScores {
  const features = featuresOf(input, model.usesSignals ? signals : []);
  const { probabilities, best } = scoreFeatures(model, features);
  const probability = Object.fromEntries(MODEL_OUTCOMES.map((o, i) => [o, probabilities[i]!])) as Record<TriageOutcome, number>;
  return {
    probability,
    best: MODEL_OUTCOMES[best]!,
    evidenceFor(outcome) {
      const message = strongestMessage(model, features.messages, MODEL_OUTCOMES.indexOf(outcome));
      return message ? { messageIndex: message.index, quote: truncate(oneLine(message.text), QUOTE_CHARS) } : null;
    },
  };
}
