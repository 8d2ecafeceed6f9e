/**
 * Section 5: tickets resolved in the period, how many of them were reopened after that resolution (by now), and
 * escalations that failed (Intercom refused the ticket, or its creation was dead-lettered) or whose follow-up
 * work (note, share) was dead-lettered.
 */
import type { Scope } from './scope';
import { countBy, share, within } from './stats';
import type { ReportTable } from './table';

export interface Outcomes {
  resolved: number;
  reopened: number;
  reopenRate: number | null;
  failedEscalations: number;
  deadJobs: number;
  table: ReportTable;
}

export function outcomes(scope: Scope): Outcomes {
  let resolved = 0;
  let reopened = 0;
  for (const ticket of scope.tickets) {
    const resolution = ticket.events.find((e) => e.kind === 'resolved' && within(e.at, scope.period));
    if (!resolution) continue;
    resolved += 1;
    if (ticket.events.some((e) => e.kind === 'reopened' && e.at > resolution.at)) reopened += 1;
  }
  const failedEscalations = scope.escalations.filter((e) => e.status === 'failed').length;
  const dead = scope.input.deadJobs.filter((j) => within(j.createdAt, scope.period));
  const byKind = countBy(dead, (j) => j.kind);
  const rate = share(reopened, resolved);
  return {
    resolved,
    reopened,
    reopenRate: rate,
    failedEscalations,
    deadJobs: dead.length,
    table: {
      id: 'outcomes',
      title: 'Outcomes',
      columns: ['Measure', 'Count'],
      rows: [
        ['Tickets resolved', resolved],
        ['Reopened after resolution', reopened],
        ['Escalations failed', failedEscalations],
        ...[...byKind].map(([kind, n]) => [`Dead-lettered: ${kind}`, n]),
      ],
    },
  };
}
