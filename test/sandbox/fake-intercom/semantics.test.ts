import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { ManualClock } from '../../../src/util/clock';
import { raw } from './support';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 3);

describe('the fake behaves like Intercom', () => {
  let fake: FakeIntercom;
  let demo: DemoWorkspace;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(T0);
    fake = await startFakeIntercom({ clock });
    demo = fake.seedDemoWorkspace();
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.close();
  });

  const createTicket = (body: Record<string, unknown> = {}) =>
    raw(fake, 'POST', '/tickets', demo.token, {
      body: {
        ticket_type_id: demo.backOffice.ticketTypeId,
        contacts: [{ id: demo.contacts.vip }],
        conversation_to_link_id: demo.conversations.outage,
        ...body,
      },
    });

  it('answers an unknown token with 401 error.list and no rate-limit headers', async () => {
    const answer = await raw(fake, 'GET', '/me', 'nope');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      type: 'error.list',
      request_id: expect.any(String),
      errors: [{ code: 'unauthorized', message: 'Access Token Invalid', field: null }],
    });
    expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('sends rate-limit headers on every authenticated answer, and a real 429 when the window is spent', async () => {
    const limitedFake = await startFakeIntercom({ clock, rateLimitPerWindow: 5 });
    const limitedDemo = limitedFake.seedDemoWorkspace();
    const call = () => raw(limitedFake, 'GET', '/teams', limitedDemo.token);
    const reset = String(Math.floor(T0 / 1000) - (Math.floor(T0 / 1000) % 10) + 10);
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await call();
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5');
      expect(answer.headers.get('x-ratelimit-reset')).toBe(reset);
      remaining.push(answer.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].code).toBe('rate_limit_exceeded');
    clock.advance(10_000);
    expect((await call()).status).toBe(200);
    await limitedFake.close();
  });

  it('reports 2.16 types: integer assignees (0 = none), string ids, unix-second times', async () => {
    const { body } = await createTicket({ assignment: { team_assignee_id: demo.teams.vip } });
    expect(body).toMatchObject({
      type: 'ticket',
      ticket_id: '1',
      team_assignee_id: Number(demo.teams.vip),
      admin_assignee_id: 0,
      created_at: Math.floor(T0 / 1000),
      open: true,
      is_shared: false,
    });
    expect(typeof body.id).toBe('string');
    const conversation = await raw(fake, 'GET', `/conversations/${demo.conversations.refund}`, demo.token);
    expect(conversation.body).toMatchObject({ admin_assignee_id: 0, team_assignee_id: 0, priority: 'none', state: 'open' });
  });

  it('numbers tickets per workspace and keeps workspaces apart', async () => {
    const other = fake.seedDemoWorkspace({ id: 'other999', token: 'tok_other' });
    expect((await createTicket()).body.ticket_id).toBe('1');
    expect((await createTicket()).body.ticket_id).toBe('2');
    const first = await raw(fake, 'POST', '/tickets', 'tok_other', {
      body: { ticket_type_id: other.backOffice.ticketTypeId, contacts: [{ id: other.contacts.vip }] },
    });
    expect(first.body.ticket_id).toBe('1');
    expect((await raw(fake, 'GET', `/tickets/${first.body.id}`, demo.token)).status).toBe(404);
    expect((await raw(fake, 'GET', `/conversations/${demo.conversations.refund}`, 'tok_other')).status).toBe(404);
  });

  it('enforces required attributes, list option ids and valid link pairs on create', async () => {
    fake.seed.ticketType(demo.workspaceId, { name: 'Strict', attributes: [{ name: 'Account id', required: true }] });
    const strict = [...fake.state.workspaces.get(demo.workspaceId)!.ticketTypes.values()].find((type) => type.name === 'Strict')!;
    const missing = await createTicket({ ticket_type_id: strict.id });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: 'parameter_invalid', field: 'Account id' });
    expect((await createTicket({ ticket_attributes: { Priority: 'P1' } })).status).toBe(400);
    const customer = await createTicket({ ticket_type_id: demo.customerTicketTypeId });
    expect(customer.status).toBe(400);
    expect(customer.body.errors[0].field).toBe('conversation_to_link_id');
    expect((await createTicket({ conversation_to_link_id: '999999' })).body.errors[0].code).toBe('conversation_not_found');
  });

  it('creates a lead for an unknown email on create', async () => {
    const answer = await createTicket({ contacts: [{ email: 'new.person@example.org' }], conversation_to_link_id: undefined });
    const contactId = answer.body.contacts.contacts[0].id;
    expect((await raw(fake, 'GET', `/contacts/${contactId}`, demo.token)).body).toMatchObject({
      role: 'lead',
      email: 'new.person@example.org',
    });
  });

  it('refuses user replies on back-office tickets with parameter_mismatch', async () => {
    const { body: ticket } = await createTicket();
    const answer = await raw(fake, 'POST', `/tickets/${ticket.id}/reply`, demo.token, {
      body: { message_type: 'comment', type: 'user', intercom_user_id: demo.contacts.vip, body: 'hello?' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: 'parameter_mismatch',
      message: 'User replies are not allowed on Backoffice tickets',
    });
  });

  it('closes a ticket when it resolves, records parts with state categories, and reopens it on a later state', async () => {
    const { body: ticket } = await createTicket();
    const resolve = await raw(fake, 'PUT', `/tickets/${ticket.id}`, demo.token, {
      body: { ticket_state_id: demo.backOffice.states.resolved, admin_id: Number(demo.admins.lead) },
    });
    expect(resolve.body).toMatchObject({
      open: false,
      ticket_state: { category: 'resolved' },
      previous_ticket_state_id: demo.backOffice.states.submitted,
    });
    expect(resolve.body.ticket_parts.ticket_parts[0]).toMatchObject({
      part_type: 'ticket_state_updated_by_admin',
      ticket_state: 'resolved',
      previous_ticket_state: 'submitted',
      author: { type: 'admin', id: demo.admins.lead, name: 'Lee Lead' },
    });
    const reopen = await raw(fake, 'PUT', `/tickets/${ticket.id}`, demo.token, {
      body: { ticket_state_id: demo.backOffice.states.in_progress },
    });
    expect(reopen.body.open).toBe(true);
  });

  it('reopens a closed conversation when the contact replies, keeping waiting_since', async () => {
    const id = demo.conversations.howTo;
    await raw(fake, 'POST', `/conversations/${id}/parts`, demo.token, {
      body: { message_type: 'close', type: 'admin', admin_id: demo.admins.agent },
    });
    clock.advance(60_000);
    const answer = await raw(fake, 'POST', `/conversations/${id}/reply`, demo.token, {
      body: { message_type: 'comment', type: 'user', intercom_user_id: demo.contacts.standard, body: 'Still stuck' },
    });
    // Still waiting since the unanswered first message: only a teammate's reply ends the wait.
    expect(answer.body).toMatchObject({ state: 'open', open: true, waiting_since: Math.floor(T0 / 1000) });
    expect(answer.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: 'comment',
      author: { type: 'user', id: demo.contacts.standard },
    });
  });

  it('seeds an existing ticket, linked and in a given state, that the API then serves', async () => {
    const seeded = fake.seed.ticket(demo.workspaceId, {
      ticketTypeId: demo.backOffice.ticketTypeId,
      contactId: demo.contacts.standard,
      conversationId: demo.conversations.refund,
      state: 'waiting_on_customer',
      teamAssigneeId: demo.teams.billing_legal,
      attributes: { _default_title_: 'Double charge', Priority: demo.backOffice.priorityAttribute.options.P2 },
    });
    const { body } = await raw(fake, 'GET', `/tickets/${seeded.id}`, demo.token);
    expect(body).toMatchObject({
      ticket_state: { category: 'waiting_on_customer' },
      team_assignee_id: Number(demo.teams.billing_legal),
      ticket_attributes: { _default_title_: 'Double charge' },
      linked_objects: { data: [{ type: 'conversation', id: demo.conversations.refund }] },
    });
    const conversation = await raw(fake, 'GET', `/conversations/${demo.conversations.refund}`, demo.token);
    expect(conversation.body.linked_objects.data).toEqual([{ type: 'ticket', id: seeded.id, category: 'Back-office' }]);
  });

  it('answers 404s in Intercom form', async () => {
    expect((await raw(fake, 'GET', '/companies/nope', demo.token)).body.errors[0].code).toBe('company_not_found');
    expect((await raw(fake, 'GET', '/admins/1', demo.token)).body.errors[0].code).toBe('admin_not_found');
    expect((await raw(fake, 'GET', '/tickets/1', demo.token)).status).toBe(404);
  });
});
