/**
 * The customer-facing update when a shared case resolves, end to end on both stores: conversation A escalates,
 * others are attached to its ticket, the ticket's resolve webhook is delivered twice, and once the follow-ups are
 * done and the collapse window has passed each attached customer gets one reply, under the ticket's queue's choice
 * and title and without the ticket's number. Also: a queue not opted in tells nobody, a detached conversation is not
 * told (before the resolution, or after its follow-up and before its update), and a reply whose answer was lost is found instead of posted again.
 */
import type { QueueKey } from '../../../src/domain/model';
import { CUSTOMER_UPDATE_JOB_KIND, memberCaseKey } from '../../../src/services/customer-updates/jobs';
import { CASE_JOB_KINDS } from '../../../src/services/shared-cases';
import { QUEUE_KEYS } from '../../../src/domain/model';
import { saveCustomerSettings } from '../../support/customer-settings';
import { openForm, submitForm } from '../../flows/escalation/support';
import { type Body, text } from '../../flows/incidents/support';
import { customerReplies, type Engine, type Loop, onBothStores, settle, startLoop } from './loop-support';

const MINUTE = 60_000;

function suite(makeEngine: () => Promise<Engine>) {
  let engine: Engine;
  let h: Loop;

  beforeEach(async () => {
    engine = await makeEngine();
    h = await startLoop(engine);
  });
  afterEach(async () => {
    h.fake.assertNoViolations();
    await h.stopListening();
    await h.application.stop();
    await h.fake.close();
    await engine.dispose();
  });

  const ws = () => h.demo.workspaceId;
  const conversation = (id: string) => h.fake.state.workspaces.get(ws())!.conversations.get(id)!;
  const followUpNotes = (id: string) => conversation(id).parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('resolved'));

  const optIn = (queues: QueueKey[]) =>
    saveCustomerSettings(h, ws(), { updateQueues: queues, collapseMinutes: 5, intervalMinutes: 30 }, { resolveBehaviour: 'reopen' });

  /** Conversation A (the harness's) escalates: the case's ticket and its queue. */
  async function escalateA(): Promise<{ ticketId: string; queue: QueueKey; ticketNumber: string | null }> {
    await submitForm(h, await openForm(h));
    await h.drain();
    const [ticket] = await h.application.store.tickets.listByConversation(ws(), h.context.conversationId);
    if (!ticket) throw new Error('escalation did not link a ticket');
    return { ticketId: ticket.ticketId, queue: ticket.queue ?? 'default', ticketNumber: ticket.ticketNumber };
  }

  async function attach(ticketId: string, conversationIds: readonly string[]) {
    for (const conversationId of conversationIds) {
      const form = await h.screen(`case_pick:${ticketId}`, { conversationId });
      const result = await h.screen('case_attach_submit', { conversationId, currentCanvas: form.canvas, inputValues: {} });
      expect(text(result)).toContain('Added to case #');
    }
    await h.drain();
  }

  async function resolveTwice(ticketId: string) {
    const delivery = await h.fake.backOffice.setState(ticketId, 'resolved', { adminId: h.demo.admins.lead });
    if (!delivery) throw new Error('the fake sent no webhook for the ticket');
    await h.fake.emitWebhook(ws(), delivery.topic, JSON.parse(delivery.body).data.item);
  }

  /** An opted-in case with conversation B attached, resolved, B's follow-up done and its update not yet due. */
  async function followedUpOne(): Promise<{ ticketId: string; b: string }> {
    const { ticketId, queue } = await escalateA();
    await optIn([queue]);
    const b = h.demo.conversations.outage!;
    await attach(ticketId, [b]);
    await resolveTwice(ticketId);
    await settle(h, 100, 2_000);
    expect(followUpNotes(b)).toHaveLength(1);
    return { ticketId, b };
  }

  /** Detaches the conversation from its shared ticket through its sidebar, as a teammate would. */
  async function detach(conversationId: string) {
    const detachId = /case_detach:([0-9a-f-]{36})/.exec(text((await h.initialize({ conversationId })).body as Body))![1]!;
    expect(text(await h.screen(`case_detach:${detachId}`, { conversationId }))).toContain('Detached from case');
  }

  const updateJobs = async () =>
    (await h.application.store.outbox.listByWorkspace(ws(), { limit: 500 })).filter((job) => job.kind === CUSTOMER_UPDATE_JOB_KIND);

  it('tells each attached conversation once, after its follow-up, though the resolve webhook came twice', async () => {
    const { ticketId, queue, ticketNumber } = await escalateA();
    await optIn([queue]);
    const { outage: b, howTo: c } = h.demo.conversations as Record<string, string>;
    await attach(ticketId, [b!, c!]);
    conversation(c!).state = 'closed';
    await resolveTwice(ticketId);
    // The follow-ups go out at their pace; the attached customers hear nothing before the collapse window has passed.
    await settle(h, 100, 2_000);
    expect(followUpNotes(b!)).toHaveLength(1);
    expect(followUpNotes(c!)).toHaveLength(1);
    expect(customerReplies(h, b!)).toHaveLength(0);
    await settle(h, MINUTE);
    for (const conversationId of [b!, c!]) {
      const replies = customerReplies(h, conversationId);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toContain('has been resolved');
      // Another customer's ticket number is not this customer's reference.
      if (ticketNumber) expect(replies[0]!.body).not.toContain(`#${ticketNumber}`);
    }
    // The ticket's own conversation is told as it always was, once.
    expect(customerReplies(h, h.context.conversationId)).toHaveLength(1);
    // The closed conversation was reopened by its follow-up (the workspace reopens), then told.
    expect(conversation(c!).state).toBe('open');
    const sent = await h.application.store.customerSide.listSent(ws(), c!, 10);
    expect(sent).toEqual([expect.objectContaining({ ticketId: memberCaseKey(ticketId, c!), state: 'resolved', outcome: 'sent' })]);
    const jobs = await h.application.store.outbox.listByWorkspace(ws(), { limit: 500 });
    expect(jobs.filter((job) => job.kind === CASE_JOB_KINDS.fanOut)).toHaveLength(1);
    expect(await updateJobs()).toHaveLength(3);
  });

  it('follows the ticket’s queue: another queue opted in tells no attached conversation', async () => {
    const { ticketId, queue } = await escalateA();
    await optIn(QUEUE_KEYS.filter((key) => key !== queue));
    const b = h.demo.conversations.outage!;
    await attach(ticketId, [b]);
    await resolveTwice(ticketId);
    await settle(h, MINUTE);
    expect(followUpNotes(b)).toHaveLength(1);
    expect(customerReplies(h, b)).toHaveLength(0);
    expect(customerReplies(h, h.context.conversationId)).toHaveLength(0);
    expect(await updateJobs()).toHaveLength(0);
  });

  it('does not tell a conversation detached before the resolution', async () => {
    const { ticketId, queue } = await escalateA();
    await optIn([queue]);
    const { outage: b, howTo: d } = h.demo.conversations as Record<string, string>;
    await attach(ticketId, [b!, d!]);
    await detach(d!);
    await resolveTwice(ticketId);
    await settle(h, MINUTE);
    expect(customerReplies(h, b!)).toHaveLength(1);
    expect(followUpNotes(d!)).toHaveLength(0);
    expect(customerReplies(h, d!)).toHaveLength(0);
  });

  it('does not tell a conversation detached after its follow-up, before its update ran', async () => {
    const { ticketId, b } = await followedUpOne();
    await detach(b);
    await settle(h, MINUTE);
    expect(customerReplies(h, b)).toHaveLength(0);
    const [update] = await updateJobs().then((jobs) =>
      jobs.filter((job) => (job.payload as { conversationId: string }).conversationId === b),
    );
    const { enteredAt } = update!.payload as { enteredAt: number };
    expect(await h.application.store.customerSide.getUpdate(ws(), memberCaseKey(ticketId, b), 'resolved', enteredAt)).toEqual(
      expect.objectContaining({ outcome: 'disabled' }),
    );
  });

  it('finds its own reply when Intercom’s answer was lost, instead of posting again', async () => {
    const { ticketId, b } = await followedUpOne();
    // B's own reply: the ticket's conversation is told too, and must not take the fault instead.
    const lost = h.fake.faults.add({ route: `POST /conversations/${b}/reply`, effect: { type: 'drop' }, phase: 'after' });
    await settle(h, MINUTE);
    expect(lost.remaining).toBe(0);
    expect(customerReplies(h, b)).toHaveLength(1);
    const [update] = await h.application.store.customerSide.listSent(ws(), b, 5);
    expect(update).toEqual(expect.objectContaining({ ticketId: memberCaseKey(ticketId, b), outcome: 'sent' }));
  });
}

onBothStores('shared-case-update', suite);
