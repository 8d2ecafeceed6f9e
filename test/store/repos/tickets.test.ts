import { ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('tickets', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a'));
  const upsert = (overrides: Parameters<typeof ticketSnapshot>[0], now = T0) =>
    engine.store.tickets.upsert('ws-a', ticketSnapshot(overrides), now);

  it('stores a snapshot and reads it back as the same typed object', async () => {
    const { applied, ticket } = await upsert({ escalationId: 'esc-1' }, T0 + 5);
    expect(applied).toBe(true);
    expect(ticket).toEqual({ ...ticketSnapshot({ escalationId: 'esc-1' }), workspaceId: 'ws-a', syncedAt: T0 + 5, createdAt: T0 + 5 });
    expect(await engine.store.tickets.get('ws-a', 'tk-1')).toEqual(ticket);
  });

  it("counts a contact's open tickets, not closed ones and not another contact's", async () => {
    await upsert({ ticketId: 'tk-1', contactId: 'c-1' });
    await upsert({ ticketId: 'tk-2', contactId: 'c-1' });
    await upsert({ ticketId: 'tk-3', contactId: 'c-1', stateCategory: 'resolved', isOpen: false });
    await upsert({ ticketId: 'tk-4', contactId: 'c-2' });
    expect(await engine.store.tickets.countOpenByContact('ws-a', 'c-1')).toBe(2);
    expect(await engine.store.tickets.countOpenByContact('ws-a', 'c-9')).toBe(0);
  });

  it('ignores a snapshot older than the stored one, applies equal and newer ones', async () => {
    await upsert({ stateCategory: 'in_progress', intercomUpdatedAt: T0 + 100 });
    const older = await upsert({ stateCategory: 'submitted', intercomUpdatedAt: T0 + 50 }, T0 + 1);
    expect(older.applied).toBe(false);
    expect(older.ticket).toMatchObject({ stateCategory: 'in_progress', intercomUpdatedAt: T0 + 100, syncedAt: T0 });

    const same = await upsert({ stateCategory: 'in_progress', intercomUpdatedAt: T0 + 100 }, T0 + 2);
    expect(same).toMatchObject({ applied: true, ticket: { syncedAt: T0 + 2 } });
    const newer = await upsert({ stateCategory: 'resolved', isOpen: false, intercomUpdatedAt: T0 + 200 }, T0 + 3);
    expect(newer).toMatchObject({ applied: true, ticket: { stateCategory: 'resolved', isOpen: false } });
  });

  it('out-of-order concurrent deliveries converge on the newest snapshot', async () => {
    // A fixed permutation (no Math.random): webhooks for updates 0..11 arriving scrambled.
    const order = [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4];
    const other = await engine.openAnother();
    await Promise.all(
      order.map((n, i) =>
        (i % 2 ? other : engine.store).tickets.upsert('ws-a', ticketSnapshot({ title: `v${n}`, intercomUpdatedAt: T0 + n * 1000 }), T0),
      ),
    );
    expect(await engine.store.tickets.get('ws-a', 'tk-1')).toMatchObject({ title: 'v11', intercomUpdatedAt: T0 + 11_000 });
  });

  it('keeps the escalation link and created time when a later snapshot lacks them', async () => {
    await upsert({ escalationId: 'esc-9' }, T0);
    const { ticket } = await upsert({ intercomUpdatedAt: T0 + 1, title: 'Renamed' }, T0 + 10);
    expect(ticket).toMatchObject({ escalationId: 'esc-9', createdAt: T0, title: 'Renamed' });
  });

  it('lists a conversation’s tickets and nothing else', async () => {
    await upsert({ ticketId: 'tk-1' }, T0);
    await upsert({ ticketId: 'tk-2' }, T0 + 1);
    await upsert({ ticketId: 'tk-3', conversationId: 'conv-other' }, T0);
    expect((await engine.store.tickets.listByConversation('ws-a', 'conv-1')).map((t) => t.ticketId)).toEqual(['tk-1', 'tk-2']);
  });

  it('markSynced only moves freshness forward', async () => {
    await upsert({}, T0 + 10);
    expect(await engine.store.tickets.markSynced('ws-a', 'tk-1', T0 + 5)).toBe(false);
    expect(await engine.store.tickets.markSynced('ws-a', 'tk-1', T0 + 20)).toBe(true);
    expect((await engine.store.tickets.get('ws-a', 'tk-1'))?.syncedAt).toBe(T0 + 20);
    expect(await engine.store.tickets.markSynced('ws-a', 'missing', T0 + 30)).toBe(false);
  });

  it('listStale returns open tickets with old snapshots, oldest first, per workspace or across all', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    await upsert({ ticketId: 'old' }, T0);
    await upsert({ ticketId: 'older' }, T0 - 10);
    await upsert({ ticketId: 'fresh' }, T0 + 1_000);
    await upsert({ ticketId: 'closed', isOpen: false, stateCategory: 'resolved' }, T0 - 50);
    await engine.store.tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'b-old' }), T0 - 20);
    const ids = async (ws: string | null, limit = 10) => (await engine.store.tickets.listStale(ws, T0 + 500, limit)).map((t) => t.ticketId);
    expect(await ids('ws-a')).toEqual(['older', 'old']);
    expect(await ids(null)).toEqual(['b-old', 'older', 'old']);
    expect(await ids(null, 1)).toEqual(['b-old']);
  });

  it('getManyForUpdate returns the named tickets of one workspace in id order', async () => {
    await seedWorkspace(engine.store, 'ws-b');
    for (const ticketId of ['tk-3', 'tk-1', 'tk-2']) await upsert({ ticketId });
    await engine.store.tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'tk-1' }), T0);
    const locked = await engine.store.transaction((tx) => tx.tickets.getManyForUpdate('ws-a', ['tk-3', 'tk-1', 'tk-3', 'missing']));
    expect(locked.map((t) => [t.workspaceId, t.ticketId])).toEqual([
      ['ws-a', 'tk-1'],
      ['ws-a', 'tk-3'],
    ]);
    expect(await engine.store.tickets.getManyForUpdate('ws-a', [])).toEqual([]);
  });

  it('a view holding a ticket’s lock makes another view of it wait, then read what the first wrote', async () => {
    await upsert({ title: 'before' });
    const other = await engine.openAnother();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const first = engine.store.transaction(async (tx) => {
      await tx.tickets.getManyForUpdate('ws-a', ['tk-1']);
      locked();
      await held;
      await tx.tickets.upsert('ws-a', ticketSnapshot({ title: 'first', intercomUpdatedAt: T0 + 1 }), T0);
    });
    await lockTaken;
    const second = other.transaction((tx) => tx.tickets.getForUpdate('ws-a', 'tk-1'));
    release();
    await first;
    expect((await second)?.title).toBe('first');
  });
});
