/** Store rows → the pure report's facts. A row the domain cannot read (an unknown value, a malformed clock) is dropped from the figure it would feed, never guessed. */
import { isPriority, isQueueKey, isStateCategory, type Priority, type QueueKey } from '../../domain/model';
import type { DeadJobFact, EscalationFact, FeedbackFact, IncidentFact, TicketFact } from '../../domain/reports/facts';
import { readFigures } from '../../domain/reports/figures-codec';
import type { TicketFigures } from '../../domain/reports/ticket-figures';
import type { ReportEscalationRow, ReportFeedbackRow, ReportIncidentRow, ReportTicketRow } from '../../store';

const priorityOrNull = (v: string | null): Priority | null => (isPriority(v) ? v : null);
const queueOrNull = (v: string | null): QueueKey | null => (isQueueKey(v) ? v : null);

/**
 * The window's tickets as facts, each with its stored figures (the store returns them only when they were measured
 * with the workspace's business hours now) or those in `worked`; the ids of the rest, whose figures the caller
 * works out from their clocks.
 */
export function ticketFacts(
  rows: readonly ReportTicketRow[],
  worked: ReadonlyMap<string, TicketFigures> = new Map(),
): { facts: TicketFact[]; unmeasured: string[] } {
  const facts: TicketFact[] = [];
  const unmeasured: string[] = [];
  for (const row of rows) {
    if (!isStateCategory(row.stateCategory)) continue;
    const figures = worked.get(row.ticketId) ?? (row.figures === null ? null : readFigures(row.figures));
    if (!figures) {
      unmeasured.push(row.ticketId);
      continue;
    }
    facts.push({
      ticketId: row.ticketId,
      createdAt: row.createdAt,
      state: row.stateCategory,
      isOpen: row.isOpen,
      priority: priorityOrNull(row.priority),
      queue: queueOrNull(row.queue),
      teamId: row.teamId,
      ...figures,
    });
  }
  return { facts, unmeasured };
}

const ESCALATION_STATUSES = ['queued', 'creating', 'linked', 'failed'] as const;

export function escalationFacts(rows: readonly ReportEscalationRow[]): EscalationFact[] {
  return rows.flatMap((r) => {
    const status = ESCALATION_STATUSES.find((s) => s === r.status);
    if (!status) return [];
    return [{ ...r, status, queue: queueOrNull(r.queue), priority: priorityOrNull(r.priority) }];
  });
}

export function feedbackFacts(rows: readonly ReportFeedbackRow[]): FeedbackFact[] {
  return rows.flatMap((r) => {
    const finalQueue = queueOrNull(r.finalQueue);
    const finalPriority = priorityOrNull(r.finalPriority);
    if (!finalQueue || !finalPriority) return [];
    return [{ ...r, suggestedPriority: priorityOrNull(r.suggestedPriority), finalQueue, finalPriority }];
  });
}

export const deadJobFacts = (rows: readonly DeadJobFact[]): DeadJobFact[] => [...rows];

export function incidentFacts(rows: readonly ReportIncidentRow[]): IncidentFact[] {
  return rows.map((r) => ({
    trackerId: r.trackerId,
    ticketNumber: r.ticketNumber,
    title: r.title,
    state: r.stateCategory,
    openedAt: r.firstLinkedAt,
    resolvedAt: r.resolvedAt,
    linked: r.standing,
  }));
}
