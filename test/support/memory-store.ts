/**
 * A fresh migrated in-memory SQLite store for each test of the file, with the named workspaces seeded, closed after
 * it: for service tests that need the real store but no app around it.
 */
import { createStore, migrateToLatest, openDatabase, type Store } from '../../src/store';
import { seedWorkspace } from '../store/repos/harness';

export function useMemoryStore(...workspaceIds: string[]): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    const database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database);
    store = createStore(database);
    for (const id of workspaceIds) await seedWorkspace(store, id);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('useMemoryStore: the store exists only inside a test');
    return store;
  };
}
