/**
 * The rows one ticket of the report history adds beside its snapshot (src/sandbox/report-history.ts): its stored
 * clocks with the ladder steps they fired, its escalation (with a summary the size of a real one) and the triage
 * suggestion recorded with it.
 */
import { type LadderStep, PRIORITIES, type Priority, QUEUE_KEYS, type QueueKey, type Tier } from '../domain/model';
import type { SlaPolicy } from '../domain/settings';
import {
  type ClockState,
  effectiveTargetMs,
  instantWhenSpent,
  ladderFractions,
  meterForClock,
  nextLadderStep,
  spentMs,
} from '../domain/sla';
import { outcomeForQueue } from '../domain/triage-learning';
import type { Tables } from '../store/schema';
import type { HistoryRows } from './report-history';

/** The demo's and the default settings' ladder: warn at 75 %, escalate at 90 %, breach at 100 %. */
const LADDER = { warnAt: 0.75, escalateAt: 0.9 };

/**
 * The clock's row and the ladder steps it fired by `now`; a clock still running is armed for its next step, as the
 * scheduler would have left it, so the ladder goes on from there when the sandbox's time moves.
 */
export function addClock(
  rows: HistoryRows,
  ws: string,
  ticketId: string,
  clock: ClockState,
  basis: { priority: Priority; tier: Tier },
  policy: SlaPolicy,
  now: number,
): void {
  const meter = meterForClock(policy, clock);
  const target = clock.stoppedTargetMs ?? effectiveTargetMs(clock);
  const spent = spentMs(clock, now, meter);
  const fired: LadderStep[] = [];
  for (const { step, fraction } of ladderFractions(LADDER)) {
    if (spent < target * fraction) continue;
    const at = instantWhenSpent(clock, target * fraction, meter);
    if (at === null || !Number.isFinite(at) || at > now) continue;
    fired.push(step);
    rows.ladder_firings.push({
      workspace_id: ws,
      ticket_id: ticketId,
      kind: clock.kind,
      cycle: clock.cycle,
      step,
      due_at: at,
      fired_at: at + 30_000,
    });
  }
  const next = nextLadderStep(clock, LADDER, fired, meter);
  rows.sla_clocks.push({
    workspace_id: ws,
    ticket_id: ticketId,
    kind: clock.kind,
    cycle: clock.cycle,
    state_json: JSON.stringify({ ...clock, basis }),
    status: clock.phase,
    next_fire_at: next?.dueAt ?? null,
    next_step: next?.step ?? null,
    locked_by: null,
    locked_until: null,
    updated_at: now,
  });
}

export function escalation(
  ws: string,
  id: string,
  conversationId: string,
  ticketId: string | null,
  status: 'linked' | 'failed',
  at: number,
  queue: QueueKey,
  priority: Priority,
): Tables['escalations'] {
  const request = { ticketTypeId: null, priority, queue, reason: 'Needs the back-office team', summary: SUMMARY };
  return {
    workspace_id: ws,
    id,
    conversation_id: conversationId,
    contact_id: null,
    admin_id: null,
    idempotency_key: `${id}:key`,
    status,
    forced: 0,
    request_json: JSON.stringify(request),
    queue,
    priority,
    ticket_id: ticketId,
    attempts: status === 'failed' ? 8 : 1,
    last_error: status === 'failed' ? 'Intercom refused the ticket: 422 invalid attribute' : null,
    created_at: at,
    updated_at: at,
  };
}

export function feedback(
  ws: string,
  escalationId: string,
  conversationId: string,
  at: number,
  queue: QueueKey,
  priority: Priority,
  random: () => number,
): Tables['triage_feedback'] {
  const keepInChat = random() < 0.06;
  const kept = random() < 0.8;
  const suggestedQueue = kept ? queue : QUEUE_KEYS[(QUEUE_KEYS.indexOf(queue) + 1) % QUEUE_KEYS.length]!;
  const outcome = keepInChat ? 'stay_in_chat' : (outcomeForQueue(suggestedQueue) ?? 'technical_bugs');
  const priorityKept = random() < 0.75;
  const suggestedPriority = keepInChat ? null : priorityKept ? priority : PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % 4]!;
  return {
    workspace_id: ws,
    id: `${escalationId}-fb`,
    escalation_id: escalationId,
    conversation_id: conversationId,
    created_at: at,
    engine_version: 'history',
    judged: 1,
    suggested_outcome: outcome,
    suggested_priority: suggestedPriority,
    signals_json: '[]',
    base_scores_json: '{}',
    final_queue: queue,
    final_priority: priority,
    overrode_keep_in_chat: keepInChat ? 1 : 0,
  };
}

export const TITLES = [
  'CSV export fails with 502',
  'Charged twice after cancelling',
  'SSO login loops back to the start page',
  'Invoice shows the wrong VAT number',
  'Data missing after the migration',
  'Contract renewal terms disputed',
  'API rate limit reached at low volume',
];

/** Roughly the size of a real handoff summary, so the store holds what production holds. */
const SUMMARY = 'Customer reports the problem in detail; diagnostics collected; transcript excerpt follows. '.repeat(20);
