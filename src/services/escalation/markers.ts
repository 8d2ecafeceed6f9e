/**
 * Exactly once on a non-idempotent API. `POST /tickets` and `POST /conversations/{id}/reply` have no
 * idempotency key, and an answer lost on the way back (timeout, dropped connection, a 5xx after the write) leaves
 * us not knowing whether Intercom acted. So every ticket and note carries a reference line naming its
 * escalation, and before any retry we look for it:
 * - the ticket: among the tickets the conversation's `linked_objects` lists (a Back-office ticket created with
 *   `conversation_to_link_id` is linked at creation), read with `GET /tickets/{id}`, its description ending in
 *   the ticket reference;
 * - the note: among the conversation's parts (the 500 most recent; the note is recent).
 * Escalation ids are UUIDs, so the references survive HTML escaping and cannot occur by accident.
 */
import type { Conversation, IntercomClient, Ticket } from '../../intercom';

export function ticketReference(escalationId: string): string {
  return `Handoff escalation ref: ${escalationId}`;
}

export function noteReference(escalationId: string): string {
  return `Handoff note ref: ${escalationId}`;
}

/** The ticket description: the summary, then the reference as the last line. */
export function ticketDescription(summary: string, escalationId: string): string {
  return `${summary}\n\n${ticketReference(escalationId)}`;
}

export function carriesTicketReference(ticket: Ticket, escalationId: string): boolean {
  const description = ticket.ticket_attributes['_default_description_'];
  return typeof description === 'string' && description.includes(ticketReference(escalationId));
}

export function carriesNoteReference(conversation: Conversation, escalationId: string): boolean {
  const reference = noteReference(escalationId);
  return conversation.conversation_parts.conversation_parts.some((part) => part.body?.includes(reference) ?? false);
}

/**
 * The ticket this escalation already created, if any. `skip` holds tickets known to belong to other
 * escalations (from our store), which saves reading them again.
 */
export async function findEscalationTicket(
  client: IntercomClient,
  conversationId: string,
  escalationId: string,
  skip: ReadonlySet<string>,
): Promise<Ticket | null> {
  const conversation = await client.conversations.get(conversationId);
  const candidates = conversation.linked_objects.data.filter((o) => o.type === 'ticket' && !skip.has(o.id)).map((o) => o.id);
  const tickets = await Promise.all(candidates.map((id) => client.tickets.get(id)));
  return tickets.find((ticket) => carriesTicketReference(ticket, escalationId)) ?? null;
}
