/**
 * Webhook intake: deliveries accepted in the same turn of the event loop share one commit, each still hears
 * whether it was new; a group that cannot be stored fails every delivery in it and stores none; an item that
 * cannot be serialised fails alone; with the processor's lease, new rows are stored leased and handed over;
 * past its bound the intake refuses at once and stores nothing of what it refused.
 */
import type { LeaseOnArrival, Store } from '../../src/store';
import { createWebhookIntake, type IntakeDelivery, IntakeFullError, type ProcessorHandOver } from '../../src/jobs/webhook-intake';
import { describeContract, seedWorkspace, T0 } from '../store/repos/harness';

const LEASE = 60_000;
/** A bound no test but the bound's own reaches. */
const ROOMY = 10_000;
const clock = { now: () => T0 };
const delivery = (id: string, payload: unknown = { type: 'ticket', id: `tk-${id}` }): IntakeDelivery => ({
  workspaceId: 'ws-a',
  notificationId: id,
  topic: 'ticket.state.updated',
  payload,
});

/** A processor hand-over that grants `lease` (or none) to every delivery and keeps the rows it is handed. */
function recordingProcessor(lease: LeaseOnArrival | null) {
  const handed: string[] = [];
  const asked: number[] = [];
  const processor: ProcessorHandOver = {
    leasesFor: (deliveries) => {
      asked.push(deliveries.length);
      return deliveries.map(() => lease);
    },
    stored: ({ deliveries, leases, isNew }) => {
      deliveries.forEach((d, i) => {
        if (leases[i] && isNew?.[i]) handed.push(d.notificationId);
      });
    },
  };
  return { processor, handed, asked };
}

/** The store with its `transaction` replaced by a mock (the store itself is frozen). */
function withTransaction(store: Store, transaction: jest.Mock): Store {
  return { ...store, transaction: transaction as unknown as Store['transaction'] };
}

describeContract('webhook intake', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));

  it('stores the deliveries of one turn in one commit; each hears new or duplicate, a repeat within it too', async () => {
    await engine.store.webhooks.accept('ws-a', 'stored-before', 'ticket.state.updated', {}, T0);
    const transactions = jest.fn(engine.store.transaction);
    const onStored = jest.fn();
    const intake = createWebhookIntake({
      store: withTransaction(engine.store, transactions),
      clock,
      processor: null,
      onStored,
      maxQueued: ROOMY,
    });
    const ids = ['a', 'b', 'stored-before', 'c', 'a'];
    const answers = await Promise.all(ids.map((id) => intake.accept(delivery(id))));
    expect(answers).toEqual(['new', 'new', 'duplicate', 'new', 'duplicate']);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(onStored).toHaveBeenCalledTimes(1);
    expect(await engine.store.webhooks.get('ws-a', 'c')).toMatchObject({ status: 'pending', attempts: 0, payload: { id: 'tk-c' } });
  });

  it('a group that cannot be committed fails each delivery and stores none; the next group is stored', async () => {
    const transactions = jest.fn(engine.store.transaction).mockRejectedValueOnce(new Error('database unavailable'));
    const intake = createWebhookIntake({
      store: withTransaction(engine.store, transactions),
      clock,
      processor: null,
      onStored: () => {},
      maxQueued: ROOMY,
    });
    const failed = await Promise.allSettled([intake.accept(delivery('x')), intake.accept(delivery('y'))]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await engine.store.webhooks.get('ws-a', 'x')).toBeNull();
    expect(await intake.accept(delivery('x'))).toBe('new');
    expect(transactions).toHaveBeenCalledTimes(2);
  });

  it('an item too deeply nested to serialise fails alone; the rest of its turn is stored', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const intake = createWebhookIntake({ store: engine.store, clock, processor: null, onStored: () => {}, maxQueued: ROOMY });
    const answers = await Promise.allSettled([
      intake.accept(delivery('fine-1')),
      intake.accept(delivery('deep', deep)),
      intake.accept(delivery('fine-2')),
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : a.reason.constructor.name))).toEqual(['new', 'RangeError', 'new']);
    expect(await engine.store.webhooks.get('ws-a', 'deep')).toBeNull();
  });

  it("with the processor's lease, new rows are stored leased to it and handed over; repeats are not", async () => {
    const { processor, handed, asked } = recordingProcessor({ workerId: 'processor-1', leaseMs: LEASE });
    const onStored = jest.fn();
    const intake = createWebhookIntake({ store: engine.store, clock, processor, onStored, maxQueued: ROOMY });
    const payload = { type: 'ticket', id: 'tk-9', nested: { list: [1, 2] } };
    expect(await Promise.all([intake.accept(delivery('n1', payload)), intake.accept(delivery('n1', payload))])).toEqual([
      'new',
      'duplicate',
    ]);
    expect(asked).toEqual([2]);
    expect(handed).toEqual(['n1']);
    expect(onStored).not.toHaveBeenCalled();
    // Leased as a claim would leave it: another worker cannot take it until the lease runs out.
    const claimedBy2 = async (at: number) =>
      (await engine.store.webhooks.claimPending(at, 100, 'processor-2', LEASE)).map((n) => n.notificationId).filter((id) => id === 'n1');
    expect(await claimedBy2(T0)).toEqual([]);
    expect(await claimedBy2(T0 + LEASE)).toEqual(['n1']);
  });

  it('without a lease (processor stopped or enough in hand) rows are stored free for any worker to claim', async () => {
    const { processor, handed } = recordingProcessor(null);
    const onStored = jest.fn();
    const intake = createWebhookIntake({ store: engine.store, clock, processor, onStored, maxQueued: ROOMY });
    expect(await intake.accept(delivery('free'))).toBe('new');
    expect(handed).toEqual([]);
    expect(onStored).toHaveBeenCalledTimes(1);
    const claimed = await engine.store.webhooks.claimPending(T0, 100, 'anyone', LEASE);
    expect(claimed.map((n) => n.notificationId)).toContain('free');
  });

  it('past its bound it refuses at once while a commit is slow; what it took is stored, what it refused is not', async () => {
    let entered!: () => void;
    const inCommit = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The first commit waits at the gate, as a commit does while the database is away.
    const transactions = jest.fn(async (work: Parameters<Store['transaction']>[0]) => {
      entered();
      await gate;
      return engine.store.transaction(work);
    });
    const intake = createWebhookIntake({
      store: withTransaction(engine.store, transactions),
      clock,
      processor: null,
      onStored: () => {},
      maxQueued: 3,
    });
    const first = intake.accept(delivery('slow'));
    await inCommit;
    const waiting = ['q1', 'q2', 'q3'].map((id) => intake.accept(delivery(id)));
    const refused = await Promise.allSettled([intake.accept(delivery('over-1')), intake.accept(delivery('over-2'))]);
    expect(refused.map((r) => (r.status === 'rejected' ? r.reason instanceof IntakeFullError : r.value))).toEqual([true, true]);
    release();
    expect(await Promise.all([first, ...waiting])).toEqual(['new', 'new', 'new', 'new']);
    expect(await engine.store.webhooks.get('ws-a', 'over-1')).toBeNull();
    // Room again once the queue has drained: the refused delivery, sent again, is taken.
    expect(await intake.accept(delivery('over-1'))).toBe('new');
  });
});
