/**
 * One value per workspace, read from the store again only after the change feed (src/store/change-feed.ts) heard a
 * write of `scope` to that workspace, from this process or another instance; while the feed cannot vouch for a
 * workspace (PostgreSQL's LISTEN connection is down), every call reads. For what every sidebar view needs and
 * rarely changes: a round trip per view for it was a large part of a fresh render on PostgreSQL.
 */
import type { ChangeScope, Store } from '../store';

/** Workspaces remembered at most; past that the memo starts over (a read each, then remembered again). */
const MAX_WORKSPACES = 10_000;

/** The memoised read, and `forget` for a caller that wrote the value behind the store's back (tests, a reinstall). */
export type GuardedMemo<T> = ((workspaceId: string) => Promise<T>) & { forget(workspaceId: string): void };

export function changeGuardedMemo<T>(store: Store, scope: ChangeScope, read: (workspaceId: string) => Promise<T>): GuardedMemo<T> {
  const memo = new Map<string, { value: T; stamp: number }>();
  const get = async (workspaceId: string): Promise<T> => {
    const hit = memo.get(workspaceId);
    if (hit && store.changes.unchangedSince(workspaceId, hit.stamp, scope)) return hit.value;
    // Stamped before reading: a write landing while we read leaves the entry stale, so it is read again next time.
    const stamp = store.changes.stamp();
    const value = await read(workspaceId);
    if (memo.size >= MAX_WORKSPACES) memo.clear();
    memo.set(workspaceId, { value, stamp });
    return value;
  };
  return Object.assign(get, { forget: (workspaceId: string) => void memo.delete(workspaceId) });
}
