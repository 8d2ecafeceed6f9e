import { QUEUE_KEYS } from '../../../src/domain/model';
import { type Harness, startHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import {
  assignQueueTeams,
  component,
  createTicketRequests,
  drain,
  engineCaseTitle,
  fakeTickets,
  handoffNotes,
  openForm,
  submitForm,
  texts,
} from './support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await assignQueueTeams(h);
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

describe('escalate: the happy path', () => {
  it('opens the form preselected from the recommendation, the reason in plain words, with a fresh nonce', async () => {
    const form = await openForm(h);
    expect(component(form, 'priority')).toMatchObject({ value: 'P2' });
    expect(component(form, 'queue')).toMatchObject({ value: 'billing_legal' });
    expect(texts(form)).toContain('Recommended: Escalate → Billing / Legal · P2');
    const reason = String(component(form, 'reason')?.['value']);
    expect(reason).toMatch(/^Recommended: Billing \/ Legal · P2\.\n- /);
    // Each reason quotes its evidence and says whose message it was and when (10:00 in the demo workspace).
    expect(reason).toContain('"I was charged twice this month.", customer, 10:00)');
    expect(reason).not.toMatch(/Keyword|matched/i);
    expect(texts(form).join('\n')).toContain('Summary preview');
    expect(form.canvas.stored_data).toMatchObject({ v: 1, flow: 'escalate', conversationId: h.context.conversationId });
    const again = await openForm(h);
    expect(again.canvas.stored_data?.['nonce']).not.toEqual(form.canvas.stored_data?.['nonce']);
  });

  it.each(QUEUE_KEYS)('creates one linked ticket for the %s queue with the exact body, then the note', async (queue) => {
    const form = await openForm(h);
    h.fake.clearLog();
    const result = await submitForm(h, form, { queue, priority: 'P1', reason: 'Customer was charged twice.' });

    const { backOffice, teams, contacts } = h.demo;
    const [create, ...others] = createTicketRequests(h);
    expect(others).toHaveLength(0);
    // The case, not the customer's opening words or the conversation's title.
    expect(engineCaseTitle(h)).toMatch(/charge/i);
    expect(create!.body).toEqual({
      ticket_type_id: backOffice.ticketTypeId,
      contacts: [{ id: contacts.standard }],
      conversation_to_link_id: h.context.conversationId,
      ticket_attributes: {
        Priority: backOffice.priorityAttribute.options.P1,
        Queue: backOffice.queueAttribute.options[queue],
        _default_title_: engineCaseTitle(h),
        _default_description_: expect.stringMatching(/^## What the customer asked\n[\s\S]*\n\nHandoff escalation ref: [0-9a-f-]{36}$/),
      },
      assignment: { team_assignee_id: teams[queue] },
    });

    const [ticket] = fakeTickets(h);
    expect(texts(result)).toContain(`✅ Ticket #${ticket!.ticketNumber} created`);
    expect(component(result, 'back')).toMatchObject({ label: 'Done', style: 'link' });

    const stored = await h.application.store.tickets.get(h.demo.workspaceId, ticket!.id);
    expect(stored).toMatchObject({ conversationId: h.context.conversationId, priority: 'P1', queue, teamId: teams[queue], isOpen: true });
    expect(stored!.escalationId).not.toBeNull();

    expect(handoffNotes(h)).toHaveLength(0);
    await drain(h);
    const notes = handoffNotes(h);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`Escalated to back-office ticket #${ticket!.ticketNumber}`);
    expect(notes[0]).toContain('Customer was charged twice.');
    const reply = h.fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/reply'))!;
    expect(reply.body).toMatchObject({ message_type: 'note', type: 'admin', admin_id: h.demo.admins.agent });
  });

  it('starts the SLA clocks and shows the ticket in the sidebar, without calling Intercom', async () => {
    const form = await openForm(h);
    await submitForm(h, form, { reason: 'Refund needed' });
    const [ticket] = fakeTickets(h);
    const clocks = await h.application.store.clocks.listByTicket(h.demo.workspaceId, ticket!.id);
    expect(clocks.map((c) => c.kind).sort()).toEqual(['resolution', 'response']);

    h.fake.clearLog();
    const res = await h.initialize();
    assertValidCanvasResponse(res.body, 'initialize');
    const sidebar = JSON.stringify(res.body.canvas.content.components);
    expect(sidebar).toContain(`#${ticket!.ticketNumber}`);
    expect(sidebar).toContain('Billing / Legal');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('shares the ticket with the customer only when its type allows it and the box is ticked', async () => {
    const type = h.fake.state.workspaces.get(h.demo.workspaceId)!.ticketTypes.get(h.demo.backOffice.ticketTypeId)!;
    const internal = await openForm(h);
    expect(component(internal, 'share_with_customer')).toBeUndefined();
    type.isInternal = false;
    // Ticket types are cached for ten minutes.
    h.clock.advance(10 * 60_000);
    const form = await openForm(h);
    expect(component(form, 'share_with_customer')).toMatchObject({ type: 'checkbox', value: [] });
    await submitForm(h, form, { reason: 'Customer should follow along', share_with_customer: ['share'] });
    await drain(h);
    const [ticket] = fakeTickets(h);
    expect(ticket!.isShared).toBe(true);
    const puts = h.fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, r.body])).toEqual([[`/tickets/${ticket!.id}`, { is_shared: true }]]);
  });

  it('ignores a share request for a type that is internal only', async () => {
    const form = await openForm(h);
    await submitForm(h, form, { reason: 'No sharing here', share_with_customer: ['share'] });
    await drain(h);
    expect(fakeTickets(h)[0]!.isShared).toBe(false);
    expect(h.fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('puts the masked summary in the description and the note', async () => {
    const conversation = h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.get(h.context.conversationId)!;
    conversation.parts.push({
      id: '70999999',
      partType: 'comment',
      body: `<p>My card 4111 1111 1111 1111 was charged, api key sk_${'live'}_4eC39HqLyjWDarjtT1zdp7dc. Error E-1234 on https://app.example/billing</p>`,
      createdAt: Math.floor(h.clock.now() / 1000),
      author: { type: 'user', id: h.demo.contacts.standard },
      assignedTo: null,
    });
    const form = await openForm(h);
    await submitForm(h, form, { reason: 'Card 5500 0000 0000 0004 charged twice' });
    await drain(h);
    const description = String(fakeTickets(h)[0]!.attributes['_default_description_']);
    const note = handoffNotes(h)[0]!;
    for (const text of [description, note]) {
      expect(text).not.toContain('4111 1111 1111 1111');
      expect(text).not.toContain('5500 0000 0000 0004');
      expect(text).not.toContain(`sk_${'live'}_4eC39HqLyjWDarjtT1zdp7dc`);
      expect(text).toContain('https://app.example/billing');
    }
    expect(description).toContain('## Diagnostics already collected');
    expect(description).toContain('Sam Standard');
    expect(description).toContain(`/conversation/${h.context.conversationId}`);
    expect(description).toContain('Open tickets linked through Handoff: 0');
  });

  it("counts the contact's other open tickets linked through Handoff in the summary (closed ones do not count)", async () => {
    const ws = h.demo.workspaceId;
    const now = h.clock.now();
    const ticket = (ticketId: string, isOpen: boolean) => ({
      ticketId,
      ticketNumber: ticketId,
      conversationId: 'earlier-conversation',
      contactId: h.demo.contacts.standard,
      title: 'Earlier case',
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      stateCategory: isOpen ? ('in_progress' as const) : ('resolved' as const),
      stateLabel: null,
      priority: 'P3' as const,
      queue: 'default' as const,
      teamId: null,
      adminAssigneeId: null,
      ownerName: null,
      teamName: null,
      isOpen,
      intercomUpdatedAt: now,
    });
    for (const [id, open] of [
      ['601', true],
      ['602', true],
      ['603', false],
    ] as const) {
      await h.application.store.tickets.upsert(ws, ticket(id, open), now);
    }
    const form = await openForm(h);
    await submitForm(h, form, { reason: 'Charged twice' });
    const description = String(fakeTickets(h)[0]!.attributes['_default_description_']);
    expect(description).toContain('Open tickets linked through Handoff: 2');
  });
});
