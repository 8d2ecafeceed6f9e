/**
 * Ticket state changes shared by the REST handlers and the back-office helpers, so a change made "by the
 * back-office team" in the sandbox is exactly what a `PUT /tickets/{id}` would have done.
 */
import type { StateCategory } from '../../domain/model';
import { invalid, notFound } from './http-errors';
import { nextNumericId } from './ids';
import type { FakePart, FakeState, FakeTicket, FakeTicketType, FakeWorkspace } from './state';

const PART_ID_BASE = 70_000_000;

export function ticketTypeOf(workspace: FakeWorkspace, ticket: FakeTicket): FakeTicketType {
  return workspace.ticketTypes.get(ticket.ticketTypeId)!;
}

export function stateCategory(workspace: FakeWorkspace, ticket: FakeTicket): StateCategory {
  return ticketTypeOf(workspace, ticket).states.find((state) => state.id === ticket.stateId)!.category;
}

export function addTicketPart(state: FakeState, ticket: FakeTicket, part: Omit<FakePart, 'id'>): FakePart {
  const created: FakePart = { id: nextNumericId(state, PART_ID_BASE), ...part };
  ticket.parts.push(created);
  ticket.updatedAt = part.createdAt;
  return created;
}

export function requireAdmin(workspace: FakeWorkspace, adminId: string, field = 'admin_id') {
  const admin = workspace.admins.get(adminId);
  if (!admin) throw invalid(`Admin ${adminId} not found`, field);
  return admin;
}

/** Moves a ticket to a state of its own type; resolving closes it, any other state reopens it. */
export function setTicketState(
  state: FakeState,
  workspace: FakeWorkspace,
  ticket: FakeTicket,
  stateId: string,
  actorId: string,
  now: number,
) {
  const type = ticketTypeOf(workspace, ticket);
  const target = type.states.find((candidate) => candidate.id === stateId);
  if (!target)
    throw invalid('Ticket state id is not valid or is not associated with the ticket type', 'ticket_state_id', 'ticket_state_id_invalid');
  if (target.id === ticket.stateId) return null;
  const previous = stateCategory(workspace, ticket);
  ticket.previousStateId = ticket.stateId;
  ticket.stateId = target.id;
  ticket.open = target.category !== 'resolved';
  if (!ticket.open) ticket.snoozedUntil = null;
  return addTicketPart(state, ticket, {
    partType: 'ticket_state_updated_by_admin',
    body: null,
    createdAt: now,
    author: { type: 'admin', id: actorId },
    assignedTo: null,
    ticketState: target.category,
    previousTicketState: previous,
  });
}

/** `assignee_id` semantics: an admin or team id, or "0" for nobody (clears the admin assignee). */
export function assignTicket(
  state: FakeState,
  workspace: FakeWorkspace,
  ticket: FakeTicket,
  assigneeId: string,
  actorId: string,
  now: number,
) {
  let assignedTo: FakePart['assignedTo'];
  if (assigneeId === '0') {
    ticket.adminAssigneeId = null;
    assignedTo = { type: 'nobody_admin', id: null };
  } else if (workspace.admins.has(assigneeId)) {
    ticket.adminAssigneeId = assigneeId;
    assignedTo = { type: 'admin', id: assigneeId };
  } else if (workspace.teams.has(assigneeId)) {
    ticket.teamAssigneeId = assigneeId;
    assignedTo = { type: 'team', id: assigneeId };
  } else {
    throw notFound('Assignee not found', 'assignee_not_found');
  }
  return addTicketPart(state, ticket, {
    partType: 'assignment',
    body: null,
    createdAt: now,
    author: { type: 'admin', id: actorId },
    assignedTo,
  });
}

/** A note on the ticket; `crossPost` copies it into every linked conversation, as Intercom does. */
export function addTicketNote(
  state: FakeState,
  workspace: FakeWorkspace,
  ticket: FakeTicket,
  adminId: string,
  body: string,
  now: number,
  crossPost = false,
) {
  const part = addTicketPart(state, ticket, {
    partType: 'note',
    body,
    createdAt: now,
    author: { type: 'admin', id: adminId },
    assignedTo: null,
  });
  if (crossPost) {
    for (const link of ticket.links.filter((candidate) => candidate.type === 'conversation')) {
      const conversation = workspace.conversations.get(link.id);
      if (!conversation) continue;
      conversation.parts.push({
        id: nextNumericId(state, PART_ID_BASE),
        partType: 'note',
        body,
        createdAt: now,
        author: { type: 'admin', id: adminId },
        assignedTo: null,
      });
      conversation.updatedAt = now;
    }
  }
  return part;
}

/**
 * Checks ticket attributes against the type: known names only, list values must be a list option's id (not its
 * label), and on create every `required_to_create` attribute must be present.
 */
export function checkTicketAttributes(type: FakeTicketType, attributes: Record<string, unknown>, creating: boolean): void {
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = type.attributes.find((candidate) => candidate.name === name);
    if (!attribute) throw invalid(`Ticket attribute ${name} does not exist on ticket type ${type.id}`, name);
    if (attribute.dataType === 'list' && value !== null && !attribute.listOptions?.some((option) => option.id === value)) {
      throw invalid(`${JSON.stringify(value)} is not a list option id of ${name}`, name);
    }
  }
  if (!creating) return;
  const missing = type.attributes.filter((attribute) => attribute.requiredToCreate && attributes[attribute.name] == null);
  if (missing.length > 0)
    throw invalid(`Missing required ticket attributes: ${missing.map((attribute) => attribute.name).join(', ')}`, missing[0]!.name);
}
