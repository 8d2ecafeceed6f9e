/**
 * Section 6: how often the agents kept triage's suggestion, from the suggestions recorded beside each escalation
 * (judged ones only: a fallback is no suggestion). Queue kept: the agent's queue is the suggested outcome's queue.
 * Priority kept: the same priority. Corrections: suggested → chosen, most common first.
 */
import { QUEUE_KEYS, type QueueKey } from '../model';
import { queueKeyFor, TRIAGE_OUTCOMES, type TriageOutcome } from '../triage';
import type { FeedbackFact } from './facts';
import type { Scope } from './scope';
import { countBy, groupBy, share } from './stats';
import { percent, type ReportTable } from './table';

export interface TriageAccuracy {
  judged: number;
  queueKept: number | null;
  priorityKept: number | null;
  byQueue: ReportTable;
  corrections: ReportTable;
}

const CORRECTIONS_SHOWN = 10;

function suggestedQueue(f: FeedbackFact): QueueKey | 'keep in chat' | null {
  const outcome = TRIAGE_OUTCOMES.find((o) => o === f.suggestedOutcome) as TriageOutcome | undefined;
  if (!outcome) return null;
  return outcome === 'stay_in_chat' ? 'keep in chat' : queueKeyFor(outcome);
}

/** A judged suggestion with its suggested queue read once (the outcome lookup is the costly part at 10,000 rows). */
interface Judged {
  fact: FeedbackFact;
  suggested: QueueKey | 'keep in chat' | null;
}

const queueKept = (j: Judged) => j.suggested === j.fact.finalQueue;
const priorityKept = (j: Judged) => j.fact.suggestedPriority === j.fact.finalPriority;

export function triageAccuracy(scope: Scope): TriageAccuracy {
  const ids = new Set(scope.escalations.map((e) => e.id));
  const judged: Judged[] = scope.input.feedback
    .filter((f) => f.judged && ids.has(f.escalationId))
    .map((fact) => ({ fact, suggested: suggestedQueue(fact) }));
  const bySuggested = groupBy(judged, (j) => String(j.suggested));
  const byQueue = QUEUE_KEYS.map((q) => {
    const group = bySuggested.get(q) ?? [];
    return [
      q,
      group.length,
      percent(share(group.filter(queueKept).length, group.length)),
      percent(share(group.filter(priorityKept).length, group.length)),
    ];
  }).filter((row) => row[1] !== 0);
  const corrected = judged.filter((j) => !queueKept(j) || !priorityKept(j));
  const counts = countBy(
    corrected,
    ({ fact: f, suggested }) => `${suggested ?? f.suggestedOutcome} ${f.suggestedPriority ?? '–'}\u0000${f.finalQueue} ${f.finalPriority}`,
  );
  const corrections = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, CORRECTIONS_SHOWN)
    .map(([key, n]) => [...key.split('\u0000'), n]);
  return {
    judged: judged.length,
    queueKept: share(judged.filter(queueKept).length, judged.length),
    priorityKept: share(judged.filter(priorityKept).length, judged.length),
    byQueue: {
      id: 'triage-by-queue',
      title: 'Triage suggestions kept, by suggested queue',
      columns: ['Suggested queue', 'Suggestions', 'Queue kept %', 'Priority kept %'],
      rows: byQueue,
    },
    corrections: {
      id: 'triage-corrections',
      title: 'Most common corrections',
      columns: ['Suggested', 'Chosen', 'Times'],
      rows: corrections,
    },
  };
}
