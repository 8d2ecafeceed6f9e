/**
 * The agent's queue as a triage outcome: the inverse of the engine's `queueKeyFor`, so the two can never disagree.
 * The catch-all `default` queue is no outcome of the policy, so it teaches nothing (null).
 */
import type { QueueKey } from '../model';
import { queueKeyFor, TRIAGE_OUTCOMES, type TriageOutcome } from '../triage';

export function outcomeForQueue(queue: QueueKey): TriageOutcome | null {
  return TRIAGE_OUTCOMES.find((outcome) => queueKeyFor(outcome) === queue) ?? null;
}
