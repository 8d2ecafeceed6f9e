/** Tickets: create (linked to a conversation), read, update, reply/note, search. */
import { FakeHttpError, invalid, notFound } from './http-errors';
import { nextHexId } from './ids';
import type { RouteContext, RouteTable } from './route-types';
import { ticketJson, ticketPartJson } from './serialize-tickets';
import type { FakeContact, FakePart, FakeTicket, FakeWorkspace } from './state';
import {
  addTicketNote,
  addTicketPart,
  assignTicket,
  checkTicketAttributes,
  requireAdmin,
  setTicketState,
  ticketTypeOf,
} from './ticket-ops';
import { insertTicket } from './ticket-create';
import { searchTickets } from './ticket-search';

const CONTACT_ID_PREFIX = '6762f2d8';

function ticketFor({ workspace, params }: RouteContext): FakeTicket {
  const ticket = workspace.tickets.get(params['ticket_id']!);
  if (!ticket) throw notFound('Ticket not found');
  return ticket;
}

/** One of `{id}`, `{external_id}`, `{email}`; an unknown email creates a lead, as Intercom does. */
function resolveContact(context: RouteContext, ref: { id?: string; external_id?: string; email?: string }): FakeContact {
  const contacts = [...context.workspace.contacts.values()];
  const found = contacts.find((contact) =>
    ref.id !== undefined
      ? contact.id === ref.id
      : ref.external_id !== undefined
        ? contact.externalId === ref.external_id
        : contact.email === ref.email,
  );
  if (found) return found;
  if (ref.email === undefined) throw notFound('Contact not found');
  const id = nextHexId(context.state, CONTACT_ID_PREFIX);
  const created: FakeContact = {
    id,
    externalId: null,
    role: 'lead',
    name: null,
    email: ref.email,
    phone: null,
    ownerId: null,
    createdAt: context.now,
    signedUpAt: null,
    lastSeenAt: null,
    browser: null,
    os: null,
    location: null,
    customAttributes: {},
    companyIds: [],
    mergedInto: null,
  };
  context.workspace.contacts.set(id, created);
  return created;
}

function checkAssignee(workspace: FakeWorkspace, id: string | undefined, kind: 'admins' | 'teams'): string | null {
  if (id === undefined) return null;
  if (!workspace[kind].has(id)) throw notFound('Assignee not found', 'assignee_not_found');
  return id;
}

function create(context: RouteContext) {
  const { workspace, body, now } = context;
  const type = workspace.ticketTypes.get(body.ticket_type_id);
  if (!type || type.archived) throw invalid('Ticket type not found', 'ticket_type_id');
  if (body.contacts.length !== 1) throw invalid('Exactly one contact is required', 'contacts');
  const attributes: Record<string, unknown> = body.ticket_attributes ?? {};
  checkTicketAttributes(type, attributes, true);
  const conversation = body.conversation_to_link_id === undefined ? null : workspace.conversations.get(body.conversation_to_link_id);
  if (conversation === undefined) throw notFound('Conversation not found', 'conversation_not_found');
  if (conversation && type.category === 'Customer')
    throw invalid('Only back-office and tracker tickets can be linked to a conversation', 'conversation_to_link_id');
  if (conversation && type.category === 'Tracker' && conversation.links.some((link) => link.category === 'Tracker'))
    throw invalid('A conversation can only have one tracker ticket', 'conversation_to_link_id', 'already_linked_to_tracker');
  if (body.company_id !== undefined && !workspace.companies.has(body.company_id)) throw invalid('Company not found', 'company_id');
  const adminAssigneeId = checkAssignee(workspace, body.assignment?.admin_assignee_id, 'admins');
  const teamAssigneeId = checkAssignee(workspace, body.assignment?.team_assignee_id, 'teams');
  const contact = resolveContact(context, body.contacts[0]);
  const ticket = insertTicket(context.state, workspace, {
    type,
    contactId: contact.id,
    conversation,
    attributes,
    adminAssigneeId,
    teamAssigneeId,
    companyId: body.company_id ?? null,
    createdAt: body.created_at ?? now,
  });
  return ticketJson(workspace, ticket);
}

