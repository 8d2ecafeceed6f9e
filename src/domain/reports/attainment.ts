/**
 * Section 2: SLA attainment of the tickets created in the period, judged now: each clock met (stopped within its
 * target), breached (its budget ran out, stopped or not) or still running (neither yet, paused included). Plus the
 * ladder steps that fired in the period and the time clocks stood paused waiting on the customer.
 */
import { CLOCK_KINDS, type ClockKind, LADDER_STEPS, PRIORITIES, QUEUE_KEYS, TIERS } from '../model';
import { clockOutcome, pausedWithin } from './clock-time';
import { FIRING_SLOTS, firingSlot, type TicketFact } from './facts';
import type { ClockFigures } from './ticket-figures';
import { createdIn, type Scope } from './scope';
import { groupBy, share } from './stats';
import { type Cell, percent, type ReportTable } from './table';

export type Outcome = 'met' | 'breached' | 'running';

export interface Attainment {
  /** met / (met + breached) per clock kind: the share of decided clocks that met their target. */
  attained: Record<ClockKind, number | null>;
  byPriorityTier: ReportTable;
  byQueue: ReportTable;
  ladder: ReportTable;
  breaches: number;
  pausedMs: number;
}

const outcomeOf = (clock: ClockFigures, scope: Scope): Outcome => clockOutcome(clock, scope.input.now, scope.input.policy);

interface Tally {
  met: number;
  breached: number;
  running: number;
}

/** Each cohort ticket's clock outcomes, judged once: the tables tally the same tickets in several groupings. */
type Judged = { ticket: TicketFact } & Record<ClockKind, Outcome | null>;

function judge(tickets: readonly TicketFact[], scope: Scope): Judged[] {
  return tickets.map((ticket) => ({
    ticket,
    response: ticket.response ? outcomeOf(ticket.response, scope) : null,
    resolution: ticket.resolution ? outcomeOf(ticket.resolution, scope) : null,
  }));
}

function tally(judged: readonly Judged[], kind: ClockKind): Tally {
  const t: Tally = { met: 0, breached: 0, running: 0 };
  for (const j of judged) {
    const outcome = j[kind];
    if (outcome) t[outcome] += 1;
  }
  return t;
}

function tallyCells(t: Tally): Cell[] {
  const total = t.met + t.breached + t.running;
  return [total, percent(share(t.met, total)), percent(share(t.breached, total)), percent(share(t.running, total))];
}

const STEP_LABELS = { warn: 'Warning (owner)', escalate: 'Escalated to the lead', breach: 'Breached (reassigned)' } as const;

const TALLY_COLUMNS = ['clocks', 'met %', 'breached %', 'running %'];
const kindLabel = (k: ClockKind) => (k === 'response' ? 'Response' : 'Resolution');
const TALLY_HEADERS = CLOCK_KINDS.flatMap((k) => TALLY_COLUMNS.map((c) => `${kindLabel(k)} ${c}`));

/** Ladder steps fired in the period by the scope's tickets (window tickets passing the filters), per `FIRING_SLOTS`. */
function firedIn(scope: Scope): number[] {
  const sums = FIRING_SLOTS.map(() => 0);
  for (const tally of scope.input.firings) {
    if (!scope.byId.has(tally.ticketId)) continue;
    tally[scope.which].forEach((n, i) => {
      sums[i]! += n;
    });
  }
  return sums;
}

export function attainment(scope: Scope): Attainment {
  const cohort = judge(createdIn(scope), scope);
  const cells = (judged: readonly Judged[]) => CLOCK_KINDS.flatMap((k) => tallyCells(tally(judged, k)));
  const matrix = groupBy(
    cohort.filter((j) => j.ticket.response || j.ticket.resolution),
    (j) => `${j.ticket.priority}\u0000${j.ticket.tier}`,
  );
  const matrixRows: Cell[][] = [];
  for (const priority of PRIORITIES) {
    for (const tier of TIERS) {
      const group = matrix.get(`${priority}\u0000${tier}`);
      if (group) matrixRows.push([priority, tier, ...cells(group)]);
    }
  }
  const byQueue = groupBy(cohort, (j) => String(j.ticket.queue));
  const queueRows = QUEUE_KEYS.flatMap((q) => {
    const group = byQueue.get(q);
    return group ? [[q, ...cells(group)]] : [];
  });
  const fired = firedIn(scope);
  const ladderRows = LADDER_STEPS.map((step) => [STEP_LABELS[step], ...CLOCK_KINDS.map((kind) => fired[firingSlot(step, kind)]!)]);
  const attained = Object.fromEntries(
    CLOCK_KINDS.map((k) => {
      const t = tally(cohort, k);
      return [k, share(t.met, t.met + t.breached)];
    }),
  ) as Record<ClockKind, number | null>;
  const pausedMs = scope.tickets.reduce((sum, t) => sum + pausedWithin(t.pausedSpans, scope.period, scope.input.now), 0);
  return {
    attained,
    byPriorityTier: {
      id: 'sla-by-priority-tier',
      title: 'SLA by priority and tier',
      columns: ['Priority', 'Tier', ...TALLY_HEADERS],
      rows: matrixRows,
    },
    byQueue: { id: 'sla-by-queue', title: 'SLA by queue', columns: ['Queue', ...TALLY_HEADERS], rows: queueRows },
    ladder: { id: 'ladder-steps', title: 'Ladder steps fired', columns: ['Step', 'Response clock', 'Resolution clock'], rows: ladderRows },
    breaches: CLOCK_KINDS.reduce((sum, kind) => sum + fired[firingSlot('breach', kind)]!, 0),
    pausedMs,
  };
}
