/**
 * A webhook commit group's store: its tickets' clocks read once (`clocks.getManyForUpdate`), each clock the group
 * writes seen by its later reads, a ticket without clocks answered without asking again, tickets outside the group
 * read as usual, the settings revision read once, a nested transaction joining the group, and the group's snapshot,
 * clock and case-state writes held until flushed (or until anything else runs), a wrong forecast refusing to
 * commit. Both stores.
 */
import { flushGroupWrites, groupStore } from '../../../src/services/sync/group-store';
import { GroupWriteMismatch } from '../../../src/services/sync/group-writes';
import { clockWrite, ticketSnapshot } from '../../store/repos/factories';
import { describeContract, seedWorkspace, T0 } from '../../store/repos/harness';

describeContract('webhook group store', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    for (const ticketId of ['tk-2', 'tk-1'])
      for (const kind of ['resolution', 'response'] as const) await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId, kind }), T0);
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'outside' }), T0);
  });

  it('clocks.getManyForUpdate reads the named tickets’ clocks in (ticket, kind) order, each once', async () => {
    const clocks = await engine.store.transaction((tx) => tx.clocks.getManyForUpdate('ws-a', ['tk-2', 'tk-1', 'tk-2', 'none']));
    expect(clocks.map((c) => [c.ticketId, c.kind])).toEqual([
      ['tk-1', 'resolution'],
      ['tk-1', 'response'],
      ['tk-2', 'resolution'],
      ['tk-2', 'response'],
    ]);
    expect(await engine.store.clocks.getManyForUpdate('ws-a', [])).toEqual([]);
  });

  it('serves the group’s clocks from one read, with its own writes, and reads the rest as usual', async () => {
    await engine.store.transaction(async (tx) => {
      const group = await groupStore(tx, [
        { workspaceId: 'ws-a', ticketId: 'tk-1' },
        { workspaceId: 'ws-a', ticketId: 'no-clocks' },
      ]);
      // Written around the group store: a read it serves from what it read shows the row as it was.
      await tx.clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1', status: 'paused' }), T0 + 1);
      expect(await group.clocks.getForUpdate('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'running', updatedAt: T0 });
      expect(await group.clocks.getForUpdate('ws-a', 'no-clocks', 'response')).toBeNull();
      // Outside the group: read from the transaction.
      expect(await group.clocks.getForUpdate('ws-a', 'outside', 'response')).toMatchObject({ ticketId: 'outside' });
      // Written through it: the next read sees the write, as reading the row back would.
      await group.clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1', status: 'stopped', cycle: 2 }), T0 + 2);
      expect(await group.clocks.getForUpdate('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'stopped', cycle: 2, updatedAt: T0 + 2 });
      // A nested transaction joins the group, through the group's store.
      expect(await group.transaction(async (nested) => nested === group)).toBe(true);
      // Any other clock write forgets what was read.
      await group.clocks.rearmRunning('ws-a', T0 + 5);
      expect(await group.clocks.getForUpdate('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'stopped', updatedAt: T0 + 2 });
      expect(await group.clocks.getForUpdate('ws-a', 'tk-2', 'response')).toMatchObject({ nextFireAt: T0 + 5 });
    });
    expect(await engine.store.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'stopped', cycle: 2 });
  });

  it('serves the group’s tickets from one read, with its own snapshot writes, and reads the rest as usual', async () => {
    for (const ticketId of ['tk-1', 'outside']) await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId }), T0);
    await engine.store.transaction(async (tx) => {
      const getForUpdate = jest.fn(tx.tickets.getForUpdate);
      const group = await groupStore({ ...tx, tickets: { ...tx.tickets, getForUpdate } }, [
        { workspaceId: 'ws-a', ticketId: 'tk-1' },
        { workspaceId: 'ws-a', ticketId: 'not-linked' },
      ]);
      expect(await group.tickets.getForUpdate('ws-a', 'tk-1')).toMatchObject({ ticketId: 'tk-1', title: 'Checkout returns 500' });
      expect(await group.tickets.getForUpdate('ws-a', 'not-linked')).toBeNull();
      expect(getForUpdate).not.toHaveBeenCalled();
      // A newer snapshot written through the group is what the next read sees, as reading it back would.
      const newer = ticketSnapshot({ ticketId: 'tk-1', title: 'Printer still on fire', intercomUpdatedAt: T0 + 10 });
      expect(await group.tickets.upsert('ws-a', newer, T0 + 1)).toMatchObject({ applied: true });
      expect(await group.tickets.getForUpdate('ws-a', 'tk-1')).toMatchObject({ title: 'Printer still on fire' });
      // An older one is not written, and the read still shows the stored one.
      const older = ticketSnapshot({ ticketId: 'tk-1', title: 'Stale', intercomUpdatedAt: T0 + 5 });
      expect(await group.tickets.upsert('ws-a', older, T0 + 2)).toMatchObject({ applied: false });
      expect(await group.tickets.getForUpdate('ws-a', 'tk-1')).toMatchObject({ title: 'Printer still on fire' });
      // Outside the group: read from the transaction.
      expect(await group.tickets.getForUpdate('ws-a', 'outside')).toMatchObject({ ticketId: 'outside' });
      expect(getForUpdate).toHaveBeenCalledTimes(1);
    });
  });

  it('reads the settings revision once per workspace', async () => {
    await engine.store.transaction(async (tx) => {
      const revision = jest.fn(tx.settings.revision);
      const group = await groupStore({ ...tx, settings: { ...tx.settings, revision } }, []);
      const first = await group.settings.revision('ws-a');
      expect(await group.settings.revision('ws-a')).toBe(first);
      expect(revision).toHaveBeenCalledTimes(1);
    });
  });

  it('holds the group’s snapshot, clock and case-state writes until flushed, or until anything else runs', async () => {
    await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1' }), T0);
    const caseState = { ticketId: 'tk-1', conversationId: 'conv-1', state: 'resolved' as const, externalLabel: null, changedAt: T0 + 10 };
    await engine.store.transaction(async (tx) => {
      const group = await groupStore(tx, [{ workspaceId: 'ws-a', ticketId: 'tk-1' }]);
      const newer = ticketSnapshot({ ticketId: 'tk-1', title: 'Held', intercomUpdatedAt: T0 + 10 });
      expect(await group.tickets.upsert('ws-a', newer, T0 + 1)).toMatchObject({
        applied: true,
        ticket: { title: 'Held', syncedAt: T0 + 1 },
      });
      await group.clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1', status: 'paused' }), T0 + 1);
      expect(await group.customerSide.recordState('ws-a', caseState)).toBe(true);
      expect(await group.customerSide.recordState('ws-a', { ...caseState, changedAt: T0 + 5 })).toBe(false);
      // Held: the transaction does not have them yet.
      expect(await tx.tickets.get('ws-a', 'tk-1')).toMatchObject({ title: 'Checkout returns 500' });
      expect(await tx.customerSide.getState('ws-a', 'tk-1')).toBeNull();
      // Any other read through the group sends them first.
      expect(await group.tickets.get('ws-a', 'tk-1')).toMatchObject({ title: 'Held' });
      expect(await tx.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'paused', updatedAt: T0 + 1 });
      expect(await tx.customerSide.getState('ws-a', 'tk-1')).toEqual(caseState);
      // What was sent is what later forecasts compare with; a later write is held again and flushed explicitly.
      expect(await group.customerSide.recordState('ws-a', { ...caseState, changedAt: T0 + 9 })).toBe(false);
      await group.clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1', status: 'stopped' }), T0 + 2);
      await flushGroupWrites(group);
      expect(await tx.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({ status: 'stopped', updatedAt: T0 + 2 });
    });
  });

  it('a held write the store does not apply as foretold fails the flush', async () => {
    await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', intercomUpdatedAt: T0 + 100 }), T0);
    await expect(
      engine.store.transaction(async (tx) => {
        // The group read the row before a newer snapshot landed around it: its forecast is wrong.
        const group = await groupStore(tx, [{ workspaceId: 'ws-a', ticketId: 'tk-1' }]);
        await tx.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', intercomUpdatedAt: T0 + 300 }), T0 + 1);
        await group.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', intercomUpdatedAt: T0 + 200 }), T0 + 2);
        await flushGroupWrites(group);
      }),
    ).rejects.toBeInstanceOf(GroupWriteMismatch);
    expect(await engine.store.tickets.get('ws-a', 'tk-1')).toMatchObject({ intercomUpdatedAt: T0 + 100 });
  });
});