/** Parts a REST call adds are marked as API-made, as Intercom does with `app_package_code`. */
function markApiParts(ticket: FakeTicket, from: number): void {
  for (const part of ticket.parts.slice(from)) part.viaApi = true;
}

function update(context: RouteContext) {
  const ticket = ticketFor(context);
  const from = ticket.parts.length;
  applyUpdate(context, ticket);
  markApiParts(ticket, from);
  return ticketJson(context.workspace, ticket);
}

function applyUpdate(context: RouteContext, ticket: FakeTicket) {
  const { state, workspace, body, now } = context;
  const type = ticketTypeOf(workspace, ticket);
  // `admin_id` is the actor (an integer in 2.16); without it Intercom attributes the change to the token's admin.
  const actorId = body.admin_id === undefined ? (workspace.meAdminId ?? '0') : requireAdmin(workspace, String(body.admin_id)).id;
  if (body.ticket_attributes !== undefined) {
    checkTicketAttributes(type, body.ticket_attributes, false);
    for (const [name, value] of Object.entries(body.ticket_attributes as Record<string, unknown>)) {
      ticket.attributes[name] = value;
      addTicketPart(state, ticket, {
        partType: 'ticket_attribute_updated_by_admin',
        body: null,
        createdAt: now,
        author: { type: 'admin', id: actorId },
        assignedTo: null,
        updatedAttributeData: { attribute: { name }, value },
      });
    }
  }
  if (body.ticket_state_id !== undefined) setTicketState(state, workspace, ticket, body.ticket_state_id, actorId, now);
  if (body.assignee_id !== undefined) assignTicket(state, workspace, ticket, body.assignee_id, actorId, now);
  if (body.company_id !== undefined) {
    if (!workspace.companies.has(body.company_id)) throw invalid('Company not found', 'company_id');
    ticket.companyId = body.company_id;
  }
  if (body.open !== undefined) ticket.open = body.open;
  if (body.snoozed_until !== undefined) ticket.snoozedUntil = body.snoozed_until;
  if (body.open === false) ticket.snoozedUntil = null;
  if (body.is_shared !== undefined) ticket.isShared = body.is_shared;
  ticket.updatedAt = now;
}

function reply(context: RouteContext) {
  const ticket = ticketFor(context);
  const from = ticket.parts.length;
  const part = applyReply(context, ticket);
  markApiParts(ticket, from);
  return ticketPartJson(context.workspace, part);
}

function applyReply(context: RouteContext, ticket: FakeTicket): FakePart {
  const { state, workspace, body, now } = context;
  if (body.type === 'user') {
    if (ticket.category !== 'Customer')
      throw new FakeHttpError(400, 'parameter_mismatch', 'User replies are not allowed on Backoffice tickets');
    const part = addTicketPart(state, ticket, {
      partType: 'comment',
      body: body.body,
      createdAt: now,
      author: { type: 'user', id: ticket.contactIds[0]! },
      assignedTo: null,
    });
    return part;
  }
  requireAdmin(workspace, body.admin_id);
  if (body.message_type !== 'quick_reply' && !body.body) throw invalid('body is required', 'body');
  if (body.message_type !== 'note' && !ticket.isShared) {
    throw new FakeHttpError(400, 'parameter_mismatch', 'Comments are not allowed on tickets that are not shared with the customer');
  }
  return body.message_type === 'note'
    ? addTicketNote(state, workspace, ticket, body.admin_id, body.body, now, body.cross_post === true)
    : addTicketPart(state, ticket, {
        partType: 'comment',
        body: body.body ?? null,
        createdAt: now,
        author: { type: 'admin', id: body.admin_id },
        assignedTo: null,
      });
}

export const ticketRoutes: RouteTable = {
  'post /tickets': create,
  'get /tickets/{ticket_id}': (context) => ticketJson(context.workspace, ticketFor(context)),
  'put /tickets/{ticket_id}': update,
  'post /tickets/{ticket_id}/reply': reply,
  'post /tickets/search': (context) => searchTickets(context.workspace, context.body),
};
