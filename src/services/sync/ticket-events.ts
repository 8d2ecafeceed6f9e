/**
 * What a new view of a ticket means for the SLA clocks and the conversation, decided by comparing it with the
 * snapshot we had. Pure: the apply step (apply-ticket.ts) runs it inside the transaction that writes the
 * snapshot, so webhooks, refreshes and reconciliation all draw the same conclusions from the same facts.
 */
import type { Priority, StateCategory } from '../../domain/model';
import type { Ticket, TicketPart } from '../../intercom';
import type { TicketLink } from '../../store';

/** Appended to every note sync writes, so Handoff's own notes never count as the back-office team's response. */
export const HANDOFF_NOTE_MARK = 'via Handoff';

/**
 * Every marker Handoff's notes carry: sync's, the SLA ladder's reference (src/jobs/ladder-payload.ts) and the
 * escalation's reference lines (src/services/escalation/markers.ts). A ladder warning is not the team acting.
 */
const HANDOFF_MARKERS = [HANDOFF_NOTE_MARK, 'handoff-sla:', 'Handoff note ref:', 'Handoff escalation ref:'];

/**
 * A note Handoff wrote: made through the REST API (Intercom stamps such parts with `app_package_code`) and carrying
 * one of our markers. Either alone is not enough: the markers are plain text that a back-office teammate or a
 * customer on a shared ticket can type (which would hide a real response from the SLA clock), and other
 * integrations post through the API too.
 */
export function isHandoffNote(part: Pick<TicketPart, 'part_type' | 'body' | 'app_package_code'>): boolean {
  if (part.part_type !== 'note' || !part.app_package_code) return false;
  const body = part.body;
  return body !== null && HANDOFF_MARKERS.some((marker) => body.includes(marker));
}

export type ApplySource = 'webhook' | 'refresh' | 'reconcile' | 'action';

export interface TicketEvents {
  stateChange: { category: StateCategory; at: number } | null;
  /** The ticket has just moved into resolved: the conversation's follow-ups are due (keyed by this instant). */
  resolvedAt: number | null;
  priorityChange: { priority: Priority; at: number } | null;
  /** The earliest action of the back-office team this view shows; the SLA service keeps the earliest it ever saw. */
  firstResponseAt: number | null;
}

export interface EventInput {
  before: TicketLink;
  /** The stored snapshot after the write, or null when the view was older than what we had. */
  after: TicketLink | null;
  ticket: Ticket;
  /** The part a webhook reported with the ticket (notes, assignments). */
  part: TicketPart | null;
  source: ApplySource;
  now: number;
}

const seconds = (value: number | null, fallback: number) => (value === null ? fallback : value * 1000);

/** An assignment an app made through the API: Handoff's own 90 %/100 % ladder steps, or another integration. */
function isApiAssignment(part: TicketPart | null): boolean {
  return part?.part_type === 'assignment' && Boolean(part.app_package_code);
}

/**
 * A note by a teammate (not one Handoff wrote), or an assignment of a person by a teammate. Assignments made
 * through the API do not count: the ladder assigning the lead at 90 % must not stop the response clock it is
 * escalating.
 */
export function isTeamAction(part: TicketPart): boolean {
  if (part.part_type === 'note') return part.author?.type === 'admin' && !isHandoffNote(part);
  if (part.part_type === 'assignment') return part.assigned_to?.type === 'admin' && part.assigned_to.id !== null && !isApiAssignment(part);
  return false;
}

/** When the ticket entered `category`: its latest state part saying so, else its `updated_at`. */
export function stateChangedAt(ticket: Ticket, category: StateCategory, now: number): number {
  const parts = ticket.ticket_parts.ticket_parts;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.ticket_state === category && part.created_at !== null) return part.created_at * 1000;
  }
  return seconds(ticket.updated_at, now);
}

/** Whether the ticket's current admin assignment was made by an app (the reported part, or the latest assignment part). */
function assignedThroughApi(input: EventInput): boolean {
  if (input.part) return isApiAssignment(input.part);
  const assignments = input.ticket.ticket_parts.ticket_parts.filter((part) => part.part_type === 'assignment');
  return isApiAssignment(assignments[assignments.length - 1] ?? null);
}

function earliestTeamAction(input: EventInput): number | null {
  const candidates: number[] = [];
  if (input.part && isTeamAction(input.part) && input.part.created_at !== null) candidates.push(input.part.created_at * 1000);
  // A webhook already names the part that changed; a full read (refresh, reconcile) may show actions whose webhooks were lost.
  if (input.source !== 'webhook') {
    for (const part of input.ticket.ticket_parts.ticket_parts) {
      if (isTeamAction(part) && part.created_at !== null) candidates.push(part.created_at * 1000);
    }
  }
  const { before, after } = input;
  if (after?.adminAssigneeId && !before.adminAssigneeId && candidates.length === 0 && !assignedThroughApi(input)) {
    candidates.push(seconds(input.ticket.updated_at, input.now));
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}

export function ticketEvents(input: EventInput): TicketEvents {
  const { before, after, ticket, now } = input;
  const stateChange =
    after && after.stateCategory !== before.stateCategory
      ? { category: after.stateCategory, at: stateChangedAt(ticket, after.stateCategory, now) }
      : null;
  const priorityChange =
    after?.priority && after.priority !== before.priority ? { priority: after.priority, at: seconds(ticket.updated_at, now) } : null;
  return {
    stateChange,
    resolvedAt: stateChange?.category === 'resolved' ? stateChange.at : null,
    priorityChange,
    firstResponseAt: earliestTeamAction(input),
  };
}
