/**
 * Automatic case updates end to end: the back office moves a linked ticket in the fake Intercom, its webhook goes
 * through sync, and the customer receives (or, by the rules, does not receive) one reply in the conversation.
 */
import type { QueueKey } from '../../../src/domain/model';
import type { CustomerSettings } from '../../../src/domain/customer-updates/settings';
import type { FakeConversation } from '../../../src/sandbox/fake-intercom';
import { saveCustomerSettings } from '../../support/customer-settings';
import { calls, canvasText, linkTicket, type SyncHarness, useSyncHarness } from '../sync/support';

let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});

const MINUTE = 60_000;

function conversation(): FakeConversation {
  return h.fake.state.workspaces.get(h.workspaceId)!.conversations.get(h.context.conversationId)!;
}

/** The replies the customer can see that Handoff posted (comments by an admin through the API). */
const customerReplies = () =>
  conversation().parts.filter((part) => part.partType === 'comment' && part.author.type === 'admin' && part.viaApi);

const configure = (change: Partial<CustomerSettings>, resolveBehaviour?: 'note_only' | 'reopen' | 'unsnooze') =>
  saveCustomerSettings(h, h.workspaceId, change, resolveBehaviour ? { resolveBehaviour } : {});

const optIn = (queues: QueueKey[] = ['billing_legal']) => configure({ updateQueues: queues, collapseMinutes: 5, intervalMinutes: 30 });

async function move(ticketId: string, state: 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved') {
  const delivery = await h.fake.backOffice.setState(ticketId, state, { adminId: h.demo.admins.lead });
  await h.drain();
  return delivery;
}

/** The same notification sent again (Intercom redelivers when it is unsure the first arrived). */
async function redeliver(delivery: { topic: string; body: string }) {
  await h.fake.emitWebhook(h.workspaceId, delivery.topic, JSON.parse(delivery.body).data.item);
}

/** Lets the collapse window pass and runs what became due. */
async function settle(minutes = 6) {
  h.clock.advance(minutes * MINUTE);
  await h.drain();
}

