/**
 * How the page's filters apply. A ticket matches on its own queue, priority, tier (the one its SLA targets came
 * from) and owning team. An escalation matches on the queue and priority the agent chose, and on the tier and team
 * of the ticket it created; an escalation that created no ticket has no tier or team, so it matches only while
 * neither of those is filtered.
 */
import type { EscalationFact, Filters, TicketFact } from './facts';

export function ticketMatches(f: Filters, t: TicketFact): boolean {
  return (
    (f.queue === null || t.queue === f.queue) &&
    (f.priority === null || t.priority === f.priority) &&
    (f.tier === null || t.tier === f.tier) &&
    (f.team === null || t.teamId === f.team)
  );
}

export function escalationMatches(f: Filters, e: EscalationFact, tickets: ReadonlyMap<string, TicketFact>): boolean {
  if (f.queue !== null && e.queue !== f.queue) return false;
  if (f.priority !== null && e.priority !== f.priority) return false;
  if (f.tier === null && f.team === null) return true;
  const ticket = e.ticketId === null ? undefined : tickets.get(e.ticketId);
  if (!ticket) return false;
  return (f.tier === null || ticket.tier === f.tier) && (f.team === null || ticket.teamId === f.team);
}

export const isFiltered = (f: Filters) => f.queue !== null || f.priority !== null || f.tier !== null || f.team !== null;
