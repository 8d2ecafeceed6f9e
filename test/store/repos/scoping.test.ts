/**
 * Workspace isolation through every repository method: workspace B, using A's
 * ids, can neither read, change nor detect A's rows; and the same ids in B are
 * independent rows (Intercom ids are only unique within a workspace).
 */
import type { Store } from '../../../src/store';
import { clockWrite, reserveInput, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

async function seedEverything(store: Store, ws: string): Promise<{ escalationId: string; jobId: string }> {
  await store.settings.save(ws, { settings: (await store.settings.get(ws)).settings, expectedVersion: 0, adminId: 'admin-a', now: T0 });
  await store.tickets.upsert(ws, ticketSnapshot(), T0);
  const reserved = await store.escalations.reserve(ws, reserveInput({ force: true }));
  await store.clocks.upsert(ws, clockWrite(), T0);
  await store.ladder.recordFiring(ws, { ticketId: 'tk-1', kind: 'response', cycle: 0, step: 'warn', dueAt: T0, firedAt: T0 });
  const { job } = await store.outbox.enqueue(ws, { kind: 'note.post', dedupeKey: 'dedupe-1', payload: { secret: 'A only' }, now: T0 });
  await store.webhooks.accept(ws, 'notif-1', 'ticket.created', {}, T0);
  return { escalationId: reserved.kind === 'new' ? reserved.escalation.id : '', jobId: job.id };
}

/** Everything A has, as seen through A: compared before and after B's attempts. */
async function snapshotOf(store: Store, ws: string, ids: { escalationId: string; jobId: string }) {
  return {
    workspace: await store.workspaces.get(ws),
    settings: await store.settings.get(ws),
    audit: await store.settings.listAudit(ws),
    ticket: await store.tickets.get(ws, 'tk-1'),
    escalation: await store.escalations.get(ws, ids.escalationId),
    clock: await store.clocks.get(ws, 'tk-1', 'response'),
    firings: await store.ladder.listByTicket(ws, 'tk-1'),
    job: await store.outbox.get(ws, ids.jobId),
    notification: await store.webhooks.get(ws, 'notif-1'),
  };
}

describeContract('workspace scoping', (engine) => {
  let ids: { escalationId: string; jobId: string };
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
    ids = await seedEverything(engine.store, 'ws-a');
  });

  it('B reads nothing of A through any method', async () => {
    const s = engine.store;
    expect((await s.settings.get('ws-b')).version).toBe(0);
    expect(await s.settings.listAudit('ws-b')).toEqual([]);
    expect(await s.tickets.get('ws-b', 'tk-1')).toBeNull();
    expect(await s.tickets.listByConversation('ws-b', 'conv-1')).toEqual([]);
    expect(await s.tickets.listStale('ws-b', T0 + 1e9, 10)).toEqual([]);
    expect(await s.escalations.get('ws-b', ids.escalationId)).toBeNull();
    expect(await s.escalations.getByIdempotencyKey('ws-b', 'idem-1')).toBeNull();
    expect(await s.escalations.listByConversation('ws-b', 'conv-1')).toEqual([]);
    expect(await s.escalations.listActiveByConversation('ws-b', 'conv-1')).toEqual([]);
    expect(await s.escalations.countByContact('ws-b', 'contact-1')).toBe(0);
    expect(await s.clocks.get('ws-b', 'tk-1', 'response')).toBeNull();
    expect(await s.clocks.listByTicket('ws-b', 'tk-1')).toEqual([]);
    expect(await s.ladder.listByTicket('ws-b', 'tk-1')).toEqual([]);
    expect(await s.outbox.get('ws-b', ids.jobId)).toBeNull();
    expect(await s.outbox.getByDedupeKey('ws-b', 'dedupe-1')).toBeNull();
    expect(await s.outbox.listByWorkspace('ws-b')).toEqual([]);
    expect(await s.outbox.pendingCount('ws-b')).toBe(0);
    expect(await s.webhooks.get('ws-b', 'notif-1')).toBeNull();
    expect((await s.workspaces.get('ws-b'))?.token?.ciphertext).toBe('sealed-ws-b');
  });

  it('B changes nothing of A when it uses A’s ids', async () => {
    const s = engine.store;
    const before = await snapshotOf(s, 'ws-a', ids);
    expect(await s.tickets.markSynced('ws-b', 'tk-1', T0 + 99)).toBe(false);
    expect(await s.escalations.updateStatus('ws-b', ids.escalationId, { status: 'failed' }, T0 + 1)).toBeNull();
    expect(await s.outbox.complete('ws-b', ids.jobId, { now: T0 })).toBe(false);
    expect(await s.outbox.fail('ws-b', ids.jobId, { error: 'x', retryAt: T0 })).toBe(false);
    expect(await s.outbox.deadLetter('ws-b', ids.jobId, { error: 'x', now: T0 })).toBe(false);
    expect(await s.outbox.revive('ws-b', ids.jobId, T0)).toBe(false);
    expect(await s.webhooks.markDone('ws-b', 'notif-1', T0)).toBe(false);
    expect(await s.webhooks.markIgnored('ws-b', 'notif-1', T0, 'x')).toBe(false);
    expect(await s.webhooks.markFailed('ws-b', 'notif-1', { error: 'x', now: T0, retryAt: null })).toBe(false);
    await s.workspaces.markUninstalled('ws-b', T0 + 1);
    await s.workspaces.purge('ws-b');
    expect(await snapshotOf(s, 'ws-a', ids)).toEqual(before);
  });

  it('the same ids in B are B’s own rows: no duplicates, blocks or conflicts from A', async () => {
    const s = engine.store;
    const before = await snapshotOf(s, 'ws-a', ids);
    // Reserve first: A's open ticket and escalation on conv-1 must not block B's conv-1.
    expect((await s.escalations.reserve('ws-b', reserveInput())).kind).toBe('new');
    expect((await s.tickets.upsert('ws-b', ticketSnapshot({ title: 'B', intercomUpdatedAt: T0 - 1 }), T0)).applied).toBe(true);
    expect((await s.outbox.enqueue('ws-b', { kind: 'note.post', dedupeKey: 'dedupe-1', payload: {}, now: T0 })).created).toBe(true);
    expect(
      await s.ladder.recordFiring('ws-b', { ticketId: 'tk-1', kind: 'response', cycle: 0, step: 'warn', dueAt: T0, firedAt: T0 }),
    ).toBe(true);
    expect(await s.webhooks.accept('ws-b', 'notif-1', 'ticket.created', {}, T0)).toBe('new');
    expect((await s.settings.save('ws-b', { settings: before.settings.settings, expectedVersion: 0, adminId: 'b', now: T0 })).ok).toBe(
      true,
    );
    await s.clocks.upsert('ws-b', clockWrite({ status: 'paused' }), T0 + 3);
    expect(await snapshotOf(s, 'ws-a', ids)).toEqual(before);
  });
});
