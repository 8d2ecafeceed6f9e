/**
 * The learning replay behind `npm run eval:learning`: a labelled stream goes through in order; for each case the
 * engine predicts (once as shipped, once with what the workspace has learnt so far), the prediction is scored
 * against the label the simulated workspace gives, and only then does the learner see that label. Nothing is
 * scored on a case the learner has already seen in that pass's future.
 */
import { type TriageInput, type TriageOutcome, triage } from '../../src/domain/triage';
import { createLearner, type LearnerOptions } from '../../src/domain/triage-learning';

export interface StreamCase {
  id: string;
  input: TriageInput;
  /** The outcome this workspace's agents choose (the policy's, or the workspace's own habit). */
  label: TriageOutcome;
  /** The workspace's habit changed the policy's outcome for this case. */
  relabelled: boolean;
}

export interface WindowResult {
  from: number;
  to: number;
  cases: number;
  withoutLearning: number;
  withLearning: number;
  relabelled: number;
  relabelledWithout: number;
  relabelledWith: number;
}

function scoresOf(candidates: readonly { outcome: TriageOutcome; score: number }[]): Partial<Record<TriageOutcome, number>> {
  return Object.fromEntries(candidates.map((c) => [c.outcome, c.score]));
}

export function replay(stream: readonly StreamCase[], windowSize: number, options?: LearnerOptions): WindowResult[] {
  const learner = createLearner(options);
  const windows: WindowResult[] = [];
  stream.forEach((item, index) => {
    if (index % windowSize === 0) {
      windows.push({ from: index + 1, to: index, cases: 0, withoutLearning: 0, withLearning: 0, relabelled: 0, relabelledWithout: 0, relabelledWith: 0 });
    }
    const window = windows[windows.length - 1]!;
    const base = triage(item.input);
    const learnt = triage(item.input, learner.adjustments());
    const plain = base.outcome === item.label ? 1 : 0;
    const adapted = learnt.outcome === item.label ? 1 : 0;
    window.to = index + 1;
    window.cases++;
    window.withoutLearning += plain;
    window.withLearning += adapted;
    if (item.relabelled) {
      window.relabelled++;
      window.relabelledWithout += plain;
      window.relabelledWith += adapted;
    }
    learner.observe({ signals: base.signals, baseScores: scoresOf(base.candidates), label: item.label });
  });
  return windows;
}
