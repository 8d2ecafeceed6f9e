/**
 * The customer-facing update when an incident resolves, end to end on both stores: the tracker's resolve webhook
 * (delivered twice), the fan-out, each conversation's follow-up and then, once the collapse window has passed, one
 * reply to each customer through the case-update job, with the same rules as a ticket's update. Also: the Default
 * queue's choice is the incident's, a resolution undone within the window is not told, a reply whose answer was
 * lost is found instead of posted again, and a restart in the middle of the fan-out tells each customer once.
 */
import type { QueueKey } from '../../../src/domain/model';
import { memberCaseKey } from '../../../src/services/customer-updates/jobs';
import { INCIDENT_JOB_KINDS } from '../../../src/services/incidents';
import type { FakeTicket, WebhookDelivery } from '../../../src/sandbox/fake-intercom';
import { saveCustomerSettings } from '../../support/customer-settings';
import { type Engine, type Loop, onBothStores, customerReplies as repliesIn, settle, startLoop } from './loop-support';

const MINUTE = 60_000;

function suite(makeEngine: () => Promise<Engine>) {
  let engine: Engine;
  let h: Loop;
  let second: Loop | null;

  beforeEach(async () => {
    engine = await makeEngine();
    h = await startLoop(engine);
    second = null;
  });
  afterEach(async () => {
    h.fake.assertNoViolations();
    for (const loop of [second, h]) {
      await loop?.stopListening();
      await loop?.application.stop();
    }
    await h.fake.close();
    await engine.dispose();
  });

  const workspace = (loop: Loop = h) => loop.fake.state.workspaces.get(loop.demo.workspaceId)!;
  const customerReplies = (conversationId: string, loop: Loop = h) => repliesIn(loop, conversationId);
  const followUpNotes = (conversationId: string, loop: Loop = h) =>
    workspace(loop)
      .conversations.get(conversationId)!
      .parts.filter((part) => part.partType === 'note' && (part.body ?? '').includes('resolved'));

  const optIn = (queues: QueueKey[], loop: Loop = h) =>
    saveCustomerSettings(
      loop,
      loop.demo.workspaceId,
      { updateQueues: queues, collapseMinutes: 5, intervalMinutes: 30 },
      { resolveBehaviour: 'reopen' },
    );

  async function linkAll(tracker: FakeTicket, conversationIds: readonly string[]) {
    for (const conversationId of conversationIds) {
      const form = await h.screen(`incident_pick:${tracker.id}`, { conversationId });
      await h.screen('incident_link_submit', { currentCanvas: form, conversationId });
    }
    await h.drain();
  }

  async function resolve(tracker: FakeTicket): Promise<WebhookDelivery> {
    const delivery = await h.fake.backOffice.setState(tracker.id, 'resolved', { adminId: h.demo.admins.lead });
    if (!delivery) throw new Error('the fake sent no webhook for the tracker');
    return delivery;
  }

  it('tells each linked conversation once, after its follow-up, and a redelivered resolve changes nothing', async () => {
    await optIn(['default']);
    const tracker = h.tracker('Payments failing: E_PAYMENT_502');
    const { refund, outage } = h.demo.conversations;
    await linkAll(tracker, [refund, outage]);
    workspace().conversations.get(outage)!.state = 'closed';
    const delivery = await resolve(tracker);
    await h.fake.emitWebhook(h.demo.workspaceId, delivery.topic, JSON.parse(delivery.body).data.item);
    // The follow-ups go out at their pace; the customers hear nothing before the collapse window has passed.
    await settle(h, 100, 2_000);
    expect(followUpNotes(refund)).toHaveLength(1);
    expect(followUpNotes(outage)).toHaveLength(1);
    expect(customerReplies(refund)).toHaveLength(0);
    await settle(h, MINUTE);
    for (const conversationId of [refund, outage]) {
      const replies = customerReplies(conversationId);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toContain('Your request  has been resolved. Status: Resolved.');
      // Nothing internal: not the tracker's number, nor its title.
      expect(replies[0]!.body).not.toMatch(new RegExp(`#${tracker.ticketNumber}|E_PAYMENT_502|Payments failing`));
    }
    // The closed conversation was reopened by its follow-up (the workspace reopens), then told.
    expect(workspace().conversations.get(outage)!.state).toBe('open');
    const sent = await h.application.store.customerSide.listSent(h.demo.workspaceId, outage, 10);
    expect(sent).toEqual([expect.objectContaining({ ticketId: memberCaseKey(tracker.id, outage), state: 'resolved', outcome: 'sent' })]);
    const jobs = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { limit: 500 });
    expect(jobs.filter((job) => job.kind === INCIDENT_JOB_KINDS.fanOut)).toHaveLength(1);
    expect(jobs.filter((job) => job.kind === 'customer.case_update')).toHaveLength(2);
  });

  it('follows the Default queue’s choice: a specialist queue alone does not make an incident speak', async () => {
    await optIn(['technical', 'billing_legal']);
    const tracker = h.tracker('Login broken');
    await linkAll(tracker, [h.demo.conversations.refund]);
    await resolve(tracker);
    await settle(h, MINUTE);
    expect(followUpNotes(h.demo.conversations.refund)).toHaveLength(1);
    expect(customerReplies(h.demo.conversations.refund)).toHaveLength(0);
  });

  it('says nothing about a resolution undone within the collapse window', async () => {
    await optIn(['default']);
    const tracker = h.tracker('Exports failing');
    await linkAll(tracker, [h.demo.conversations.refund]);
    await resolve(tracker);
    await settle(h, 100, 2_000);
    expect(followUpNotes(h.demo.conversations.refund)).toHaveLength(1);
    await h.fake.backOffice.setState(tracker.id, 'in_progress', { adminId: h.demo.admins.lead });
    await settle(h, MINUTE);
    expect(customerReplies(h.demo.conversations.refund)).toHaveLength(0);
    const [update] = await h.application.store.outbox
      .listByWorkspace(h.demo.workspaceId, { limit: 500 })
      .then((jobs) => jobs.filter((job) => job.kind === 'customer.case_update'));
    const { enteredAt } = update!.payload as { enteredAt: number };
    const key = memberCaseKey(tracker.id, h.demo.conversations.refund);
    expect(await h.application.store.customerSide.getUpdate(h.demo.workspaceId, key, 'resolved', enteredAt)).toEqual(
      expect.objectContaining({ outcome: 'superseded' }),
    );
  });

  it('finds its own reply when Intercom’s answer was lost, instead of posting again', async () => {
    await optIn(['default']);
    const tracker = h.tracker('Webhooks delayed');
    await linkAll(tracker, [h.demo.conversations.refund]);
    await resolve(tracker);
    await settle(h, 100, 2_000);
    const lost = h.fake.faults.add({ route: 'POST /conversations/*/reply', effect: { type: 'drop' }, phase: 'after' });
    await settle(h, MINUTE);
    expect(lost.remaining).toBe(0);
    expect(customerReplies(h.demo.conversations.refund)).toHaveLength(1);
    const [update] = await h.application.store.customerSide.listSent(h.demo.workspaceId, h.demo.conversations.refund, 5);
    expect(update?.outcome).toBe('sent');
  });

  it('tells each customer once across a restart in the middle of the fan-out', async () => {
    await optIn(['default']);
    const tracker = h.tracker('Payments failing');
    const conversations = Object.values(h.demo.conversations);
    await linkAll(tracker, conversations);
    await resolve(tracker);
    // The webhook, the fan-out and the first follow-up run; the instance stops with the rest due.
    const webhooks = h.application.jobs.find((job) => job.name === 'webhooks')!;
    await webhooks.runOnce();
    await h.application.outbox.runOnce();
    await h.application.outbox.runOnce();
    await h.stopListening();
    await h.application.stop();

    second = await startLoop(engine, { fake: h.fake, demo: h.demo, clock: h.clock, trackerTypeId: h.trackerTypeId });
    await settle(second, MINUTE);
    for (const conversationId of conversations) {
      expect(followUpNotes(conversationId, second)).toHaveLength(1);
      expect(customerReplies(conversationId, second)).toHaveLength(1);
    }
  });
}

onBothStores('incident-update', suite);
