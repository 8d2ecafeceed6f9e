/** Store rows → the pure report's facts. A row the domain cannot read (an unknown value, a malformed clock) is dropped from the figure it would feed, never guessed. */
import { isPriority, isQueueKey, isStateCategory, type Priority, type QueueKey, TIERS, type Tier } from '../../domain/model';
import type { DeadJobFact, EscalationFact, FeedbackFact, FiringFact, StateEvent, TicketFact } from '../../domain/reports/facts';
import { type ClockState, clockStateSchema } from '../../domain/sla';
import { CLOCK_KINDS, LADDER_STEPS } from '../../domain/model';
import type { ReportEscalationRow, ReportFeedbackRow, ReportFiringRow, ReportStateEventRow, ReportTicketRow } from '../../store';

const priorityOrNull = (v: string | null): Priority | null => (isPriority(v) ? v : null);
const queueOrNull = (v: string | null): QueueKey | null => (isQueueKey(v) ? v : null);

function clockOf(raw: unknown): ClockState | null {
  if (raw === null) return null;
  const parsed = clockStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The tier the clock's target came from (src/services/sla/clock-record.ts stores it beside the state). */
function tierOf(...raws: unknown[]): Tier | null {
  for (const raw of raws) {
    const tier = (raw as { basis?: { tier?: unknown } } | null)?.basis?.tier;
    if (typeof tier === 'string' && (TIERS as readonly string[]).includes(tier)) return tier as Tier;
  }
  return null;
}

export function ticketFacts(rows: readonly ReportTicketRow[], events: readonly ReportStateEventRow[]): TicketFact[] {
  const byTicket = new Map<string, StateEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId) ?? [];
    list.push({ kind: e.kind, at: e.at });
    byTicket.set(e.ticketId, list);
  }
  const facts: TicketFact[] = [];
  for (const row of rows) {
    if (!isStateCategory(row.stateCategory)) continue;
    facts.push({
      ticketId: row.ticketId,
      ticketNumber: row.ticketNumber,
      conversationId: row.conversationId,
      title: row.title,
      createdAt: row.createdAt,
      state: row.stateCategory,
      isOpen: row.isOpen,
      priority: priorityOrNull(row.priority),
      queue: queueOrNull(row.queue),
      teamId: row.teamId,
      teamName: row.teamName,
      tier: tierOf(row.responseClock, row.resolutionClock),
      response: clockOf(row.responseClock),
      resolution: clockOf(row.resolutionClock),
      events: (byTicket.get(row.ticketId) ?? []).sort((a, b) => a.at - b.at),
    });
  }
  return facts;
}

const ESCALATION_STATUSES = ['queued', 'creating', 'linked', 'failed'] as const;

export function escalationFacts(rows: readonly ReportEscalationRow[]): EscalationFact[] {
  return rows.flatMap((r) => {
    const status = ESCALATION_STATUSES.find((s) => s === r.status);
    if (!status) return [];
    return [{ ...r, status, queue: queueOrNull(r.queue), priority: priorityOrNull(r.priority) }];
  });
}

export function firingFacts(rows: readonly ReportFiringRow[]): FiringFact[] {
  return rows.flatMap((r) => {
    const kind = CLOCK_KINDS.find((k) => k === r.kind);
    const step = LADDER_STEPS.find((s) => s === r.step);
    return kind && step ? [{ ticketId: r.ticketId, kind, step, firedAt: r.firedAt }] : [];
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
