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

  it('lockDue hands out due clocks earliest first, with their workspace, settings revision and steps fired this cycle', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    await engine.store.workspaces.markUninstalled('ws-b', T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'later', nextFireAt: T0 + 50_000 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'b', nextFireAt: T0 + 20, cycle: 1 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'a', nextFireAt: T0 + 10 }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'paused', nextFireAt: null }), T0);
    // Armed after the uninstall (a late event): handed out all the same, with the uninstall, so it can be disarmed.
    await engine.store.clocks.upsert('ws-b', clockWrite({ ticketId: 'gone', nextFireAt: T0 + 30 }), T0);
    const firing = { ticketId: 'b', kind: 'response' as const, cycle: 1, dueAt: T0, firedAt: T0 };
    await engine.store.ladder.recordFiring('ws-a', { ...firing, step: 'warn' });
    await engine.store.ladder.recordFiring('ws-a', { ...firing, step: 'escalate' });
    await engine.store.ladder.recordFiring('ws-a', { ...firing, cycle: 0, step: 'breach' });

    const due = await engine.store.clocks.lockDue(T0 + 100, 10, 'instance-1');
    expect(due.map((c) => [c.workspaceId, c.ticketId, c.uninstalledAt, [...c.firedInCycle].sort()])).toEqual([
      ['ws-a', 'a', null, []],
      ['ws-a', 'b', null, ['escalate', 'warn']],
      ['ws-b', 'gone', T0, []],
    ]);
    expect(due[0]?.settingsRevision).toBe(await engine.store.settings.revision('ws-a'));
    expect(due[0]).toMatchObject({ nextFireAt: T0 + 10, state: { spentMs: 0 } });
    expect((await engine.store.clocks.lockDue(T0 + 100, 2, 'instance-1')).map((c) => c.ticketId)).toEqual(['a', 'b']);
  });

  it('lockDue leaves alone a clock leased to another instance until the lease ends; rearm ends it', async () => {
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'a', nextFireAt: T0 + 10 }), T0);
    // Leases are what earlier versions' claims left; an instance mid-upgrade may still hold one.
    await engine.database.db
      .updateTable('sla_clocks')
      .set({ locked_by: 'old-instance', locked_until: T0 + LEASE })
      .execute();
    expect(await engine.store.clocks.lockDue(T0 + 100, 10, 'instance-1')).toEqual([]);
    expect((await engine.store.clocks.lockDue(T0 + 100, 10, 'old-instance')).map((c) => c.ticketId)).toEqual(['a']);
    expect((await engine.store.clocks.lockDue(T0 + LEASE, 10, 'instance-1')).map((c) => c.ticketId)).toEqual(['a']);

    const rows = [
      { workspaceId: 'ws-a', ticketId: 'a', kind: 'response' as const, nextFireAt: T0 + 30_000, nextStep: 'escalate' as const },
      { workspaceId: 'ws-a', ticketId: 'none', kind: 'response' as const, nextFireAt: null, nextStep: null },
    ];
    expect(await engine.store.clocks.rearm(rows, T0 + 200)).toBe(1);
    expect(await engine.store.clocks.get('ws-a', 'a', 'response')).toMatchObject({
      nextFireAt: T0 + 30_000,
      nextStep: 'escalate',
      lockedBy: null,
      lockedUntil: null,
      updatedAt: T0 + 200,
      state: { spentMs: 0, events: [] },
    });
    await engine.store.clocks.rearm([{ ...rows[0]!, nextFireAt: null, nextStep: null }], T0 + 300);
    expect(await engine.store.clocks.get('ws-a', 'a', 'response')).toMatchObject({ nextFireAt: null, nextStep: null });
    expect(await engine.store.clocks.rearm([], T0)).toBe(0);
  });

  it('two scheduler instances locking at once split the due clocks without overlap', async () => {
    for (let i = 0; i < 40; i++) await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: `tk-${i}`, nextFireAt: T0 + i }), T0);
    const other = await engine.openAnother();
    const batches = await Promise.all(
      [engine.store, other, engine.store, other].map((s, i) =>
        s.transaction(async (tx) => {
          const due = await tx.clocks.lockDue(T0 + 100, 15, `i-${i}`);
          const rearms = due.map((c) => ({
            workspaceId: c.workspaceId,
            ticketId: c.ticketId,
            kind: c.kind,
            nextFireAt: null,
            nextStep: null,
          }));
          await tx.clocks.rearm(rearms, T0 + 100);
          return due;
        }),
      ),
    );
    const keys = batches.flat().map((c) => c.ticketId);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(40);
  });

  it('recordFirings records a batch across workspaces and returns only the firings it won', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    const firing = { ticketId: 'tk-1', kind: 'response' as const, cycle: 0, step: 'warn' as const, dueAt: T0, firedAt: T0 + 5 };
    await engine.store.ladder.recordFiring('ws-a', firing);
    const batch = [
      { workspaceId: 'ws-a', ...firing },
      { workspaceId: 'ws-b', ...firing },
      { workspaceId: 'ws-a', ...firing, step: 'escalate' as const },
    ];
    expect(await engine.store.ladder.recordFirings(batch)).toEqual([batch[1], batch[2]]);
    expect(await engine.store.ladder.recordFirings(batch)).toEqual([]);
    expect(await engine.store.ladder.recordFirings([])).toEqual([]);
    expect((await engine.store.ladder.listByTicket('ws-a', 'tk-1')).map((f) => f.step).sort()).toEqual(['escalate', 'warn']);
  });

  it('enqueueMany queues a batch across workspaces once per dedupe key', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    await engine.store.outbox.enqueue('ws-a', { kind: 'ladder.step', dedupeKey: 'k1', payload: { first: true }, now: T0 });
    const jobs = ['ws-a', 'ws-b'].flatMap((workspaceId) =>
      ['k1', 'k2'].map((dedupeKey) => ({ workspaceId, kind: 'ladder.step', dedupeKey, payload: { workspaceId, dedupeKey }, now: T0 + 1 })),
    );
    expect(await engine.store.outbox.enqueueMany(jobs)).toBe(3);
    expect(await engine.store.outbox.enqueueMany(jobs)).toBe(0);
    expect(await engine.store.outbox.enqueueMany([])).toBe(0);
    expect((await engine.store.outbox.getByDedupeKey('ws-a', 'k1'))?.payload).toEqual({ first: true });
    expect(await engine.store.outbox.getByDedupeKey('ws-b', 'k2')).toMatchObject({
      status: 'pending',
      nextAttemptAt: T0 + 1,
      payload: jobs[3]?.payload,
    });
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
