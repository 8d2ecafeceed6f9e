/** Section 1: how many conversations became escalations, week by week, and how many against triage's advice. */
import { weeksOf } from './period';
import type { Scope } from './scope';
import { share, within } from './stats';
import type { ReportTable } from './table';

export interface EscalationRate {
  escalations: number;
  seen: number;
  /** Escalations per 100 conversations in which the sidebar was opened; null when none was. */
  per100: number | null;
  /** Of the escalations with a recorded suggestion, the share triage had recommended keeping in chat. */
  againstAdvice: number | null;
  weekly: ReportTable;
}

export function escalationRate(scope: Scope, seen: number): EscalationRate {
  const { escalations, input } = scope;
  const ids = new Set(escalations.map((e) => e.id));
  const feedback = input.feedback.filter((f) => ids.has(f.escalationId));
  const rate = share(escalations.length, seen);
  const rows = weeksOf(scope.period, input.zone).map((w) => [
    w.label,
    escalations.filter((e) => within(e.createdAt, { from: w.start, to: w.end })).length,
  ]);
  return {
    escalations: escalations.length,
    seen,
    per100: rate === null ? null : Math.round(rate * 1000) / 10,
    againstAdvice: share(feedback.filter((f) => f.overrodeKeepInChat).length, feedback.length),
    weekly: { id: 'escalations-weekly', title: 'Escalations per week', columns: ['Week of', 'Escalations'], rows },
  };
}
