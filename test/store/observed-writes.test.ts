/**
 * Tripwire for src/store/observed-writes.ts: every method of the repositories behind the sidebar either reads
 * (get…, list…, count…) or is listed as a write the change feed hears of, or is named here as a write the sidebar
 * never shows. A new write method that is none of these fails this test, instead of leaving stale sidebars.
 */
import { createStore, migrateToLatest, openDatabase } from '../../src/store';
import { SIDEBAR_WRITES } from '../../src/store/observed-writes';

/** Writes that touch nothing the sidebar prints. */
const NOT_SHOWN: Record<string, readonly string[]> = {
  // The scheduler's lock of due clocks (a read that holds row locks), its re-arm after firing (next fire time and
  // step, lease columns: no clock state) and making running clocks due now: the sidebar shows none of them.
  clocks: ['lockDue', 'rearm', 'rearmRunning'],
  // Re-sealing the AI provider's key under a new encryption key: the same key, nothing shown changes.
  triageAi: ['resealKey'],
  // The queue's own traffic: only a job going dead or coming back changes what a ticket card says; pruning deletes
  // done rows only. `pendingCount` is a read whose name does not say so.
  outbox: ['enqueue', 'enqueueMany', 'claimDue', 'complete', 'fail', 'pruneDone', 'pendingCount'],
  // A case's customer-facing state and the Messenger secret: shown to customers and on the settings page, not in the sidebar.
  customerSide: ['recordState', 'recordStates', 'setIdentity', 'resealIdentity', 'clearIdentity'],
  // Which resolution an attached conversation was followed up for: the sidebar does not print it.
  caseAttachments: ['markFollowedUp'],
};

/** Reads by name (`revision` is the settings' cheap change check). */
const READ = /^(get|list|count|revision$)/;

it('every write method of the sidebar repositories is reported to the change feed or known not to matter', async () => {
  const store = createStore(openDatabase({ sqlitePath: ':memory:' }));
  try {
    for (const [name, listed] of Object.entries(SIDEBAR_WRITES)) {
      const repo = store[name as keyof typeof SIDEBAR_WRITES] as unknown as Record<string, unknown>;
      const methods = Object.keys(repo).filter((key) => typeof repo[key] === 'function');
      const unaccounted = methods.filter(
        (method) => !READ.test(method) && !(listed as readonly string[]).includes(method) && !(NOT_SHOWN[name] ?? []).includes(method),
      );
      expect({ repo: name, unaccounted }).toEqual({ repo: name, unaccounted: [] });
      for (const method of listed) expect(methods).toContain(method);
    }
  } finally {
    await store.close();
  }
});

it('a listed write through the store, or inside a transaction, reaches the feed', async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  const store = createStore(database);
  try {
    const install = {
      name: 'Acme',
      region: 'us',
      apiBaseUrl: 'https://api.intercom.io',
      timezone: 'UTC',
      token: null,
      installMode: 'private' as const,
      installedAt: 1,
      installedByAdminId: null,
    };
    const before = store.changes.stamp();
    await store.workspaces.upsert('w1', install);
    expect(store.changes.unchangedSince('w1', before)).toBe(false);
    const inside = store.changes.stamp();
    await store.transaction(async (tx) => {
      await tx.workspaces.markUninstalled('w1', 2);
    });
    expect(store.changes.unchangedSince('w1', inside)).toBe(false);
    expect(store.changes.unchangedSince('w2', before)).toBe(true);
    // A transaction that fails after its write reports it again anyway: a commit whose answer was lost may have landed.
    let afterWrite = 0;
    await expect(
      store.transaction(async (tx) => {
        await tx.workspaces.markUninstalled('w1', 3);
        afterWrite = store.changes.stamp();
        throw new Error('the commit answer was lost');
      }),
    ).rejects.toThrow('lost');
    expect(store.changes.unchangedSince('w1', afterWrite)).toBe(false);
  } finally {
    await store.close();
  }
});
