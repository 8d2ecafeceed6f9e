/** Tickets, ticket types and ticket parts as Intercom 2.16 returns them. */
import { assigneeInt, authorJson, contactRefsJson, linkedObjectsJson, withOptional } from './serialize-common';
import type { FakePart, FakeTicket, FakeTicketAttribute, FakeTicketState, FakeTicketType, FakeWorkspace } from './state';

export function ticketStateJson(state: FakeTicketState) {
  return {
    type: 'ticket_state',
    id: state.id,
    category: state.category,
    internal_label: state.internalLabel,
    external_label: state.externalLabel,
  };
}

function attributeJson(workspace: FakeWorkspace, type: FakeTicketType, attribute: FakeTicketAttribute) {
  const inputOptions =
    attribute.dataType === 'list'
      ? { list_options: (attribute.listOptions ?? []).map((option) => ({ id: option.id, label: option.label, archived: false })) }
      : attribute.dataType === 'string'
        ? { multiline: attribute.multiline }
        : {};
  return {
    type: 'ticket_type_attribute',
    id: attribute.id,
    workspace_id: workspace.id,
    name: attribute.name,
    description: attribute.description,
    data_type: attribute.dataType,
    input_options: inputOptions,
    order: attribute.order,
    required_to_create: attribute.requiredToCreate,
    required_to_create_for_contacts: false,
    visible_on_create: attribute.visibleOnCreate,
    visible_to_contacts: !type.isInternal,
    default: attribute.isDefault,
    ticket_type_id: Number(type.id),
    archived: false,
    created_at: type.createdAt,
    updated_at: type.updatedAt,
  };
}

/**
 * `ticket_type_attributes` goes out as `{type:"list", data}`, the shape real payloads have (intercom-node #499),
 * not the `{ticket_type_attributes:[…]}` the schema documents: the client must cope with what Intercom sends.
 */
export function ticketTypeJson(workspace: FakeWorkspace, type: FakeTicketType) {
  return {
    type: 'ticket_type',
    id: type.id,
    category: type.category,
    name: type.name,
    description: type.description,
    icon: type.icon,
    workspace_id: workspace.id,
    archived: type.archived,
    is_internal: type.isInternal,
    created_at: type.createdAt,
    updated_at: type.updatedAt,
    ticket_type_attributes: { type: 'list', data: type.attributes.map((attribute) => attributeJson(workspace, type, attribute)) },
    ticket_states: { type: 'list', data: type.states.map(ticketStateJson) },
  };
}

export function ticketPartJson(workspace: FakeWorkspace, part: FakePart) {
  return withOptional(
    {
      type: 'ticket_part',
      id: part.id,
      part_type: part.partType,
      body: part.body,
      created_at: part.createdAt,
      updated_at: part.createdAt,
      author: authorJson(workspace, part.author),
      attachments: [] as unknown[],
      redacted: false,
      app_package_code: part.viaApi ? 'handoff-fake' : undefined,
    },
    {
      ticket_state: part.ticketState,
      previous_ticket_state: part.previousTicketState,
      assigned_to: part.assignedTo,
      updated_attribute_data: part.updatedAttributeData,
    },
  );
}

export function ticketJson(workspace: FakeWorkspace, ticket: FakeTicket) {
  const type = workspace.ticketTypes.get(ticket.ticketTypeId)!;
  const state = type.states.find((candidate) => candidate.id === ticket.stateId)!;
  return withOptional(
    {
      type: 'ticket',
      id: ticket.id,
      ticket_id: String(ticket.ticketNumber),
      category: ticket.category,
      ticket_attributes: { ...ticket.attributes },
      ticket_state: ticketStateJson(state),
      previous_ticket_state_id: ticket.previousStateId,
      ticket_type: ticketTypeJson(workspace, type),
      contacts: contactRefsJson(workspace, ticket.contactIds),
      admin_assignee_id: assigneeInt(ticket.adminAssigneeId),
      team_assignee_id: assigneeInt(ticket.teamAssigneeId),
      created_at: ticket.createdAt,
      updated_at: ticket.updatedAt,
      open: ticket.open,
      is_shared: ticket.isShared,
      linked_objects: linkedObjectsJson(ticket.links),
      ticket_parts: {
        type: 'ticket_part.list',
        ticket_parts: ticket.parts.slice(-500).map((part) => ticketPartJson(workspace, part)),
        total_count: ticket.parts.length,
      },
    },
    { snoozed_until: ticket.snoozedUntil },
  );
}
