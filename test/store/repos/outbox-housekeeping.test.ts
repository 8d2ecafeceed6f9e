/**
 * The outbox's maintained counters (migration 0006), its dead-job list and the pruning of done rows, on every engine.
 * The counters are checked against a real count after a mixed history, since they exist to stand in for one.
 */
import { describeContract, seedWorkspace, T0 } from './harness';

const LEASE = 30_000;
const MINUTE = 60_000;

describeContract('outbox housekeeping', (engine) => {
  const enqueue = (dedupeKey: string, ws = 'ws-a', payload: unknown = { ticketId: 't-1' }) =>
    engine.store.outbox.enqueue(ws, { kind: 'ladder.step', dedupeKey, payload, now: T0 });
  /** Claims `n` due jobs and lets `outcome` decide each one's fate. */
  const settle = async (n: number, at: number, outcome: (id: string, ws: string, attempts: number) => Promise<boolean>) => {
    for (const job of await engine.store.outbox.claimDue(at, n, 'w', LEASE)) await outcome(job.id, job.workspaceId, job.attempts);
  };

  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('the counters follow every transition and agree with a real count', async () => {
    expect(await engine.store.outbox.counts()).toEqual({ open: 0, dead: 0, deadLetteredTotal: 0 });
    for (let i = 0; i < 6; i++) await enqueue(`a${i}`);
    for (let i = 0; i < 3; i++) await enqueue(`b${i}`, 'ws-b');
    expect(await engine.store.outbox.counts()).toEqual({ open: 9, dead: 0, deadLetteredTotal: 0 });
    // Claims and retries stay "open": no counter moves.
    await settle(2, T0, (id, ws, attempts) =>
      engine.store.outbox.fail(ws, id, { error: 'timeout', retryAt: T0 + MINUTE, lease: { workerId: 'w', attempts } }),
    );
    expect((await engine.store.outbox.counts()).open).toBe(9);
    await settle(3, T0, (id, ws, attempts) => engine.store.outbox.complete(ws, id, { now: T0, lease: { workerId: 'w', attempts } }));
    await settle(2, T0, (id, ws, attempts) =>
      engine.store.outbox.deadLetter(ws, id, { error: '503', now: T0, lease: { workerId: 'w', attempts } }),
    );
    expect(await engine.store.outbox.counts()).toEqual({ open: 4, dead: 2, deadLetteredTotal: 2 });
    const [dead] = await engine.store.outbox.listByWorkspace('ws-a', { status: 'dead' });
    expect(await engine.store.outbox.revive('ws-a', dead!.id, T0 + 1)).toBe(true);
    expect(await engine.store.outbox.counts()).toEqual({ open: 5, dead: 1, deadLetteredTotal: 2 });
    expect(await engine.store.outbox.deadLetter('ws-a', dead!.id, { error: 'again', now: T0 + 2 })).toBe(true);
    expect(await engine.store.outbox.counts()).toEqual({ open: 4, dead: 2, deadLetteredTotal: 3 });
    expect((await engine.store.outbox.counts()).open).toBe(await engine.store.outbox.pendingCount(null));

    // A purged workspace takes its rows and its counters with it.
    await engine.store.workspaces.purge('ws-b');
    expect((await engine.store.outbox.counts()).open).toBe(await engine.store.outbox.pendingCount(null));
    expect((await engine.store.outbox.counts()).dead).toBe((await engine.store.outbox.listByWorkspace('ws-a', { status: 'dead' })).length);
  });

  it('a rolled-back transaction leaves the counters as they were', async () => {
    await expect(
      engine.store.transaction(async (tx) => {
        await tx.outbox.enqueue('ws-a', { kind: 'ladder.step', dedupeKey: 'gone', payload: {}, now: T0 });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await engine.store.outbox.counts()).toEqual({ open: 0, dead: 0, deadLetteredTotal: 0 });
  });

  it('lists one workspace’s dead jobs, most recent first', async () => {
    for (const [key, ws] of [
      ['x', 'ws-a'],
      ['y', 'ws-a'],
      ['z', 'ws-b'],
      ['alive', 'ws-a'],
    ] as const)
      await enqueue(key, ws);
    const byKey = async (ws: string, key: string) => (await engine.store.outbox.getByDedupeKey(ws, key))!.id;
    await engine.store.outbox.deadLetter('ws-a', await byKey('ws-a', 'x'), { error: 'first', now: T0 + 1 });
    await engine.store.outbox.deadLetter('ws-a', await byKey('ws-a', 'y'), { error: 'second', now: T0 + 2 });
    await engine.store.outbox.deadLetter('ws-b', await byKey('ws-b', 'z'), { error: 'other', now: T0 + 3 });
    expect((await engine.store.outbox.listDead('ws-a')).map((j) => [j.dedupeKey, j.lastError])).toEqual([
      ['y', 'second'],
      ['x', 'first'],
    ]);
    expect(await engine.store.outbox.listDead('ws-a', { limit: 1 })).toHaveLength(1);
  });

  it('racing revivals of one dead job: exactly one wins', async () => {
    const { job } = await enqueue('race');
    await engine.store.outbox.deadLetter('ws-a', job.id, { error: 'down', now: T0 });
    const other = await engine.openAnother();
    const results = await Promise.all([engine.store, other, engine.store, other].map((s) => s.outbox.revive('ws-a', job.id, T0)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await engine.store.outbox.claimDue(T0, 10, 'w', LEASE)).toHaveLength(1);
    expect(await engine.store.outbox.revive('ws-a', job.id, T0)).toBe(false);
  });

  it('prunes done rows older than the cut-off in bounded batches, and nothing else', async () => {
    for (let i = 0; i < 7; i++) await enqueue(`done-${i}`, i % 2 ? 'ws-b' : 'ws-a');
    await enqueue('still-open');
    await enqueue('dead');
    const deadId = (await engine.store.outbox.getByDedupeKey('ws-a', 'dead'))!.id;
    await engine.store.outbox.deadLetter('ws-a', deadId, { error: 'x', now: T0 });
    for (let i = 0; i < 7; i++) {
      const ws = i % 2 ? 'ws-b' : 'ws-a';
      const id = (await engine.store.outbox.getByDedupeKey(ws, `done-${i}`))!.id;
      await engine.store.outbox.complete(ws, id, { now: T0 + i * MINUTE });
    }
    const before = await engine.store.outbox.counts();
    // Cut-off after the first five: batches of two take 2, 2, 1.
    const cut = T0 + 5 * MINUTE;
    expect(await engine.store.outbox.pruneDone(cut, 2)).toBe(2);
    expect(await engine.store.outbox.pruneDone(cut, 2)).toBe(2);
    expect(await engine.store.outbox.pruneDone(cut, 2)).toBe(1);
    expect(await engine.store.outbox.pruneDone(cut, 2)).toBe(0);
    const left = [...(await engine.store.outbox.listByWorkspace('ws-a')), ...(await engine.store.outbox.listByWorkspace('ws-b'))];
    expect(left.map((j) => j.dedupeKey).sort()).toEqual(['dead', 'done-5', 'done-6', 'still-open']);
    expect(await engine.store.outbox.counts()).toEqual(before);
  });
});
