import type { IntercomClient } from '../../src/intercom';
import { bodiesFor, type ClientHarness, useClientHarness } from './support';

describe('tickets and ticket types against the fake Intercom', () => {
  let h: ClientHarness;
  let client: IntercomClient;

  useClientHarness((started) => {
    h = started;
    client = h.client();
  });

  const createEscalation = () =>
    client.tickets.create({
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      contact: { id: h.demo.contacts.vip },
      conversationToLinkId: h.demo.conversations.outage,
      attributes: {
        _default_title_: 'Dashboard outage for Globex',
        _default_description_: 'Summary…',
        Priority: h.demo.backOffice.priorityAttribute.options.P1,
        Queue: h.demo.backOffice.queueAttribute.options.technical,
      },
      assignment: { teamAssigneeId: h.demo.teams.technical },
    });

  it('lists ticket types with states and list attributes, normalising the attribute list shape', async () => {
    const types = await client.ticketTypes.list();
    const backOffice = types.find((type) => type.id === h.demo.backOffice.ticketTypeId)!;
    expect(backOffice.category).toBe('Back-office');
    expect(backOffice.ticket_states.map((state) => state.category)).toEqual([
      'submitted',
      'in_progress',
      'waiting_on_customer',
      'resolved',
    ]);
    const priority = backOffice.ticket_type_attributes.find((attribute) => attribute.name === 'Priority')!;
    expect(priority.data_type).toBe('list');
    expect(priority.input_options?.list_options?.map((option) => option.label)).toEqual(['P1', 'P2', 'P3', 'P4']);
    const one = await client.ticketTypes.get(backOffice.id);
    expect(one.name).toBe('Back-office escalation');
  });

  it('creates a back-office ticket linked to the conversation on both sides, with string-typed ids in the body', async () => {
    const ticket = await createEscalation();
    expect(ticket.ticket_state?.category).toBe('submitted');
    expect(ticket.team_assignee_id).toBe(h.demo.teams.technical);
    expect(ticket.admin_assignee_id).toBeNull();
    expect(ticket.linked_objects.data).toEqual([expect.objectContaining({ type: 'conversation', id: h.demo.conversations.outage })]);
    expect(ticket.ticket_id).toBe('1');

    const conversation = await client.conversations.get(h.demo.conversations.outage);
    expect(conversation.linked_objects.data).toEqual([expect.objectContaining({ type: 'ticket', id: ticket.id, category: 'Back-office' })]);

    const [body] = bodiesFor(h.fake, 'POST', /^\/tickets$/) as Array<Record<string, unknown>>;
    expect(body).toMatchObject({
      ticket_type_id: h.demo.backOffice.ticketTypeId,
      contacts: [{ id: h.demo.contacts.vip }],
      assignment: { team_assignee_id: h.demo.teams.technical },
    });
  });

  it('updates state and assignee, sending admin_id as an integer and assignee_id as a string', async () => {
    const ticket = await createEscalation();
    const updated = await client.tickets.update(ticket.id, {
      actingAdminId: h.demo.admins.lead,
      ticketStateId: h.demo.backOffice.states.in_progress,
      assigneeId: h.demo.admins.lead,
    });
    expect(updated.ticket_state).toMatchObject({ id: h.demo.backOffice.states.in_progress, category: 'in_progress' });
    expect(updated.previous_ticket_state_id).toBe(h.demo.backOffice.states.submitted);
    expect(updated.admin_assignee_id).toBe(h.demo.admins.lead);
    expect(updated.ticket_parts.ticket_parts.map((part) => part.part_type)).toEqual(['ticket_state_updated_by_admin', 'assignment']);

    const [body] = bodiesFor(h.fake, 'PUT', /^\/tickets\/\d+$/) as Array<Record<string, unknown>>;
    expect(body).toEqual({
      ticket_state_id: h.demo.backOffice.states.in_progress,
      admin_id: Number(h.demo.admins.lead),
      assignee_id: h.demo.admins.lead,
    });
  });

  it('unassigns with assignee "0" and changes a list attribute', async () => {
    const ticket = await createEscalation();
    await client.tickets.update(ticket.id, { assigneeId: h.demo.admins.agent });
    const updated = await client.tickets.update(ticket.id, {
      assigneeId: null,
      attributes: { Priority: h.demo.backOffice.priorityAttribute.options.P2 },
    });
    expect(updated.admin_assignee_id).toBeNull();
    expect(updated.ticket_attributes['Priority']).toBe(h.demo.backOffice.priorityAttribute.options.P2);
    expect((bodiesFor(h.fake, 'PUT', /^\/tickets\//)[1] as Record<string, unknown>)['assignee_id']).toBe('0');
  });

  it('posts a note that cross-posts into the linked conversation and returns the part', async () => {
    const ticket = await createEscalation();
    const part = await client.tickets.reply(ticket.id, {
      adminId: h.demo.admins.lead,
      body: '<p>Engineering picked this up.</p>',
      crossPost: true,
    });
    expect(part).toMatchObject({
      part_type: 'note',
      body: '<p>Engineering picked this up.</p>',
      author: { type: 'admin', id: h.demo.admins.lead },
    });
    const conversation = await client.conversations.get(h.demo.conversations.outage);
    expect(conversation.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: 'note',
      body: '<p>Engineering picked this up.</p>',
    });
    expect(bodiesFor(h.fake, 'POST', /\/reply$/)).toEqual([
      { message_type: 'note', type: 'admin', admin_id: h.demo.admins.lead, body: '<p>Engineering picked this up.</p>', cross_post: true },
    ]);
  });

  it('gets a ticket and searches with a group query and cursor pagination', async () => {
    const first = await createEscalation();
    await createEscalation();
    await createEscalation();
    expect((await client.tickets.get(first.id)).id).toBe(first.id);

    const query = {
      operator: 'AND' as const,
      value: [
        { field: 'category', operator: '=' as const, value: 'task' },
        { field: 'open', operator: '=' as const, value: true },
      ],
    };
    const page1 = await client.tickets.search(query, { perPage: 2 });
    expect(page1.totalCount).toBe(3);
    expect(page1.tickets).toHaveLength(2);
    expect(page1.nextStartingAfter).not.toBeNull();
    const page2 = await client.tickets.search(query, { perPage: 2, startingAfter: page1.nextStartingAfter! });
    expect(page2.tickets).toHaveLength(1);
    expect(page2.nextStartingAfter).toBeNull();
  });
});
