/**
 * The webhook feed keeps arrival order across its two sources: once a delivery has gone to the store without a
 * lease (the processor had enough in hand), a newer one is not handed over ahead of it, until a claim has drained
 * the store of what was stored before. Both stores, the real intake in front.
 */
import { createWebhookFeed } from '../../src/jobs/webhook-feed';
import { createWebhookIntake, type IntakeDelivery } from '../../src/jobs/webhook-intake';
import type { InboxNotification, Store } from '../../src/store';
import { describeContract, seedWorkspace, T0 } from '../store/repos/harness';

const delivery = (id: string): IntakeDelivery => ({
  workspaceId: 'ws-a',
  notificationId: id,
  topic: 'ticket.state.updated',
  payload: { type: 'ticket', id: 'tk-1' },
});

/** Feed (one row a batch, so at most 8 in hand) and intake wired as the processor wires them, on a clock that moves. */
function wired(store: Store) {
  let now = T0;
  const clock = { now: () => (now += 1) };
  const feed = createWebhookFeed({ store, workerId: 'processor-1', batchSize: 1, leaseMs: 60_000, onHanded: () => {} });
  const intake = createWebhookIntake({ store, clock, processor: feed, onStored: () => {}, maxQueued: 1_000 });
  const claims = jest.spyOn(store.webhooks, 'claimPending');
  /** Every batch until one comes back empty, and whether each came from a claim. */
  async function drain(): Promise<{ ids: string[]; claimed: boolean[] }> {
    const ids: string[] = [];
    const claimed: boolean[] = [];
    for (;;) {
      const before = claims.mock.calls.length;
      const batch: InboxNotification[] = await feed.next(clock.now());
      if (batch.length === 0) return { ids, claimed };
      ids.push(...batch.map((n) => n.notificationId));
      claimed.push(claims.mock.calls.length > before);
      // Applied: finished, as the processor would.
      await store.webhooks.finishMany(
        batch.map((n) => ({ workspaceId: n.workspaceId, notificationId: n.notificationId, status: 'done', error: null })),
        clock.now(),
      );
    }
  }
  return { feed, intake, claims, drain };
}

describeContract('webhook feed order', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));
  afterEach(() => jest.restoreAllMocks());

  it('a newer delivery is not handed over ahead of older ones the store holds', async () => {
    const { feed, intake, drain } = wired(engine.store);
    feed.open();
    expect(await drain()).toEqual({ ids: [], claimed: [] });
    // Nine in one commit: more than the feed keeps in hand, so they go to the store unleased.
    const older = Array.from({ length: 9 }, (_, i) => `older-${i}`);
    expect(await Promise.all(older.map((id) => intake.accept(delivery(id))))).toEqual(older.map(() => 'new'));
    // One alone: room in hand, yet it must wait its turn in the store.
    expect(await intake.accept(delivery('newer'))).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'newer')).toMatchObject({ attempts: 0 });
    const first = await drain();
    expect([...first.ids].sort()).toEqual([...older, 'newer'].sort());
    expect(first.ids.at(-1)).toBe('newer');
    expect(first.claimed.every(Boolean)).toBe(true);
    // The store drained and nothing under way: hand-over resumes.
    expect(await intake.accept(delivery('later'))).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'later')).toMatchObject({ attempts: 1 });
    expect(await drain()).toEqual({ ids: ['later'], claimed: [false] });
  });

  it('a claim that meets an unleased commit under way does not resume hand-over', async () => {
    const { feed, intake, claims, drain } = wired(engine.store);
    feed.open();
    // The start-up claim runs while a delivery is being stored without a lease: it may not have seen that row.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    claims.mockImplementationOnce(async (...args) => {
      await gate;
      return engine.store.webhooks.claimPending(...args);
    });
    const startUp = feed.next(T0);
    const stored = intake.accept(delivery('during-claim'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await startUp;
    expect(await stored).toBe('new');
    expect(await intake.accept(delivery('after-claim'))).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'after-claim')).toMatchObject({ attempts: 0 });
    const { ids } = await drain();
    expect(ids).toEqual(['during-claim', 'after-claim']);
  });

  it('stopping with rows in hand gives them back to the store at once', async () => {
    const { feed, intake, drain } = wired(engine.store);
    feed.open();
    await drain();
    expect(await intake.accept(delivery('in-hand'))).toBe('new');
    await feed.close();
    const claimed = await engine.store.webhooks.claimPending(T0 + 10, 10, 'another-instance', 60_000);
    expect(claimed.map((n) => n.notificationId)).toEqual(['in-hand']);
  });
});
