import { clockWrite } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

const LEASE = 10_000;

describeContract('sla clocks and ladder', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));

  it('upserts clocks per (ticket, kind) and keeps their state opaque', async () => {
    const state = { spentMs: 1234, pausedSince: null, events: [{ at: T0, type: 'start' }] };
    await engine.store.clocks.upsert('ws-a', clockWrite({ state }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ kind: 'resolution', nextFireAt: null, nextStep: null, status: 'paused' }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ state, nextStep: 'escalate', cycle: 1 }), T0 + 1);
    expect(await engine.store.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({
      state,
      nextStep: 'escalate',
      cycle: 1,
      updatedAt: T0 + 1,
    });
    expect((await engine.store.clocks.listByTicket('ws-a', 'tk-1')).map((c) => [c.kind, c.status])).toEqual([
      ['resolution', 'paused'],
      ['response', 'running'],
    ]);
  });

  it('claimDue hands out due clocks earliest first, leased; writing the clock back ends the lease', async () => {
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'later', nextFireAt: T0 + 50_000 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'b', nextFireAt: T0 + 20 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'a', nextFireAt: T0 + 10 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'paused', nextFireAt: null }), T0);

    const claimed = await engine.store.clocks.claimDue(T0 + 100, 10, 'instance-1', LEASE);
    expect(claimed.map((c) => c.ticketId)).toEqual(['a', 'b']);
    // The claim keeps the original due time: a step that fires late says when it was due.
    expect(claimed[0]).toMatchObject({ nextFireAt: T0 + 10, lockedBy: 'instance-1', lockedUntil: T0 + 100 + LEASE });
    expect(await engine.store.clocks.claimDue(T0 + 100, 10, 'instance-2', LEASE)).toEqual([]);
    // Instance 1 died: after the lease, instance 2 takes its clocks.
    expect((await engine.store.clocks.claimDue(T0 + 100 + LEASE, 10, 'instance-2', LEASE)).map((c) => c.ticketId)).toEqual(['a', 'b']);

    await engine.store.clocks.upsert(
      'ws-a',
      clockWrite({ ticketId: 'a', nextFireAt: T0 + 30_000, nextStep: 'escalate' }),
      T0 + LEASE + 101,
    );
    expect(await engine.store.clocks.get('ws-a', 'a', 'response')).toMatchObject({ lockedBy: null, lockedUntil: null });
    // 'a' is due again at its new time; 'b' is free again once instance 2's lease has run out.
    expect((await engine.store.clocks.claimDue(T0 + 60_000, 10, 'instance-3', LEASE)).map((c) => c.ticketId)).toEqual(['b', 'a', 'later']);
  });

  it('two scheduler instances claiming at once split the due clocks without overlap', async () => {
    for (let i = 0; i < 40; i++) await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: `tk-${i}`, nextFireAt: T0 + i }), T0);
    const other = await engine.openAnother();
    const batches = await Promise.all(
      [engine.store, other, engine.store, other].map((s, i) => s.clocks.claimDue(T0 + 100, 15, `i-${i}`, LEASE)),
    );
    const keys = batches.flat().map((c) => c.ticketId);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(40);
  });

  it('recordFiring succeeds once per (ticket, kind, cycle, step), also when 20 race', async () => {
    const firing = { ticketId: 'tk-1', kind: 'response' as const, cycle: 0, step: 'warn' as const, dueAt: T0, firedAt: T0 + 5 };
    const other = await engine.openAnother();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : engine.store).ladder.recordFiring('ws-a', firing)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    // A new cycle (the ticket reopened) or another step fires again.
    expect(await engine.store.ladder.recordFiring('ws-a', { ...firing, cycle: 1 })).toBe(true);
    expect(await engine.store.ladder.recordFiring('ws-a', { ...firing, step: 'escalate' })).toBe(true);
    expect(await engine.store.ladder.listByTicket('ws-a', 'tk-1')).toHaveLength(3);
  });

  it('a refused firing does not spoil the surrounding transaction', async () => {
    const firing = { ticketId: 'tk-1', kind: 'resolution' as const, cycle: 0, step: 'breach' as const, dueAt: T0, firedAt: T0 };
    await engine.store.ladder.recordFiring('ws-a', firing);
    const queued = await engine.store.transaction(async (tx) => {
      const fired = await tx.ladder.recordFiring('ws-a', firing);
      // On PostgreSQL a caught unique violation would have aborted this transaction; DO NOTHING does not.
      await tx.outbox.enqueue('ws-a', { kind: 'ladder.breach', dedupeKey: 'after-refusal', payload: {}, now: T0 });
      return fired;
    });
    expect(queued).toBe(false);
    expect(await engine.store.outbox.getByDedupeKey('ws-a', 'after-refusal')).not.toBeNull();
  });

  it('getForUpdate serialises read-compute-write of one clock across instances', async () => {
    await engine.store.clocks.upsert('ws-a', clockWrite({ state: { n: 0 } }), T0);
    const other = await engine.openAnother();
    // Each writer increments the counter in state; lost updates would leave it below 10.
    // SQLite: one connection per process, so use one store; PostgreSQL: two pools contend for the row lock.
    const writers = engine.dialect === 'postgres' ? [engine.store, other] : [engine.store];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writers[i % writers.length]!.transaction(async (tx) => {
          const clock = await tx.clocks.getForUpdate('ws-a', 'tk-1', 'response');
          const n = (clock!.state as { n: number }).n;
          await tx.clocks.upsert('ws-a', clockWrite({ state: { n: n + 1 } }), T0 + i);
        }),
      ),
    );
    expect((await engine.store.clocks.get('ws-a', 'tk-1', 'response'))?.state).toEqual({ n: 10 });
  });
});
