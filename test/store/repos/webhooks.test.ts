import type { LeaseOnArrival } from '../../../src/store';
import { describeContract, seedWorkspace, T0 } from './harness';

const LEASE = 5_000;

describeContract('webhook inbox', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));
  const accept = (id: string, at = T0, store = engine.store) =>
    store.webhooks.accept('ws-a', id, 'ticket.state.updated', { data: { item: { id: 'tk-1' } } }, at);

  it('stores a notification once; redeliveries (also concurrent ones) are duplicates', async () => {
    expect(await accept('notif-1')).toBe('new');
    expect(await accept('notif-1', T0 + 60_000)).toBe('duplicate');
    const other = await engine.openAnother();
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => accept('notif-2', T0, i % 2 ? other : engine.store)));
    expect(burst.filter((r) => r === 'new')).toHaveLength(1);
    expect(await engine.store.webhooks.get('ws-a', 'notif-1')).toMatchObject({
      topic: 'ticket.state.updated',
      payload: { data: { item: { id: 'tk-1' } } },
      receivedAt: T0,
      status: 'pending',
    });
  });

  it('claims pending notifications oldest first, with a lease', async () => {
    await accept('second', T0 + 2);
    await accept('first', T0 + 1);
    const claimed = await engine.store.webhooks.claimPending(T0 + 10, 10, 'w1', LEASE);
    expect(claimed.map((n) => [n.notificationId, n.attempts])).toEqual([
      ['first', 1],
      ['second', 1],
    ]);
    expect(await engine.store.webhooks.claimPending(T0 + 10, 10, 'w2', LEASE)).toEqual([]);
    expect(await engine.store.webhooks.claimPending(T0 + 10 + LEASE, 10, 'w2', LEASE)).toHaveLength(2);
  });

  it('done and ignored are final; failed either retries later or gives up', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await accept(id);
    expect(await engine.store.webhooks.markDone('ws-a', 'a', T0 + 1)).toBe(true);
    expect(await engine.store.webhooks.markDone('ws-a', 'a', T0 + 2)).toBe(false);
    expect(await engine.store.webhooks.markIgnored('ws-a', 'b', T0 + 1, 'unknown topic')).toBe(true);
    expect(await engine.store.webhooks.markFailed('ws-a', 'c', { error: 'db busy', now: T0 + 1, retryAt: T0 + 1_000 })).toBe(true);
    expect(await engine.store.webhooks.markFailed('ws-a', 'd', { error: 'bad payload', now: T0 + 1, retryAt: null })).toBe(true);

    expect(await engine.store.webhooks.get('ws-a', 'a')).toMatchObject({ status: 'done', processedAt: T0 + 1, nextAttemptAt: null });
    expect(await engine.store.webhooks.get('ws-a', 'b')).toMatchObject({ status: 'ignored', lastError: 'unknown topic' });
    expect(await engine.store.webhooks.get('ws-a', 'c')).toMatchObject({
      status: 'pending',
      nextAttemptAt: T0 + 1_000,
      lastError: 'db busy',
    });
    expect(await engine.store.webhooks.get('ws-a', 'd')).toMatchObject({ status: 'failed', processedAt: T0 + 1 });
    expect((await engine.store.webhooks.claimPending(T0 + 999, 10, 'w', LEASE)).map((n) => n.notificationId)).toEqual([]);
    expect((await engine.store.webhooks.claimPending(T0 + 1_000, 10, 'w', LEASE)).map((n) => n.notificationId)).toEqual(['c']);
  });

  it('backlog counts pending rows up to its cap and dates the one due first', async () => {
    expect(await engine.store.webhooks.backlog(10)).toEqual({ pending: 0, capped: false, nextReceivedAt: null });
    await accept('late', T0 + 5);
    await accept('early', T0 + 1);
    await accept('done', T0 + 2);
    await engine.store.webhooks.markDone('ws-a', 'done', T0 + 3);
    expect(await engine.store.webhooks.backlog(10)).toEqual({ pending: 2, capped: false, nextReceivedAt: T0 + 1 });
    expect(await engine.store.webhooks.backlog(1)).toEqual({ pending: 1, capped: true, nextReceivedAt: T0 + 1 });
  });

  it('prune removes processed notifications older than the cutoff only', async () => {
    for (const id of ['old-done', 'new-done', 'pending']) await accept(id);
    await engine.store.webhooks.markDone('ws-a', 'old-done', T0 + 1);
    await engine.store.webhooks.markDone('ws-a', 'new-done', T0 + 100);
    expect(await engine.store.webhooks.prune(T0 + 50)).toBe(1);
    expect(await engine.store.webhooks.get('ws-a', 'old-done')).toBeNull();
    expect(await engine.store.webhooks.get('ws-a', 'new-done')).not.toBeNull();
    expect(await engine.store.webhooks.get('ws-a', 'pending')).not.toBeNull();
    // Payloads go with their rows.
    const payloadIds = await engine.database.db
      .selectFrom('webhook_payloads')
      .select('notification_id')
      .orderBy('notification_id')
      .execute();
    expect(payloadIds.map((r) => r.notification_id)).toEqual(['new-done', 'pending']);
    // A pruned id is forgotten: Intercom does not redeliver that late, so this only documents the trade-off.
    expect(await accept('old-done')).toBe('new');
    expect(await engine.store.webhooks.get('ws-a', 'old-done')).toMatchObject({ payload: { data: { item: { id: 'tk-1' } } } });
  });

  const W1 = { workerId: 'w1', leaseMs: LEASE };
  const delivery = (id: string, lease: LeaseOnArrival | null = null) => ({
    workspaceId: 'ws-a',
    notificationId: id,
    topic: 'ticket.state.updated',
    payloadJson: '{"n":1}',
    lease,
  });

  it('stores deliveries together, new ones leased when asked; duplicates (even within one call) are not stored', async () => {
    await accept('old');
    const stored = await engine.store.transaction((tx) =>
      tx.webhooks.acceptMany([delivery('a', W1), delivery('old', W1), delivery('b', W1), delivery('a', W1)], T0),
    );
    expect(stored).toEqual([true, false, true, false]);
    expect(await engine.store.webhooks.get('ws-a', 'a')).toMatchObject({ status: 'pending', attempts: 1, payload: { n: 1 } });
    // Leased to w1 as a claim would: nobody else takes them before the lease ends; the unleased row is free at once.
    expect((await engine.store.webhooks.claimPending(T0, 10, 'w2', LEASE)).map((n) => n.notificationId)).toEqual(['old']);
    const later = await engine.store.webhooks.claimPending(T0 + LEASE, 10, 'w2', LEASE);
    expect(later.map((n) => n.notificationId).sort()).toEqual(['a', 'b', 'old']);
  });

  it('a worker gives back only its own leases on rows still pending', async () => {
    await engine.store.webhooks.acceptMany([delivery('mine', W1), delivery('finished', W1)], T0);
    await engine.store.webhooks.acceptMany([delivery('theirs', { workerId: 'w2', leaseMs: LEASE })], T0);
    expect(await engine.store.webhooks.markDone('ws-a', 'finished', T0 + 1)).toBe(true);
    const rows = ['mine', 'finished', 'theirs'].map((notificationId) => ({ workspaceId: 'ws-a', notificationId }));
    await engine.store.webhooks.releaseLeases('w1', rows);
    expect((await engine.store.webhooks.claimPending(T0 + 2, 10, 'w3', LEASE)).map((n) => n.notificationId)).toEqual(['mine']);
    expect(await engine.store.webhooks.get('ws-a', 'finished')).toMatchObject({ status: 'done' });
  });

  it('stores a lot spanning workspaces, unleased, each with its own payload; the same id in two workspaces is two rows', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    const lot = [
      { ...delivery('x'), payloadJson: '{"n":"a-x"}' },
      { ...delivery('x'), workspaceId: 'ws-b', payloadJson: '{"n":"b-x"}' },
      { ...delivery('y'), topic: 'conversation.user.replied', payloadJson: '{"n":"a-y"}' },
    ];
    expect(await engine.store.transaction((tx) => tx.webhooks.acceptMany(lot, T0 + 7))).toEqual([true, true, true]);
    expect(await engine.store.webhooks.get('ws-b', 'x')).toMatchObject({
      workspaceId: 'ws-b',
      topic: 'ticket.state.updated',
      payload: { n: 'b-x' },
      status: 'pending',
      attempts: 0,
      receivedAt: T0 + 7,
      nextAttemptAt: T0 + 7,
      lastError: null,
      processedAt: null,
    });
    expect(await engine.store.webhooks.get('ws-a', 'y')).toMatchObject({ topic: 'conversation.user.replied', payload: { n: 'a-y' } });
    expect(
      (await engine.store.webhooks.claimPending(T0 + 7, 10, 'w1', LEASE)).map((n) => `${n.workspaceId}/${n.notificationId}`).sort(),
    ).toEqual(['ws-a/x', 'ws-a/y', 'ws-b/x']);
    expect(await engine.store.webhooks.acceptMany([], T0)).toEqual([]);
  });

  it('a lot larger than one statement slice keeps each delivery its own lease, answer and payload; finishMany covers it all', async () => {
    // 85 = 64 + 16 + 4 + 1 on SQLite: every slice size in one call; a repeat in a later slice of an earlier id.
    const ids = Array.from({ length: 84 }, (_, i) => `n${i}`);
    const lot = [...ids.map((id, i) => ({ ...delivery(id, i % 3 === 0 ? W1 : null), payloadJson: `{"i":${i}}` })), delivery('n5')];
    const stored = await engine.store.transaction((tx) => tx.webhooks.acceptMany(lot, T0));
    expect(stored).toEqual([...ids.map(() => true), false]);
    expect(await engine.store.webhooks.get('ws-a', 'n83')).toMatchObject({ attempts: 0, payload: { i: 83 } });
    expect(await engine.store.webhooks.get('ws-a', 'n81')).toMatchObject({ attempts: 1, payload: { i: 81 } });
    const claimed = await engine.store.webhooks.claimPending(T0, 100, 'w2', LEASE);
    expect(claimed).toHaveLength(56);
    expect(claimed.every((n, i) => (n.payload as { i: number }).i % 3 !== 0 && n.notificationId === claimed[i]!.notificationId)).toBe(true);
    const finishes = ids.map((notificationId) => ({ workspaceId: 'ws-a', notificationId, status: 'done' as const, error: null }));
    expect(await engine.store.webhooks.finishMany(finishes, T0 + 1)).toBe(84);
    expect(await engine.store.webhooks.backlog(10)).toMatchObject({ pending: 0 });
  });

  it('finishMany marks the pending rows of a group with their reasons, and counts only those it marked', async () => {
    for (const id of ['d', 'i', 'f', 'already']) await accept(id);
    expect(await engine.store.webhooks.markDone('ws-a', 'already', T0 + 1)).toBe(true);
    const finishes = [
      { workspaceId: 'ws-a', notificationId: 'd', status: 'done' as const, error: null },
      { workspaceId: 'ws-a', notificationId: 'i', status: 'ignored' as const, error: 'older than the stored snapshot' },
      { workspaceId: 'ws-a', notificationId: 'f', status: 'failed' as const, error: 'x'.repeat(5_000) },
      { workspaceId: 'ws-a', notificationId: 'already', status: 'ignored' as const, error: 'late' },
    ];
    expect(await engine.store.transaction((tx) => tx.webhooks.finishMany(finishes, T0 + 2))).toBe(3);
    expect(await engine.store.webhooks.get('ws-a', 'd')).toMatchObject({
      status: 'done',
      processedAt: T0 + 2,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(await engine.store.webhooks.get('ws-a', 'i')).toMatchObject({ status: 'ignored', lastError: 'older than the stored snapshot' });
    const failed = await engine.store.webhooks.get('ws-a', 'f');
    expect(failed).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(failed!.lastError!.length).toBeLessThan(2_100);
    // Finished before by someone else: left as it was.
    expect(await engine.store.webhooks.get('ws-a', 'already')).toMatchObject({ status: 'done', processedAt: T0 + 1, lastError: null });
    expect(await engine.store.webhooks.finishMany([], T0)).toBe(0);
    expect(await engine.store.webhooks.claimPending(T0 + 3, 10, 'w1', LEASE)).toEqual([]);
  });
});
