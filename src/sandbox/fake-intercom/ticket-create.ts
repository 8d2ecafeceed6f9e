/**
 * Inserting a ticket, shared by `POST /tickets` and `seed.ticket`: a new ticket starts in its type's `submitted`
 * state, open, numbered per workspace (the Inbox "#"), and when a conversation is given it is linked on both sides,
 * as `conversation_to_link_id` does.
 */
import { nextNumericId } from './ids';
import type { FakeConversation, FakeState, FakeTicket, FakeTicketType, FakeWorkspace } from './state';

const TICKET_ID_BASE = 400_000;

export interface NewTicket {
  type: FakeTicketType;
  contactId: string;
  conversation: FakeConversation | null;
  attributes: Record<string, unknown>;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  companyId: string | null;
  /** Unix seconds. */
  createdAt: number;
}

export function insertTicket(state: FakeState, workspace: FakeWorkspace, input: NewTicket): FakeTicket {
  const ticket: FakeTicket = {
    id: nextNumericId(state, TICKET_ID_BASE),
    ticketNumber: workspace.nextTicketNumber++,
    ticketTypeId: input.type.id,
    category: input.type.category,
    attributes: { ...input.attributes },
    stateId: input.type.states.find((candidate) => candidate.category === 'submitted')!.id,
    previousStateId: null,
    contactIds: [input.contactId],
    adminAssigneeId: input.adminAssigneeId,
    teamAssigneeId: input.teamAssigneeId,
    open: true,
    snoozedUntil: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    // Customer tickets are always shared; back-office and tracker tickets start internal.
    isShared: input.type.category === 'Customer',
    companyId: input.companyId,
    parts: [],
    links: [],
  };
  if (input.conversation) {
    ticket.links.push({ type: 'conversation', id: input.conversation.id, category: null });
    input.conversation.links.push({ type: 'ticket', id: ticket.id, category: ticket.category });
    input.conversation.updatedAt = Math.max(input.conversation.updatedAt, input.createdAt);
  }
  workspace.tickets.set(ticket.id, ticket);
  return ticket;
}
