import { defaultSettings, type WorkspaceSettings } from '../../../src/domain/settings';
import { describeContract, seedWorkspace, T0 } from './harness';

function edited(change: (s: WorkspaceSettings) => void): WorkspaceSettings {
  const settings = defaultSettings('Europe/Berlin');
  change(settings);
  return settings;
}

describeContract('settings', (engine) => {
  beforeEach(() => seedWorkspace(engine.store, 'ws-a', 'Europe/Berlin'));

  it('reads defaults in the workspace’s time zone at version 0 before anything is saved', async () => {
    const record = await engine.store.settings.get('ws-a');
    expect(record).toEqual({
      workspaceId: 'ws-a',
      settings: defaultSettings('Europe/Berlin'),
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('names a revision that changes exactly when what `get` returns can change', async () => {
    const initial = await engine.store.settings.revision('ws-a');
    expect(await engine.store.settings.revision('ws-a')).toBe(initial);
    await engine.store.settings.save('ws-a', { settings: edited(() => {}), expectedVersion: 0, adminId: 'admin-1', now: T0 });
    const saved = await engine.store.settings.revision('ws-a');
    expect(saved).not.toBe(initial);
    // A failed save (stale version) changes nothing.
    await engine.store.settings.save('ws-a', { settings: edited(() => {}), expectedVersion: 0, adminId: 'admin-1', now: T0 + 1 });
    expect(await engine.store.settings.revision('ws-a')).toBe(saved);
    // Version 0 defaults follow the workspace's zone, so the zone is part of the revision.
    await seedWorkspace(engine.store, 'ws-b', 'Europe/Berlin');
    await seedWorkspace(engine.store, 'ws-c', 'Asia/Tokyo');
    expect(await engine.store.settings.revision('ws-b')).not.toBe(await engine.store.settings.revision('ws-c'));
  });

  it('reads several workspaces in one call; defaults of one zone are one frozen object, saved settings their own', async () => {
    await seedWorkspace(engine.store, 'ws-b', 'Europe/Berlin');
    await seedWorkspace(engine.store, 'ws-c', 'Asia/Tokyo');
    await seedWorkspace(engine.store, 'ws-d', 'Europe/Berlin');
    const saved = edited((s) => (s.resolveBehaviour = 'unsnooze'));
    await engine.store.settings.save('ws-d', { settings: saved, expectedVersion: 0, adminId: 'admin-1', now: T0 });

    const records = new Map(
      (await engine.store.settings.getMany(['ws-a', 'ws-b', 'ws-c', 'ws-d', 'ws-unknown'])).map((r) => [r.workspaceId, r]),
    );
    expect([...records.keys()].sort()).toEqual(['ws-a', 'ws-b', 'ws-c', 'ws-d']);
    const a = records.get('ws-a')?.settings;
    expect(a).toEqual(defaultSettings('Europe/Berlin'));
    // Shared by every workspace on the defaults of that zone (the scheduler parses them once, and compiles one meter).
    expect(records.get('ws-b')?.settings).toBe(a);
    expect(Object.isFrozen(a?.sla.businessHours.weekly.mon)).toBe(true);
    expect(records.get('ws-c')?.settings).toEqual(defaultSettings('Asia/Tokyo'));
    expect(records.get('ws-d')).toMatchObject({ version: 1, settings: saved });
    expect(records.get('ws-d')?.settings).not.toBe(a);
  });

  it('saves from the version it was edited at and audits before → after', async () => {
    const first = edited((s) => (s.resolveBehaviour = 'unsnooze'));
    const saved = await engine.store.settings.save('ws-a', { settings: first, expectedVersion: 0, adminId: 'admin-1', now: T0 });
    expect(saved).toMatchObject({ ok: true, record: { version: 1, updatedBy: 'admin-1', updatedAt: T0, settings: first } });

    const second = edited((s) => (s.snapshotMaxAgeMinutes = 5));
    expect((await engine.store.settings.save('ws-a', { settings: second, expectedVersion: 1, adminId: 'admin-2', now: T0 + 1 })).ok).toBe(
      true,
    );

    const audit = await engine.store.settings.listAudit('ws-a');
    expect(audit.map((a) => [a.version, a.adminId, a.at])).toEqual([
      [2, 'admin-2', T0 + 1],
      [1, 'admin-1', T0],
    ]);
    expect(audit[1]?.before).toBeNull();
    expect(audit[0]).toMatchObject({ before: first, after: second });
  });

  it('a save from a stale version is refused, writes nothing and shows the current version', async () => {
    await engine.store.settings.save('ws-a', { settings: edited(() => {}), expectedVersion: 0, adminId: 'admin-1', now: T0 });
    const stale = await engine.store.settings.save('ws-a', {
      settings: edited((s) => (s.retentionOnUninstall = 'purge')),
      expectedVersion: 0,
      adminId: 'admin-2',
      now: T0 + 1,
    });
    expect(stale).toMatchObject({ ok: false, reason: 'version_conflict', current: { version: 1, updatedBy: 'admin-1' } });
    expect((await engine.store.settings.get('ws-a')).settings.retentionOnUninstall).toBe('keep');
    expect(await engine.store.settings.listAudit('ws-a')).toHaveLength(1);
  });

  it('of two admins saving the same version at once, exactly one wins', async () => {
    // PostgreSQL: two pools race for real. SQLite: one connection per process (a second one in the same
    // process would block the event loop on the file lock), so the saves queue on that connection.
    const other = engine.dialect === 'postgres' ? await engine.openAnother() : engine.store;
    const attempts = [engine.store, other, engine.store, other].map((s, i) =>
      s.settings.save('ws-a', {
        settings: edited((x) => (x.snapshotMaxAgeMinutes = 10 + i)),
        expectedVersion: 0,
        adminId: `admin-${i}`,
        now: T0 + i,
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const audit = await engine.store.settings.listAudit('ws-a');
    expect(audit).toHaveLength(1);
    expect((await engine.store.settings.get('ws-a')).updatedBy).toBe(audit[0]?.adminId);
  });

  it('refuses invalid settings without writing', async () => {
    const invalid = edited((s) => (s.ladder.warnAt = 1.5));
    await expect(engine.store.settings.save('ws-a', { settings: invalid, expectedVersion: 0, adminId: 'a', now: T0 })).rejects.toThrow();
    expect((await engine.store.settings.get('ws-a')).version).toBe(0);
    expect(await engine.store.settings.listAudit('ws-a')).toEqual([]);
  });
});
