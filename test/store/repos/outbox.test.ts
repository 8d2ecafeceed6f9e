import { describeContract, seedWorkspace, T0 } from './harness';

const LEASE = 30_000;

describeContract('outbox', (engine) => {
  const enqueue = (dedupeKey: string, extra: { runAt?: number; kind?: string; payload?: unknown; ws?: string } = {}) =>
    engine.store.outbox.enqueue(extra.ws ?? 'ws-a', {
      kind: extra.kind ?? 'note.post',
      dedupeKey,
      payload: extra.payload ?? { conversationId: 'conv-1' },
      now: T0,
      ...(extra.runAt !== undefined ? { runAt: extra.runAt } : {}),
    });

  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));

  it('enqueue is idempotent per dedupe key: the second call returns the first row unchanged', async () => {
    const first = await enqueue('esc-1:note', { payload: { v: 1 } });
    const second = await enqueue('esc-1:note', { payload: { v: 2 } });
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, job: first.job });
    expect(await engine.store.outbox.listByWorkspace('ws-a')).toHaveLength(1);
  });

  it('concurrent enqueues of one dedupe key make one row', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => enqueue('esc-2:ticket')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
  });

  it('an enqueue inside a rolled-back transaction leaves no job (state change and effect commit together)', async () => {
    await expect(
      engine.store.transaction(async (tx) => {
        await tx.outbox.enqueue('ws-a', { kind: 'note.post', dedupeKey: 'rolled-back', payload: {}, now: T0 });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await engine.store.outbox.getByDedupeKey('ws-a', 'rolled-back')).toBeNull();
  });

  it('claims only due jobs, earliest first, and leases them', async () => {
    await enqueue('later', { runAt: T0 + 5_000 });
    await enqueue('b', { runAt: T0 + 2 });
    await enqueue('a', { runAt: T0 + 1 });
    const claimed = await engine.store.outbox.claimDue(T0 + 10, 10, 'worker-1', LEASE);
    expect(claimed.map((j) => j.dedupeKey)).toEqual(['a', 'b']);
    expect(claimed[0]).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'worker-1', lockedUntil: T0 + 10 + LEASE });
    // Leased rows are not handed out again while the lease holds.
    expect(await engine.store.outbox.claimDue(T0 + 10, 10, 'worker-2', LEASE)).toEqual([]);
  });

  it('re-claims a crashed worker’s job once its lease expires; the old lease can no longer write', async () => {
    const { job } = await enqueue('crash');
    const [first] = await engine.store.outbox.claimDue(T0, 1, 'worker-dead', LEASE);
    expect(await engine.store.outbox.claimDue(T0 + LEASE - 1, 1, 'worker-2', LEASE)).toEqual([]);
    const [again] = await engine.store.outbox.claimDue(T0 + LEASE, 1, 'worker-2', LEASE);
    expect(again).toMatchObject({ id: job.id, attempts: 2, lockedBy: 'worker-2' });

    const staleLease = { workerId: 'worker-dead', attempts: first!.attempts };
    expect(await engine.store.outbox.fail('ws-a', job.id, { error: 'late', retryAt: T0, lease: staleLease })).toBe(false);
    expect(await engine.store.outbox.complete('ws-a', job.id, { now: T0, lease: staleLease })).toBe(false);
    const lease = { workerId: 'worker-2', attempts: 2 };
    expect(await engine.store.outbox.complete('ws-a', job.id, { now: T0 + LEASE + 5, result: { ticketId: 't-9' }, lease })).toBe(true);
    expect(await engine.store.outbox.get('ws-a', job.id)).toMatchObject({
      status: 'done',
      doneAt: T0 + LEASE + 5,
      result: { ticketId: 't-9' },
    });
    expect(await engine.store.outbox.claimDue(T0 + 10 * LEASE, 10, 'worker-3', LEASE)).toEqual([]);
  });

  it('fail reschedules, deadLetter parks, revive puts a dead job back', async () => {
    const { job } = await enqueue('retry');
    await engine.store.outbox.claimDue(T0, 1, 'w', LEASE);
    expect(
      await engine.store.outbox.fail('ws-a', job.id, {
        error: '503 from Intercom',
        retryAt: T0 + 4_000,
        lease: { workerId: 'w', attempts: 1 },
      }),
    ).toBe(true);
    expect(await engine.store.outbox.get('ws-a', job.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: T0 + 4_000,
      lastError: '503 from Intercom',
      lockedBy: null,
    });
    expect(await engine.store.outbox.claimDue(T0 + 3_999, 1, 'w', LEASE)).toEqual([]);
    expect(await engine.store.outbox.claimDue(T0 + 4_000, 1, 'w', LEASE)).toHaveLength(1);

    expect(await engine.store.outbox.deadLetter('ws-a', job.id, { error: '400 invalid', now: T0 + 5_000 })).toBe(true);
    expect(await engine.store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'dead', nextAttemptAt: null, lastError: '400 invalid' });
    expect(await engine.store.outbox.pendingCount('ws-a')).toBe(0);
    expect(await engine.store.outbox.revive('ws-a', job.id, T0 + 6_000)).toBe(true);
    expect(await engine.store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 6_000 });
  });

  it('claims only the kinds a worker can handle', async () => {
    await enqueue('n', { kind: 'note.post' });
    await enqueue('t', { kind: 'ticket.create' });
    const claimed = await engine.store.outbox.claimDue(T0, 10, 'w', LEASE, ['ticket.create']);
    expect(claimed.map((j) => j.kind)).toEqual(['ticket.create']);
    expect(await engine.store.outbox.claimDue(T0, 10, 'w', LEASE, [])).toEqual([]);
  });

  it('two instances claiming at once never get the same job, and together get them all', async () => {
    for (let i = 0; i < 60; i++) await enqueue(`job-${i}`, { runAt: T0 + i });
    const other = await engine.openAnother();
    const claimers = [engine.store, other, engine.store, other];
    const batches = await Promise.all(claimers.map((s, i) => s.outbox.claimDue(T0 + 100, 20, `worker-${i}`, LEASE)));
    const ids = batches.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(60);
  });

  it('counts unfinished jobs per workspace and overall', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    await enqueue('a1');
    await enqueue('a2', { runAt: T0 + 1 });
    await enqueue('b1', { ws: 'ws-b', runAt: T0 + 1 });
    const [claimed] = await engine.store.outbox.claimDue(T0, 10, 'w', LEASE);
    expect(claimed?.dedupeKey).toBe('a1');
    await engine.store.outbox.complete('ws-a', claimed!.id, { now: T0 });
    expect(await engine.store.outbox.pendingCount('ws-a')).toBe(1);
    expect(await engine.store.outbox.pendingCount('ws-b')).toBe(1);
    expect(await engine.store.outbox.pendingCount(null)).toBe(2);
    expect((await engine.store.outbox.listByWorkspace('ws-a', { status: 'done' })).map((j) => j.dedupeKey)).toEqual(['a1']);
  });
});
