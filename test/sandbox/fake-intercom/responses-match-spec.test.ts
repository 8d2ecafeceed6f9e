/**
 * The fake's answers must have the shapes Intercom documents, or tests against it prove nothing. Every successful
 * answer of a session that touches every operation the client uses is checked against its 2.16 response schema.
 */
import { createIntercomClient } from '../../../src/intercom';
import { type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { checkResponse } from '../../../src/sandbox/fake-intercom/spec-responses';
import { checkAgainstSpec } from '../../../src/sandbox/fake-intercom/spec-validator';
import { USED_OPERATIONS } from '../../../src/sandbox/fake-intercom/used-operations';
import { ManualClock } from '../../../src/util/clock';
import { raw } from './support';

describe("the fake's answers match the 2.16 response schemas", () => {
  let fake: FakeIntercom;

  beforeEach(async () => {
    fake = await startFakeIntercom({ clock: new ManualClock(Date.UTC(2026, 10, 21)) });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('for every operation the client uses', async () => {
    const demo = fake.seedDemoWorkspace();
    const client = createIntercomClient({ baseUrl: fake.url, token: demo.token });
    const ticket = await client.tickets.create({
      ticketTypeId: demo.backOffice.ticketTypeId,
      contact: { id: demo.contacts.vip },
      conversationToLinkId: demo.conversations.outage,
      attributes: { _default_title_: 'Outage', Priority: demo.backOffice.priorityAttribute.options.P1 },
      assignment: { teamAssigneeId: demo.teams.technical },
    });
    await client.tickets.update(ticket.id, {
      actingAdminId: demo.admins.lead,
      ticketStateId: demo.backOffice.states.in_progress,
      assigneeId: demo.admins.lead,
    });
    await client.tickets.reply(ticket.id, { adminId: demo.admins.lead, body: '<p>On it</p>', crossPost: true });
    await client.tickets.search({ field: 'open', operator: '=', value: true });
    const trackerType = fake.seed.ticketType(demo.workspaceId, { name: 'Incident', category: 'Tracker' });
    const tracker = await client.tickets.create({ ticketTypeId: trackerType.id, contact: { id: demo.contacts.vip } });
    await client.trackers.linkConversation(tracker.id, demo.conversations.howTo);
    await client.trackers.unlinkConversation(tracker.id, demo.conversations.howTo);

    const paths = [
      '/me',
      '/admins',
      `/admins/${demo.admins.lead}`,
      '/teams',
      '/ticket_types',
      `/ticket_types/${demo.backOffice.ticketTypeId}`,
      `/tickets/${ticket.id}`,
      `/conversations/${demo.conversations.outage}`,
      `/contacts/${demo.contacts.vip}`,
      `/contacts/${demo.contacts.vip}/companies`,
      `/companies/${demo.companies.enterprise}`,
    ];
    for (const path of paths) await raw(fake, 'GET', path, demo.token);
    await client.conversations.reply(demo.conversations.refund, { adminId: demo.admins.agent, body: '<p>x</p>' });
    await client.conversations.close(demo.conversations.refund, { adminId: demo.admins.agent });
    await client.contacts.findByExternalId('user-42');

    const operations = new Set<string>();
    const problems = fake.requests.flatMap(({ method, path, status, response }) => {
      const operationKey = checkAgainstSpec({ method, path, query: new URLSearchParams(), headers: {}, rawBody: '' }).operationKey!;
      operations.add(operationKey);
      return checkResponse(operationKey, status!, response);
    });
    expect(operations.size).toBe(USED_OPERATIONS.length);
    expect(fake.requests.every((request) => request.status === 200)).toBe(true);
    expect(problems).toEqual([]);
    fake.assertNoViolations();
  });

  it('and the check itself catches a wrong type', () => {
    const problems = checkResponse('get /teams', 200, {
      type: 'team.list',
      teams: [{ type: 'team', id: 5, name: 'VIP', admin_ids: ['1'] }],
    });
    expect(problems.join()).toMatch(/\/teams\/0\/id must be string.*\/teams\/0\/admin_ids\/0 must be integer/);
  });
});
