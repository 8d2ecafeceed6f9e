/**
 * Where the model meets the engine: triage() hands its rules-only recommendation here on return. The model is not
 * scored when the rules decided by precedence or when the workspace has learnt routing for a fact that fired
 * (a teammate's correction outranks wording statistics). `rulesOnly` runs triage without the model, for the
 * evaluation's "rules alone" figure and for training (synchronous, so the switch cannot leak into other calls).
 */
import type { TriageAdjustments, TriageInput, TriageRecommendation } from '../types';
import { BLEND_DEFAULTS, blendOutcome, PRECEDENCE_SIGNALS } from './blend';
import { scoreConversation } from './index';

let rulesOnlyDepth = 0;

export function rulesOnly<T>(run: () => T): T {
  rulesOnlyDepth++;
  try {
    return run();
  } finally {
    rulesOnlyDepth--;
  }
}

function learntRoutingApplies(rec: TriageRecommendation, adjustments: TriageAdjustments | undefined): boolean {
  if (!adjustments) return false;
  return rec.signals.some((signal) => Object.values(adjustments.bias[signal] ?? {}).some((delta) => delta !== 0));
}

/**
 * `learntDecided`: the workspace's learnt routing changed which outcome the rules picked. triage() knows it exactly;
 * other callers get the cautious reading (any learnt weight on a fired fact).
 */
export function withModel(
  input: TriageInput,
  rec: TriageRecommendation,
  adjustments?: TriageAdjustments,
  learntDecided: boolean = learntRoutingApplies(rec, adjustments),
): TriageRecommendation {
  if (rulesOnlyDepth > 0 || !rec.judged) return rec;
  if (rec.signals.some((s) => PRECEDENCE_SIGNALS.includes(s)) || learntDecided) return rec;
  return blendOutcome(rec, scoreConversation(input, rec.signals), BLEND_DEFAULTS, input.tier);
}
