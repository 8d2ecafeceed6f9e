/** One period's view of the report input: the filtered tickets and escalations the sections count. */
import type { EscalationFact, ReportInput, TicketFact } from './facts';
import { escalationMatches, ticketMatches } from './filters';
import type { Period } from './period';
import { within } from './stats';

export type PeriodName = 'current' | 'previous';

export interface Scope {
  input: ReportInput;
  which: PeriodName;
  period: Period;
  /** Every window ticket that passes the filters (not only those created in the period). */
  tickets: readonly TicketFact[];
  byId: ReadonlyMap<string, TicketFact>;
  /** Filtered escalations created in the period. */
  escalations: readonly EscalationFact[];
}

// The report takes three scopes of one input (both periods, and the backlog's); the ticket lookups and the filter
// pass are the same for each, so they are made once per input.
const perInput = new WeakMap<ReportInput, { all: Map<string, TicketFact>; tickets: TicketFact[]; byId: Map<string, TicketFact> }>();

function ticketsOf(input: ReportInput) {
  const hit = perInput.get(input);
  if (hit) return hit;
  const tickets = input.tickets.filter((t) => ticketMatches(input.filters, t));
  const made = { all: new Map(input.tickets.map((t) => [t.ticketId, t])), tickets, byId: new Map(tickets.map((t) => [t.ticketId, t])) };
  perInput.set(input, made);
  return made;
}

export function scopeOf(input: ReportInput, which: PeriodName): Scope {
  const period = input[which];
  const { all, tickets, byId } = ticketsOf(input);
  const escalations = input.escalations.filter((e) => within(e.createdAt, period) && escalationMatches(input.filters, e, all));
  return { input, which, period, tickets, byId, escalations };
}

/** Tickets created in the period: the cohort whose SLA clocks the attainment section judges. */
export const createdIn = (scope: Scope) => scope.tickets.filter((t) => within(t.createdAt, scope.period));
