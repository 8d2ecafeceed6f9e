import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { raw } from './support';

describe('the fake rejects requests that do not match the 2.16 description', () => {
  let fake: FakeIntercom;
  let demo: DemoWorkspace;
  let ticketId: string;

  beforeEach(async () => {
    fake = await startFakeIntercom();
    demo = fake.seedDemoWorkspace();
    const created = await raw(fake, 'POST', '/tickets', demo.token, {
      body: { ticket_type_id: demo.backOffice.ticketTypeId, contacts: [{ id: demo.contacts.vip }] },
    });
    expect(created.status).toBe(200);
    ticketId = created.body.id;
  });
  afterEach(async () => {
    await fake.close();
  });

  const update = (body: unknown, headers?: Record<string, string | undefined>) =>
    raw(fake, 'PUT', `/tickets/${ticketId}`, demo.token, { body, headers });

  it('accepts a correct update and records no violation', async () => {
    const answer = await update({
      ticket_state_id: demo.backOffice.states.in_progress,
      admin_id: Number(demo.admins.lead),
      assignee_id: demo.admins.lead,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.ticket_state.category).toBe('in_progress');
    expect(() => fake.assertNoViolations()).not.toThrow();
  });

  it('rejects a ticket update with admin_id as a string: 400 error.list, a recorded violation, no state change', async () => {
    const answer = await update({ ticket_state_id: demo.backOffice.states.resolved, admin_id: demo.admins.lead });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'error.list', errors: [{ code: 'parameter_invalid' }] });
    expect(fake.violations).toEqual([
      { method: 'PUT', path: `/tickets/${ticketId}`, problems: [expect.stringContaining('/admin_id must be integer')] },
    ]);
    expect(() => fake.assertNoViolations()).toThrow(/PUT \/tickets\/\d+: body does not match the spec: \/admin_id must be integer/);
    expect(fake.state.workspaces.get(demo.workspaceId)!.tickets.get(ticketId)!.stateId).toBe(demo.backOffice.states.submitted);
  });

  it('follows the schema where the spec examples send numbers (ticket_state_id, ticket_type_id)', async () => {
    expect((await update({ ticket_state_id: Number(demo.backOffice.states.resolved) })).status).toBe(400);
    const create = await raw(fake, 'POST', '/tickets', demo.token, {
      body: { ticket_type_id: Number(demo.backOffice.ticketTypeId), contacts: [{ id: demo.contacts.vip }] },
    });
    expect(create.status).toBe(400);
    expect(fake.violations.map((violation) => violation.problems.join())).toEqual([
      expect.stringContaining('/ticket_state_id must be string'),
      expect.stringContaining('/ticket_type_id must be string'),
    ]);
  });

  it('rejects fields from older versions (pre-2.12 `state`, pre-2.14 nested `assignment` on update)', async () => {
    expect((await update({ state: 'in_progress' })).status).toBe(400);
    expect((await update({ assignment: { admin_id: demo.admins.lead, assignee_id: demo.admins.lead } })).status).toBe(400);
    expect(fake.violations.map((violation) => violation.problems.join())).toEqual([
      expect.stringContaining('unevaluated properties (state)'),
      expect.stringContaining('unevaluated properties (assignment)'),
    ]);
  });

  it('requires the Intercom-Version header, and version 2.16', async () => {
    expect((await raw(fake, 'GET', '/me', demo.token, { headers: { 'Intercom-Version': undefined } })).status).toBe(400);
    expect((await raw(fake, 'GET', '/me', demo.token, { headers: { 'Intercom-Version': '2.11' } })).status).toBe(400);
    expect(fake.violations.map((violation) => violation.problems)).toEqual([
      ['missing Intercom-Version header'],
      ['Intercom-Version is "2.11"; the fake implements 2.16 only'],
    ]);
  });

  it('answers unknown paths and methods with 404 and records them', async () => {
    const unknown = await raw(fake, 'GET', '/tickets/123/secret_stuff', demo.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].code).toBe('not_found');
    expect((await raw(fake, 'DELETE', '/me', demo.token)).status).toBe(404);
    expect(fake.violations.map((violation) => violation.problems[0])).toEqual([
      '/tickets/123/secret_stuff is not a path in the 2.16 spec subset',
      'DELETE is not an operation of /me in the 2.16 spec subset',
    ]);
  });

  it('checks path and query parameters against their declared types', async () => {
    expect((await raw(fake, 'GET', '/conversations/not-a-number', demo.token)).status).toBe(400);
    expect((await raw(fake, 'GET', `/conversations/${demo.conversations.refund}?display=plain`, demo.token)).status).toBe(400);
    expect(fake.violations.map((violation) => violation.problems[0])).toEqual([
      'path parameter conversation_id="not-a-number" does not match the spec: (root) must be integer',
      'unknown query parameter display',
    ]);
  });

  it('rejects a JSON body sent without Content-Type: application/json, and a body that is not JSON', async () => {
    expect((await update({ open: true }, { 'Content-Type': 'text/plain' })).status).toBe(400);
    const broken = await fetch(`${fake.url}/tickets/${ticketId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${demo.token}`, 'Intercom-Version': '2.16', 'Content-Type': 'application/json' },
      body: '{"open": tru',
    });
    expect(broken.status).toBe(400);
    expect(fake.violations.map((violation) => violation.problems[0])).toEqual([
      'body sent without Content-Type: application/json',
      'body is not valid JSON',
    ]);
  });

  it('records a violation even when a fault or a bad token decides the answer', async () => {
    fake.faults.failNext(1, 503);
    expect((await update({ admin_id: 'x' })).status).toBe(503);
    expect((await raw(fake, 'PUT', `/tickets/${ticketId}`, 'unknown-token', { body: { admin_id: 'x' } })).status).toBe(401);
    expect(fake.violations).toHaveLength(2);
    fake.clearLog();
    expect(fake.violations).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });
});
