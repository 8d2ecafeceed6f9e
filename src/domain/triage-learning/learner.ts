/**
 * Per-workspace learning from the agents' corrections: an online margin perceptron over the engine's signals.
 *
 * Each example is one escalation: the signals that fired, the engine's score per outcome *before* any
 * adjustment, and the outcome the agent chose. The learner predicts with what it has learnt so far; when it is
 * wrong (or right by less than a margin) it moves every fired signal's bias towards the agent's outcome and away
 * from the best competitor. So the adjustments only ever answer "how does this workspace route differently from
 * the policy", and a workspace that routes as the policy does learns nothing.
 *
 * Guards, because a handful of agents' clicks must not rewrite the policy:
 * - a signal's bias is applied only after it has been seen in `minCount` examples;
 * - every bias decays by `decay` per example, so old habits fade when the workspace changes its mind;
 * - every bias is capped at ±`cap`, so learning can tip a close call but never outvote a strong policy rule.
 * The same code serves the app (replaying stored feedback) and `eval/triage/learning.ts`.
 */
import { TRIAGE_OUTCOMES, type TriageAdjustments, type TriageOutcome } from '../triage';

export interface LearningExample {
  signals: readonly string[];
  baseScores: Readonly<Partial<Record<TriageOutcome, number>>>;
  label: TriageOutcome;
}

export interface LearnerOptions {
  /** Step per mistake, in engine score units. */
  rate: number;
  /** Examples a signal must appear in before its bias is applied. */
  minCount: number;
  /** Fraction of every bias lost per example (0.01 ≈ half-life of 69 examples). */
  decay: number;
  /** Largest absolute bias per signal and outcome. */
  cap: number;
  /** Score lead the label must have before a correct prediction stops teaching. */
  margin: number;
}

export const DEFAULT_LEARNER_OPTIONS: Readonly<LearnerOptions> = Object.freeze({
  rate: 0.5,
  minCount: 3,
  decay: 0.005,
  cap: 2,
  margin: 0.25,
});

export interface Learner {
  observe(example: LearningExample): void;
  /** What the engine should add, for signals seen often enough. */
  adjustments(): TriageAdjustments;
  /** The outcome the learnt adjustments give these base scores and signals. */
  predict(signals: readonly string[], baseScores: LearningExample['baseScores']): TriageOutcome;
}

type Biases = Map<string, Map<TriageOutcome, number>>;

/** A missing score (the engine did not consider that outcome) ranks below every score given. */
function baseOf(scores: LearningExample['baseScores'], outcome: TriageOutcome): number {
  return scores[outcome] ?? Number.NEGATIVE_INFINITY;
}

export function createLearner(options: LearnerOptions = DEFAULT_LEARNER_OPTIONS): Learner {
  const biases: Biases = new Map();
  const counts = new Map<string, number>();
  const active = (signal: string) => (counts.get(signal) ?? 0) >= options.minCount;

  function scored(signals: readonly string[], baseScores: LearningExample['baseScores']): Map<TriageOutcome, number> {
    const out = new Map<TriageOutcome, number>();
    for (const outcome of TRIAGE_OUTCOMES) {
      let score = baseOf(baseScores, outcome);
      for (const signal of new Set(signals)) if (active(signal)) score += biases.get(signal)?.get(outcome) ?? 0;
      out.set(outcome, score);
    }
    return out;
  }

  /** Best first; ties keep the policy's outcome order, as the engine's candidates do. */
  function ranked(scores: Map<TriageOutcome, number>): TriageOutcome[] {
    return [...TRIAGE_OUTCOMES].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  }

  function nudge(signal: string, outcome: TriageOutcome, delta: number) {
    const row = biases.get(signal) ?? new Map<TriageOutcome, number>();
    const next = Math.max(-options.cap, Math.min(options.cap, (row.get(outcome) ?? 0) + delta));
    row.set(outcome, next);
    biases.set(signal, row);
  }

  function decayAll() {
    const keep = 1 - options.decay;
    for (const row of biases.values()) for (const [outcome, bias] of row) row.set(outcome, bias * keep);
  }

  return {
    observe(example) {
      decayAll();
      const signals = [...new Set(example.signals)];
      for (const signal of signals) counts.set(signal, (counts.get(signal) ?? 0) + 1);
      const scores = scored(signals, example.baseScores);
      const rival = ranked(scores).find((outcome) => outcome !== example.label);
      if (rival === undefined) return;
      const lead = (scores.get(example.label) ?? 0) - (scores.get(rival) ?? 0);
      if (lead > options.margin) return;
      for (const signal of signals) {
        nudge(signal, example.label, options.rate);
        nudge(signal, rival, -options.rate);
      }
    },

    adjustments() {
      const bias: Record<string, Partial<Record<TriageOutcome, number>>> = {};
      for (const [signal, row] of biases) {
        if (!active(signal)) continue;
        const entries = [...row].filter(([, value]) => Math.abs(value) >= 1e-3);
        if (entries.length > 0) bias[signal] = Object.fromEntries(entries.map(([o, v]) => [o, Math.round(v * 1000) / 1000]));
      }
      return { bias };
    },

    predict(signals, baseScores) {
      return ranked(scored(signals, baseScores))[0] ?? 'stay_in_chat';
    },
  };
}

/** Replays stored examples oldest first. */
export function learnAdjustments(examples: readonly LearningExample[], options?: LearnerOptions): TriageAdjustments {
  const learner = createLearner(options);
  for (const example of examples) learner.observe(example);
  return learner.adjustments();
}
