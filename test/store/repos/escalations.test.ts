import type { Store } from '../../../src/store';
import { escalationRequest, reserveInput, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('escalations', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));

  /** On PostgreSQL half the callers go through a second pool: two app instances. */
  async function stores(): Promise<Store[]> {
    return engine.dialect === 'postgres' ? [engine.store, await engine.openAnother()] : [engine.store];
  }

  it('20 agents escalating one conversation at once create exactly one escalation', async () => {
    const pool = await stores();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pool[i % pool.length]!.escalations.reserve('ws-a', reserveInput({ idempotencyKey: `agent-${i}`, adminId: `admin-${i}` })),
      ),
    );
    const created = results.filter((r) => r.kind === 'new');
    expect(created).toHaveLength(1);
    const winner = created[0]!.kind === 'new' ? created[0]!.escalation : null;
    for (const r of results.filter((x) => x.kind !== 'new')) {
      expect(r).toMatchObject({ kind: 'open_exists', blocking: { type: 'escalation', escalation: { id: winner?.id } } });
    }
    expect(await engine.store.escalations.listByConversation('ws-a', 'conv-1')).toHaveLength(1);
  });

  it('20 retries of one submit (same idempotency key) return the same escalation', async () => {
    const pool = await stores();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool[i % pool.length]!.escalations.reserve('ws-a', reserveInput())),
    );
    expect(results.filter((r) => r.kind === 'new')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(19);
    const ids = new Set(results.map((r) => (r.kind === 'open_exists' ? null : r.escalation.id)));
    expect(ids.size).toBe(1);
  });

  it('an open linked ticket blocks a new escalation unless forced; a resolved one does not', async () => {
    await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-open' }), T0);
    const blocked = await engine.store.escalations.reserve('ws-a', reserveInput());
    expect(blocked).toMatchObject({ kind: 'open_exists', blocking: { type: 'ticket', ticket: { ticketId: 'tk-open' } } });
    // Read in the reserve's own statement (on PostgreSQL as JSON), it is the very ticket the repository reads.
    expect(blocked.kind === 'open_exists' && blocked.blocking.type === 'ticket' && blocked.blocking.ticket).toEqual(
      await engine.store.tickets.get('ws-a', 'tk-open'),
    );

    const forced = await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'idem-forced', force: true }));
    expect(forced).toMatchObject({ kind: 'new', escalation: { forced: true, status: 'queued' } });

    await engine.store.tickets.upsert(
      'ws-a',
      ticketSnapshot({ ticketId: 'tk-open', isOpen: false, stateCategory: 'resolved', intercomUpdatedAt: T0 + 1 }),
      T0,
    );
    const id = forced.kind === 'new' ? forced.escalation.id : '';
    await engine.store.escalations.updateStatus('ws-a', id, { status: 'failed', lastError: 'gave up' }, T0 + 2);
    expect((await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'idem-3' }))).kind).toBe('new');
  });

  it('a linked escalation whose ticket has no snapshot yet still counts as open', async () => {
    const first = await engine.store.escalations.reserve('ws-a', reserveInput());
    const id = first.kind === 'new' ? first.escalation.id : '';
    await engine.store.escalations.updateStatus('ws-a', id, { status: 'linked', ticketId: 'tk-new', addAttempts: 1 }, T0 + 1);
    expect(await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'idem-2' }))).toMatchObject({
      kind: 'open_exists',
      blocking: { type: 'escalation', escalation: { id, status: 'linked', ticketId: 'tk-new' } },
    });
    await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-new', escalationId: id }), T0 + 2);
    expect(await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'idem-2' }))).toMatchObject({
      kind: 'open_exists',
      blocking: { type: 'ticket', ticket: { ticketId: 'tk-new', escalationId: id } },
    });
  });

  it('a job given to reserve is enqueued with a new escalation only: not for a replay, nor for a blocked one', async () => {
    const job = (id: string) => ({ kind: 'escalation.create_ticket', dedupeKey: `create:${id}`, payload: { escalationId: id }, now: T0 });
    const first = await engine.store.escalations.reserve('ws-a', reserveInput({ job }));
    if (first.kind !== 'new') throw new Error('expected a new escalation');
    const replay = await engine.store.escalations.reserve('ws-a', reserveInput({ job }));
    const blocked = await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'idem-2', job }));
    expect([replay.kind, blocked.kind]).toEqual(['duplicate', 'open_exists']);
    const jobs = await engine.store.outbox.listByWorkspace('ws-a');
    expect(jobs.map((j) => [j.dedupeKey, j.payload])).toEqual([[`create:${first.escalation.id}`, { escalationId: first.escalation.id }]]);
  });

  it('updateStatus records progress and reads back as typed objects', async () => {
    const request = escalationRequest({ priority: 'P1', queue: 'billing_legal', shareWithCustomer: true });
    const r = await engine.store.escalations.reserve('ws-a', reserveInput({ request, status: 'creating' }));
    const id = r.kind === 'new' ? r.escalation.id : '';
    const updated = await engine.store.escalations.updateStatus(
      'ws-a',
      id,
      { status: 'queued', lastError: '503', addAttempts: 1 },
      T0 + 10,
    );
    expect(updated).toMatchObject({ status: 'queued', attempts: 1, lastError: '503', updatedAt: T0 + 10, createdAt: T0, request });
    expect(await engine.store.escalations.listActiveByConversation('ws-a', 'conv-1')).toHaveLength(1);
    expect(await engine.store.escalations.getByIdempotencyKey('ws-a', 'idem-1')).toEqual(updated);
    expect(await engine.store.escalations.updateStatus('ws-a', 'no-such-id', { status: 'linked' }, T0)).toBeNull();
  });

  it('counts prior escalations of a contact', async () => {
    await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'k1', conversationId: 'c1' }));
    await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'k2', conversationId: 'c2' }));
    await engine.store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'k3', conversationId: 'c3', contactId: 'other' }));
    expect(await engine.store.escalations.countByContact('ws-a', 'contact-1')).toBe(2);
    expect(await engine.store.escalations.countByContact('ws-a', 'nobody')).toBe(0);
  });

  it('reserve joins an outer transaction and rolls back with it', async () => {
    await expect(
      engine.store.transaction(async (tx) => {
        expect((await tx.escalations.reserve('ws-a', reserveInput())).kind).toBe('new');
        throw new Error('ticket request could not be built');
      }),
    ).rejects.toThrow('could not be built');
    expect(await engine.store.escalations.getByIdempotencyKey('ws-a', 'idem-1')).toBeNull();
  });
});
