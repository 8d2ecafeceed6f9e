/** One period's view of the report input: the filtered tickets and escalations the sections count. */
import type { EscalationFact, ReportInput, TicketFact } from './facts';
import { escalationMatches, ticketMatches } from './filters';
import type { Period } from './period';
import { within } from './stats';

export interface Scope {
  input: ReportInput;
  period: Period;
  /** Every window ticket that passes the filters (not only those created in the period). */
  tickets: readonly TicketFact[];
  byId: ReadonlyMap<string, TicketFact>;
  /** Filtered escalations created in the period. */
  escalations: readonly EscalationFact[];
}

export function scopeOf(input: ReportInput, period: Period): Scope {
  const all = new Map(input.tickets.map((t) => [t.ticketId, t]));
  const tickets = input.tickets.filter((t) => ticketMatches(input.filters, t));
  const escalations = input.escalations.filter((e) => within(e.createdAt, period) && escalationMatches(input.filters, e, all));
  return { input, period, tickets, byId: new Map(tickets.map((t) => [t.ticketId, t])), escalations };
}

/** Tickets created in the period: the cohort whose SLA clocks the attainment section judges. */
export const createdIn = (scope: Scope) => scope.tickets.filter((t) => within(t.createdAt, scope.period));
