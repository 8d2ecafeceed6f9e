/**
 * Reconciliation: a lost webhook leaves the sidebar wrong only until the snapshot's maximum age; a webhook we
 * expected and never got is chased sooner; each pass is bounded and a 429 pauses the job until Intercom's reset.
 */
import { createReconciler } from '../../src/jobs/reconciler';
import { createSyncDeps } from '../../src/services/sync';
import { silentLogger } from '../../src/util/logger';
import { calls, linkTicket, type SyncHarness, useSyncHarness, storedTicket } from '../services/sync/support';

let h: SyncHarness;
useSyncHarness(
  (started) => {
    h = started;
  },
  { webhooks: false },
);

const MINUTE = 60_000;
const reconcile = () => h.job('reconcile').runOnce();

function boundedReconciler(perTick: number, perWorkspace: number) {
  const sync = createSyncDeps({ deps: h.application.deps, logger: silentLogger, pokeOutbox: () => {} });
  return createReconciler({ sync, intervalMs: MINUTE, perTick, perWorkspace });
}

describe('reconciliation', () => {
  it('fixes a missed webhook once the snapshot is older than snapshotMaxAgeMinutes (15)', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(MINUTE);
    await h.fake.backOffice.setState(ticketId, 'waiting_on_customer');
    h.clock.advance(10 * MINUTE);
    expect(await reconcile()).toBe(0);
    expect(h.fake.requests).toHaveLength(0);
    h.clock.advance(5 * MINUTE);
    expect(await reconcile()).toBe(1);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('waiting_on_customer');
    expect((await h.application.store.clocks.get(h.workspaceId, ticketId, 'resolution'))?.status).toBe('paused');
    expect(await reconcile()).toBe(0);
    expect(calls(h, /tickets/)).toEqual([`GET /tickets/${ticketId}`]);
  });

  it('chases a webhook a customer reply should have caused, two minutes later', async () => {
    const { ticketId } = await linkTicket(h, { state: 'waiting_on_customer' });
    h.fake.configureWebhooks({ url: h.webhookUrl, clientSecret: 'test-client-secret' });
    const conversation = { type: 'conversation', id: h.context.conversationId };
    await h.fake.emitWebhook(h.workspaceId, 'conversation.user.replied', conversation);
    await h.drain();
    h.fake.configureWebhooks(null);
    await h.fake.backOffice.setState(ticketId, 'in_progress');
    h.clock.advance(MINUTE);
    expect(await reconcile()).toBe(0);
    h.clock.advance(MINUTE + 1);
    expect(await reconcile()).toBe(1);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('in_progress');
  });

  it('re-reads no more than its budget per pass and per workspace', async () => {
    for (let i = 0; i < 6; i++) await linkTicket(h, { title: `Ticket ${i}` });
    h.clock.advance(20 * MINUTE);
    expect(await boundedReconciler(10, 4).runOnce()).toBe(4);
    expect(calls(h, /^GET \/tickets/)).toHaveLength(4);
    expect(await boundedReconciler(10, 4).runOnce()).toBe(2);
    expect(await boundedReconciler(10, 4).runOnce()).toBe(0);
  });

  it('pauses on a 429 until the rate-limit window resets', async () => {
    await linkTicket(h);
    await linkTicket(h, { title: 'Second' });
    h.clock.advance(20 * MINUTE);
    const limited = h.fake.faults.rateLimitNext(Number.POSITIVE_INFINITY, 120, 'GET /tickets/{id}');
    const job = boundedReconciler(10, 10);
    await job.runOnce();
    const tried = calls(h, /^GET \/tickets/).length;
    expect(tried).toBeGreaterThan(0);
    limited.remove();
    h.clock.advance(60_000);
    expect(await job.runOnce()).toBe(0);
    expect(calls(h, /^GET \/tickets/)).toHaveLength(tried);
    h.clock.advance(61_000);
    expect(await job.runOnce()).toBe(2);
  });

  it('moves a ticket Intercom no longer has to the back instead of retrying it every pass', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(20 * MINUTE);
    h.fake.faults.failNext(1, 404, 'GET /tickets/{id}');
    expect(await reconcile()).toBe(1);
    expect(await reconcile()).toBe(0);
    expect((await storedTicket(h, ticketId)).syncedAt).toBe(h.clock.now());
  });

  it('tries a 408 again on the next pass instead of moving the ticket to the back', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(20 * MINUTE);
    const before = (await storedTicket(h, ticketId)).syncedAt;
    h.fake.faults.failNext(1, 408, 'GET /tickets/{id}');
    expect(await reconcile()).toBe(1);
    expect((await storedTicket(h, ticketId)).syncedAt).toBe(before);
    expect(await reconcile()).toBe(1);
    expect((await storedTicket(h, ticketId)).syncedAt).toBe(h.clock.now());
  });
});