describe('automatic case updates', () => {
  it('tells the customer once the new state has held, with the state’s customer-facing label', async () => {
    await optIn();
    const { ticketId, ticketNumber } = await linkTicket(h, { state: 'in_progress' });
    await move(ticketId, 'waiting_on_customer');
    expect(customerReplies()).toHaveLength(0);
    await settle();
    const replies = customerReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain('Waiting on you');
    expect(replies[0]!.body).toContain(`#${ticketNumber}`);
    // Nothing internal: not the internal label, the title, the team or the priority.
    expect(replies[0]!.body).not.toMatch(/Waiting on customer|Double charge|P2|Billing/);
    const sent = await h.application.store.customerSide.listSent(h.workspaceId, h.context.conversationId, 10);
    expect(sent).toEqual([expect.objectContaining({ ticketId, state: 'waiting_on_customer', outcome: 'sent', language: 'en' })]);
    // The teammate sees it on the ticket's card (the decision was a write the sidebar's reuse hears of).
    const view = await h.initialize();
    expect(canvasText(view.body)).toMatch(/Customer told: Waiting on customer \(\d{1,2}:\d{2} [AP]M [A-Z]+\)/);
  });

  it('says nothing for a queue that did not opt in', async () => {
    await optIn(['technical']);
    const { ticketId } = await linkTicket(h, { state: 'in_progress' });
    await move(ticketId, 'waiting_on_customer');
    await settle();
    expect(customerReplies()).toHaveLength(0);
    expect(calls(h, /\/reply$/)).toEqual([]);
  });

  it('collapses a state that flaps within the window into one message about where it settled', async () => {
    await optIn();
    const { ticketId } = await linkTicket(h, { state: 'submitted' });
    await move(ticketId, 'in_progress');
    h.clock.advance(MINUTE);
    await move(ticketId, 'waiting_on_customer');
    h.clock.advance(MINUTE);
    await move(ticketId, 'in_progress');
    await settle(10);
    expect(customerReplies()).toHaveLength(1);
    expect(customerReplies()[0]!.body).toContain('In progress');
    // Back to what the customer was told, within the window: nothing new to say.
    await move(ticketId, 'waiting_on_customer');
    h.clock.advance(MINUTE);
    await move(ticketId, 'in_progress');
    await settle(60);
    expect(customerReplies()).toHaveLength(1);
  });

  it('sends at most one update per conversation per interval, and then only the latest state', async () => {
    await optIn();
    const { ticketId } = await linkTicket(h, { state: 'submitted' });
    await move(ticketId, 'in_progress');
    await settle();
    expect(customerReplies()).toHaveLength(1);
    await move(ticketId, 'waiting_on_customer');
    await settle(10);
    expect(customerReplies()).toHaveLength(1);
    await move(ticketId, 'resolved');
    await settle(30);
    // The waiting state was overtaken while it waited: the customer hears of the resolution only.
    expect(customerReplies()).toHaveLength(2);
    expect(customerReplies()[1]!.body).toContain('resolved');
  });

  it('never writes into a closed conversation, except the resolution when the workspace reopens on resolve', async () => {
    await optIn();
    await configure({}, 'unsnooze');
    const { ticketId } = await linkTicket(h, { state: 'submitted' });
    conversation().state = 'closed';
    await move(ticketId, 'in_progress');
    await settle();
    await move(ticketId, 'resolved');
    await settle(40);
    expect(customerReplies()).toHaveLength(0);
    expect(await h.application.store.customerSide.listSent(h.workspaceId, h.context.conversationId, 10)).toEqual([]);

    await configure({}, 'reopen');
    const second = await linkTicket(h, { state: 'in_progress', title: 'Second ticket' });
    conversation().state = 'closed';
    await move(second.ticketId, 'resolved');
    await settle(40);
    expect(customerReplies()).toHaveLength(1);
  });

  it('posts one message however often and however the change is reported', async () => {
    await optIn();
    const { ticketId } = await linkTicket(h, { state: 'in_progress' });
    const delivery = (await move(ticketId, 'waiting_on_customer'))!;
    // A redelivered webhook, a sidebar Refresh and reconciliation, all before and after the window.
    await redeliver(delivery);
    await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    await h.drain();
    await settle();
    h.clock.advance(2 * 3_600_000);
    await h.job('reconcile').runOnce();
    await redeliver(delivery);
    await h.drain();
    expect(customerReplies()).toHaveLength(1);
    const jobs = await h.application.store.outbox.listByWorkspace(h.workspaceId);
    expect(jobs.filter((job) => job.kind === 'customer.case_update')).toHaveLength(1);
  });

  it('survives Intercom failing the reply after posting it: still exactly one message', async () => {
    await optIn();
    h.fake.faults.add({ route: 'POST /conversations/{id}/reply', effect: { type: 'status', status: 503 }, phase: 'after' });
    const { ticketId } = await linkTicket(h, { state: 'in_progress' });
    await move(ticketId, 'waiting_on_customer');
    for (let i = 0; i < 5; i++) await settle(5);
    expect(customerReplies()).toHaveLength(1);
    expect(calls(h, /^POST \/conversations\/\d+\/reply$/)).toHaveLength(1);
  });

  it('writes in the language the customer writes in, falling back to the workspace default', async () => {
    await optIn();
    const german = '<p>Ich habe die Rechnung zweimal bezahlt und bitte um Erstattung. Das ist nicht in Ordnung.</p>';
    conversation().source.body = german;
    for (const part of conversation().parts) if (part.author.type === 'user') part.body = german;
    const { ticketId } = await linkTicket(h, { state: 'submitted' });
    await move(ticketId, 'in_progress');
    await settle();
    expect(customerReplies()[0]!.body).toContain('Unser Team bearbeitet');
    expect(customerReplies()[0]!.body).toContain('In progress');

    // Nothing to tell the language by: the workspace's default.
    await configure({ defaultLanguage: 'fr', intervalMinutes: 1 });
    for (const part of conversation().parts) if (part.author.type === 'user') part.body = '<p>ok 12345</p>';
    conversation().source.body = '<p>ok</p>';
    await move(ticketId, 'waiting_on_customer');
    await settle();
    expect(customerReplies()[1]!.body).toContain('Nous avons besoin');
  });
});
