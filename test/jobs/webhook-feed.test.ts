/**
 * The webhook feed keeps arrival order per ticket across its two sources: once a delivery of a ticket has gone to
 * the store without a lease (the processor had enough in hand, or was starting), that ticket's newer deliveries are
 * not handed over ahead of it until a claim has taken it; other tickets' deliveries are handed over meanwhile.
 * Both stores, the real intake in front.
 */
import { createWebhookFeed } from '../../src/jobs/webhook-feed';
import { createWebhookIntake, type IntakeDelivery } from '../../src/jobs/webhook-intake';
import type { InboxNotification, Store } from '../../src/store';
import { describeContract, seedWorkspace, T0 } from '../store/repos/harness';

const now = (args: Parameters<Store['webhooks']['claimPending']>) => args[0];

const delivery = (id: string, ticketId = 'tk-1'): IntakeDelivery => ({
  workspaceId: 'ws-a',
  notificationId: id,
  topic: 'ticket.state.updated',
  payload: { item: { type: 'ticket', id: ticketId }, createdAt: null },
});

/** Feed (one row a batch, `maxInHand` in hand) and intake wired as the processor wires them, on a clock that moves. */
function wired(store: Store, maxInHand = 8) {
  let now = T0;
  const clock = { now: () => (now += 1) };
  const feed = createWebhookFeed({ store, workerId: 'processor-1', batchSize: 1, leaseMs: 60_000, maxInHand, onHanded: () => {} });
  const intake = createWebhookIntake({ store, clock, processor: feed, onStored: () => {}, maxQueued: 1_000 });
  const original = store.webhooks.claimPending;
  const claimedIds = new Set<string>();
  const claims = jest.spyOn(store.webhooks, 'claimPending').mockImplementation(async (...args) => {
    const rows = await original(...args);
    for (const n of rows) claimedIds.add(n.notificationId);
    return rows;
  });
  /** Every batch until one comes back empty, and whether each row was handed over rather than claimed. */
  async function drain(): Promise<{ ids: string[]; handed: boolean[] }> {
    const ids: string[] = [];
    const handed: boolean[] = [];
    for (;;) {
      const batch: InboxNotification[] = await feed.next(clock.now());
      if (batch.length === 0) return { ids, handed };
      for (const n of batch) {
        ids.push(n.notificationId);
        handed.push(!claimedIds.has(n.notificationId));
      }
      // Applied: finished, as the processor would.
      await store.webhooks.finishMany(
        batch.map((n) => ({ workspaceId: n.workspaceId, notificationId: n.notificationId, status: 'done', error: null })),
        clock.now(),
      );
    }
  }
  return { feed, intake, claims, drain, clock };
}

