import { clockWrite, reserveInput, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('workspaces', (engine) => {
  it('installs, lists and re-installs a workspace', async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
    expect(await engine.store.workspaces.get('ws-a')).toEqual({
      id: 'ws-a',
      name: 'Workspace ws-a',
      region: 'us',
      apiBaseUrl: 'https://api.intercom.io',
      timezone: 'UTC',
      token: { ciphertext: 'sealed-ws-a', keyId: 'k1' },
      installMode: 'oauth',
      installedAt: T0,
      uninstalledAt: null,
      installedByAdminId: 'admin-1',
    });
    await engine.store.workspaces.markUninstalled('ws-b', T0 + 1);
    expect((await engine.store.workspaces.list()).map((w) => w.id)).toEqual(['ws-a']);
    expect((await engine.store.workspaces.list({ includeUninstalled: true })).map((w) => w.id)).toEqual(['ws-a', 'ws-b']);
    await seedWorkspace(engine.store, 'ws-b');
    expect(await engine.store.workspaces.get('ws-b')).toMatchObject({ uninstalledAt: null, token: { keyId: 'k1' } });
    expect(await engine.store.workspaces.get('ws-none')).toBeNull();
  });

  it('re-seals the token under a new key id', async () => {
    await seedWorkspace(engine.store, 'ws-a');
    expect(await engine.store.workspaces.setToken('ws-a', { ciphertext: 'resealed', keyId: 'k2' })).toBe(true);
    expect((await engine.store.workspaces.get('ws-a'))?.token).toEqual({ ciphertext: 'resealed', keyId: 'k2' });
    expect(await engine.store.workspaces.setToken('ws-none', { ciphertext: 'x', keyId: 'k2' })).toBe(false);
  });

  it('uninstall drops the token and stops background work, but keeps the data', async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
    for (const ws of ['ws-a', 'ws-b']) {
      await engine.store.outbox.enqueue(ws, { kind: 'note.post', dedupeKey: 'n1', payload: {}, now: T0 });
      await engine.store.clocks.upsert(ws, clockWrite({ nextFireAt: T0 }), T0);
      await engine.store.webhooks.accept(ws, 'notif-1', 'ticket.created', {}, T0);
    }
    expect(await engine.store.workspaces.markUninstalled('ws-a', T0 + 5)).toBe(true);

    expect(await engine.store.workspaces.get('ws-a')).toMatchObject({ token: null, uninstalledAt: T0 + 5 });
    expect(await engine.store.outbox.getByDedupeKey('ws-a', 'n1')).toMatchObject({ status: 'dead', lastError: 'workspace uninstalled' });
    expect(await engine.store.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({ nextFireAt: null, status: 'running' });
    expect(await engine.store.webhooks.get('ws-a', 'notif-1')).toMatchObject({ status: 'ignored' });
    // Only B's work is still handed out.
    expect((await engine.store.outbox.claimDue(T0 + 10, 10, 'w', 1000)).map((j) => j.workspaceId)).toEqual(['ws-b']);
    expect((await engine.store.clocks.lockDue(T0 + 10, 10, 'i')).map((c) => c.workspaceId)).toEqual(['ws-b']);
    expect((await engine.store.webhooks.claimPending(T0 + 10, 10, 'w', 1000)).map((n) => n.workspaceId)).toEqual(['ws-b']);
    expect(await engine.store.workspaces.markUninstalled('ws-none', T0)).toBe(false);
  });

  it('records approved installs, reinstalls and uninstalls in the install history, newest first', async () => {
    const install = {
      name: 'Workspace ws-a',
      region: 'us',
      apiBaseUrl: 'https://api.intercom.io',
      timezone: 'UTC',
      token: { ciphertext: 'sealed', keyId: 'k1' },
      installMode: 'oauth' as const,
      installedAt: T0,
      installedByAdminId: 'admin-1',
    };
    await engine.store.workspaces.upsert('ws-a', { ...install, approval: { adminId: 'admin-1', at: T0 } });
    // The private install at every start passes no approval: no history row.
    await engine.store.workspaces.upsert('ws-a', install);
    await engine.store.workspaces.upsert('ws-a', { ...install, approval: { adminId: 'admin-2', at: T0 + 10 } });
    await engine.store.workspaces.markUninstalled('ws-a', T0 + 20);
    const history = await engine.store.installEvents.list('ws-a');
    expect(history.map(({ id: _id, ...event }) => event)).toEqual([
      {
        workspaceId: 'ws-a',
        at: T0 + 20,
        kind: 'uninstall',
        approvedByAdminId: null,
        installerAdminId: 'admin-1',
        previousInstallerAdminId: 'admin-1',
      },
      {
        workspaceId: 'ws-a',
        at: T0 + 10,
        kind: 'reinstall',
        approvedByAdminId: 'admin-2',
        installerAdminId: 'admin-1',
        previousInstallerAdminId: 'admin-1',
      },
      {
        workspaceId: 'ws-a',
        at: T0,
        kind: 'install',
        approvedByAdminId: 'admin-1',
        installerAdminId: 'admin-1',
        previousInstallerAdminId: null,
      },
    ]);
    expect(await engine.store.installEvents.list('ws-b')).toEqual([]);
    await engine.store.workspaces.purge('ws-a');
    expect(await engine.store.installEvents.list('ws-a')).toEqual([]);
  });

  it('purge deletes every row of one workspace and nothing of another', async () => {
    for (const ws of ['ws-a', 'ws-b']) {
      await seedWorkspace(engine.store, ws);
      await engine.store.settings.save(ws, {
        settings: (await engine.store.settings.get(ws)).settings,
        expectedVersion: 0,
        adminId: 'a',
        now: T0,
      });
      await engine.store.tickets.upsert(ws, ticketSnapshot(), T0);
      await engine.store.escalations.reserve(ws, reserveInput({ force: true }));
      await engine.store.clocks.upsert(ws, clockWrite(), T0);
      await engine.store.ladder.recordFiring(ws, { ticketId: 'tk-1', kind: 'response', cycle: 0, step: 'warn', dueAt: T0, firedAt: T0 });
      await engine.store.outbox.enqueue(ws, { kind: 'k', dedupeKey: 'd', payload: {}, now: T0 });
      await engine.store.webhooks.accept(ws, 'n', 'ticket.created', {}, T0);
    }
    await engine.store.workspaces.purge('ws-a');

    const counts = async (ws: string) => [
      (await engine.store.settings.get(ws)).version,
      (await engine.store.settings.listAudit(ws)).length,
      (await engine.store.tickets.listByConversation(ws, 'conv-1')).length,
      (await engine.store.escalations.listByConversation(ws, 'conv-1')).length,
      (await engine.store.clocks.listByTicket(ws, 'tk-1')).length,
      (await engine.store.ladder.listByTicket(ws, 'tk-1')).length,
      (await engine.store.outbox.listByWorkspace(ws)).length,
      (await engine.store.webhooks.get(ws, 'n')) === null ? 0 : 1,
    ];
    expect(await counts('ws-a')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await counts('ws-b')).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await engine.store.workspaces.get('ws-a')).toMatchObject({ token: null });
  });
});
