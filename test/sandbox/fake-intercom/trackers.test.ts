import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { TRACKER_LINK_LIMIT } from '../../../src/sandbox/fake-intercom/routes-trackers';
import { ManualClock } from '../../../src/util/clock';
import { raw } from './support';

const T0 = Date.UTC(2026, 11, 7, 9, 10, 0);

describe('the fake implements tracker tickets as 2.16 describes', () => {
  let fake: FakeIntercom;
  let demo: DemoWorkspace;
  let trackerTypeId: string;

  beforeEach(async () => {
    fake = await startFakeIntercom({ clock: new ManualClock(T0) });
    demo = fake.seedDemoWorkspace();
    trackerTypeId = fake.seed.ticketType(demo.workspaceId, { name: 'Incident', category: 'Tracker' }).id;
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.close();
  });

  const createTracker = async (conversationId?: string) => {
    const answer = await raw(fake, 'POST', '/tickets', demo.token, {
      body: {
        ticket_type_id: trackerTypeId,
        contacts: [{ id: demo.contacts.vip }],
        ticket_attributes: { _default_title_: 'Payments failing with E_PAYMENT_502' },
        ...(conversationId ? { conversation_to_link_id: conversationId } : {}),
      },
    });
    expect(answer.status).toBe(200);
    return answer.body as { id: string; category: string; linked_objects: { data: Array<{ id: string }> } };
  };
  const link = (ticketId: string, conversationId: string) =>
    raw(fake, 'POST', `/tickets/${ticketId}/linked_conversations`, demo.token, { body: { conversation_id: conversationId } });
  const unlink = (ticketId: string, conversationId: string) =>
    raw(fake, 'DELETE', `/tickets/${ticketId}/linked_conversations/${conversationId}`, demo.token);

  it('creates a tracker linked to its first conversation and links more afterwards, answering with the conversation', async () => {
    const tracker = await createTracker(demo.conversations.outage);
    expect(tracker.category).toBe('Tracker');
    const answer = await link(tracker.id, demo.conversations.refund);
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('conversation');
    expect(answer.body.id).toBe(demo.conversations.refund);
    expect(answer.body.linked_objects.data).toEqual([{ type: 'ticket', id: tracker.id, category: 'Tracker' }]);
    const read = await raw(fake, 'GET', `/tickets/${tracker.id}`, demo.token);
    expect(read.body.linked_objects.data.map((o: { id: string }) => o.id)).toEqual([demo.conversations.outage, demo.conversations.refund]);
  });

  it('refuses a second tracker for one conversation, the same tracker again included', async () => {
    const first = await createTracker(demo.conversations.outage);
    const second = await createTracker();
    for (const ticketId of [first.id, second.id]) {
      const answer = await link(ticketId, demo.conversations.outage);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe('already_linked_to_tracker');
    }
    const created = await raw(fake, 'POST', '/tickets', demo.token, {
      body: { ticket_type_id: trackerTypeId, contacts: [{ id: demo.contacts.vip }], conversation_to_link_id: demo.conversations.outage },
    });
    expect(created.body.errors[0].code).toBe('already_linked_to_tracker');
  });

  it('links only to trackers, and says which ticket or conversation it cannot find', async () => {
    const backOffice = await raw(fake, 'POST', '/tickets', demo.token, {
      body: { ticket_type_id: demo.backOffice.ticketTypeId, contacts: [{ id: demo.contacts.vip }] },
    });
    const notTracker = await link(backOffice.body.id, demo.conversations.refund);
    expect([notTracker.status, notTracker.body.errors[0].code]).toEqual([400, 'invalid_ticket_type']);
    const tracker = await createTracker();
    const noTicket = await link('999999999', demo.conversations.refund);
    expect([noTicket.status, noTicket.body.errors[0].code]).toEqual([404, 'ticket_not_found']);
    const noConversation = await link(tracker.id, '123456789');
    expect([noConversation.status, noConversation.body.errors[0].code]).toEqual([404, 'conversation_not_found']);
  });

  it('rejects a body without conversation_id as off-spec', async () => {
    const tracker = await createTracker();
    const answer = await raw(fake, 'POST', `/tickets/${tracker.id}/linked_conversations`, demo.token, { body: {} });
    expect(answer.status).toBe(400);
    expect(fake.violations).toHaveLength(1);
    fake.clearLog();
  });

  it(`stops at ${TRACKER_LINK_LIMIT} conversations per tracker`, async () => {
    const tracker = await createTracker();
    const stored = fake.state.workspaces.get(demo.workspaceId)!.tickets.get(tracker.id)!;
    for (let i = 0; i < TRACKER_LINK_LIMIT; i += 1) stored.links.push({ type: 'conversation', id: `c${i}`, category: null });
    const answer = await link(tracker.id, demo.conversations.refund);
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, 'linked_conversation_limit_exceeded']);
    stored.links.pop();
    expect((await link(tracker.id, demo.conversations.refund)).status).toBe(200);
  });

  it('unlinks on both sides, and refuses a conversation that is not linked', async () => {
    const tracker = await createTracker(demo.conversations.outage);
    const answer = await unlink(tracker.id, demo.conversations.outage);
    expect(answer.status).toBe(200);
    expect(answer.body.linked_objects.data).toEqual([]);
    const again = await unlink(tracker.id, demo.conversations.outage);
    expect([again.status, again.body.errors[0].code]).toEqual([404, 'conversation_not_found']);
    expect((await link(tracker.id, demo.conversations.outage)).status).toBe(200);
  });

  it('finds open trackers by category and title', async () => {
    const tracker = await createTracker();
    await createTracker();
    const answer = await raw(fake, 'POST', '/tickets/search', demo.token, {
      body: {
        query: {
          operator: 'AND',
          value: [
            { field: 'category', operator: '=', value: 'tracker' },
            { field: 'open', operator: '=', value: true },
            { field: 'title', operator: '~', value: 'E_PAYMENT' },
          ],
        },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(2);
    expect(answer.body.tickets[0].id).toBe(tracker.id);
  });
});