describeContract('webhook feed order', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));
  afterEach(() => jest.restoreAllMocks());

  it("a ticket's newer delivery is not handed over ahead of its older ones the store holds", async () => {
    const { feed, intake, drain, clock } = wired(engine.store);
    feed.open(clock.now());
    expect(await drain()).toEqual({ ids: [], handed: [] });
    // Nine in one commit: more than the feed keeps in hand, so the ninth goes to the store unleased.
    const older = Array.from({ length: 9 }, (_, i) => `older-${i}`);
    expect(await Promise.all(older.map((id) => intake.accept(delivery(id))))).toEqual(older.map(() => 'new'));
    expect(await engine.store.webhooks.get('ws-a', 'older-8')).toMatchObject({ attempts: 0 });
    // Room in hand again once a batch is taken, yet the same ticket's next delivery must wait its turn in the store.
    expect(await intake.accept(delivery('newer'))).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'newer')).toMatchObject({ attempts: 0 });
    const first = await drain();
    expect(first.ids).toEqual([...older, 'newer']);
    expect(first.handed).toEqual([...older.slice(0, 8).map(() => true), false, false]);
    // Nothing of the ticket left in the store: hand-over resumes, the row as a claim would have returned it.
    expect(await intake.accept(delivery('later'))).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'later')).toMatchObject({ attempts: 1 });
    const [later] = await feed.next(clock.now());
    expect(later).toEqual({
      workspaceId: 'ws-a',
      notificationId: 'later',
      topic: 'ticket.state.updated',
      payload: { item: { type: 'ticket', id: 'tk-1' }, createdAt: null },
      receivedAt: later!.receivedAt,
      status: 'pending',
      processedAt: null,
      attempts: 1,
      lastError: null,
      nextAttemptAt: later!.receivedAt,
    });
  });

  it("while one ticket is held back behind a row in the store, another ticket's rows are handed straight over; each in arrival order", async () => {
    const { feed, intake, claims, drain, clock } = wired(engine.store, 2);
    feed.open(clock.now());
    await drain();
    // Three of ticket A in one commit: two in hand (full), the third to the store: A is held back.
    expect(await Promise.all(['a0', 'a1', 'a2'].map((id) => intake.accept(delivery(id, 'tk-a'))))).toEqual(['new', 'new', 'new']);
    // The claims of the next two passes do not reach A's stored row yet (as when the store is slow to give it).
    claims.mockResolvedValueOnce([]).mockResolvedValueOnce([]);
    expect((await feed.next(clock.now())).map((n) => n.notificationId)).toEqual(['a0']);
    expect((await feed.next(clock.now())).map((n) => n.notificationId)).toEqual(['a1']);
    // Room in hand; the two tickets' rows interleave.
    for (const [id, ticket] of [
      ['b0', 'tk-b'],
      ['a3', 'tk-a'],
      ['b1', 'tk-b'],
      ['a4', 'tk-a'],
    ] as const)
      expect(await intake.accept(delivery(id, ticket))).toBe('new');
    const { ids, handed } = await drain();
    const by = (prefix: string) => ids.filter((id) => id.startsWith(prefix));
    expect(by('b')).toEqual(['b0', 'b1']);
    expect(by('a')).toEqual(['a2', 'a3', 'a4']);
    // B went straight through (handed over, and ahead of A's waiting rows); A's rows came from the store in order.
    expect(ids.slice(0, 2)).toEqual(['b0', 'b1']);
    expect(handed).toEqual([true, true, false, false, false]);
  });

  it("a claim that returns a ticket's rows of one commit newest first, or the newest alone, still applies them in arrival order", async () => {
    const { feed, intake, claims, drain, clock } = wired(engine.store, 0);
    feed.open(clock.now());
    await drain();
    // Nothing may be kept in hand: all three go to the store in one commit, tied on their received_at.
    const ids = ['first', 'second', 'third'];
    expect(await Promise.all(ids.map((id) => intake.accept(delivery(id))))).toEqual(['new', 'new', 'new']);
    const original = claims.getMockImplementation()!;
    // The first claim takes all three and gives back all but the newest: it returned the newest alone.
    claims.mockImplementationOnce(async (now, _limit, workerId, leaseMs) => {
      const all = await original(now, 10, workerId, leaseMs);
      await engine.store.webhooks.releaseLeases(
        workerId,
        all.filter((n) => n.notificationId !== 'third'),
      );
      return all.filter((n) => n.notificationId === 'third');
    });
    // The next returns the other two newest first.
    claims.mockImplementationOnce(async (...args) => (await original(now(args), 10, args[2], args[3])).reverse());
    expect((await drain()).ids).toEqual(ids);
  });

  it('rows stored before the processor opened are applied before newer ones of the same ticket', async () => {
    const { feed, intake, claims, drain, clock } = wired(engine.store);
    expect(await intake.accept(delivery('before-open'))).toBe('new');
    feed.open(clock.now());
    // The start-up claim is slow; a delivery arrives meanwhile: not handed over, since the store may hold older rows.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = claims.getMockImplementation()!;
    claims.mockImplementationOnce(async (...args) => {
      await gate;
      return original(...args);
    });
    const startUp = feed.next(clock.now());
    const stored = intake.accept(delivery('during-claim'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const first = await startUp;
    expect(await stored).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'during-claim')).toMatchObject({ attempts: expect.any(Number) });
    const rest = await drain();
    expect([...first.map((n) => n.notificationId), ...rest.ids]).toEqual(['before-open', 'during-claim']);
    // Drained: hand-over resumes.
    expect(await intake.accept(delivery('after'))).toBe('new');
    expect(await drain()).toEqual({ ids: ['after'], handed: [true] });
  });

  it('stopping with rows in hand gives them back to the store at once', async () => {
    const { feed, intake, drain, clock } = wired(engine.store);
    feed.open(clock.now());
    await drain();
    expect(await intake.accept(delivery('in-hand'))).toBe('new');
    await feed.close();
    const claimed = await engine.store.webhooks.claimPending(T0 + 10, 10, 'another-instance', 60_000);
    expect(claimed.map((n) => n.notificationId)).toEqual(['in-hand']);
  });
});
