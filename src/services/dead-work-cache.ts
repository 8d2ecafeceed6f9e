/**
 * The dead outbox work the sidebar's cards mention, read from the store only after it may have changed. Every
 * sidebar view needs its workspace's dead list (normally empty); asking the database each time cost a round trip
 * per view, a quarter of a fresh render's time on PostgreSQL. Dead-lettering and retrying are observed writes of
 * scope `dead` (src/store/observed-writes.ts), heard from this process and, through the change feed, from every
 * other instance; while the feed cannot vouch for a workspace (PostgreSQL's LISTEN connection is down), each view
 * reads again.
 */
import type { OutboxJob, Store } from '../store';

/** How many dead jobs a card can mention (indexed read, newest first); the settings page lists them all. */
export const DEAD_WORK_READ_LIMIT = 200;

/** Workspaces remembered at most; past that the cache starts over (a read each, then remembered again). */
const MAX_WORKSPACES = 10_000;

export interface DeadWorkCache {
  /** The workspace's dead jobs, as `store.outbox.listDead` returns them now. */
  list(workspaceId: string): Promise<readonly OutboxJob[]>;
}

export function createDeadWorkCache(store: Store): DeadWorkCache {
  const cache = new Map<string, { jobs: readonly OutboxJob[]; stamp: number }>();
  return {
    async list(workspaceId) {
      const hit = cache.get(workspaceId);
      if (hit && store.changes.unchangedSince(workspaceId, hit.stamp, 'dead')) return hit.jobs;
      // Stamped before reading: a job dying while we read leaves the entry stale, so it is read again next time.
      const stamp = store.changes.stamp();
      const jobs = await store.outbox.listDead(workspaceId, { limit: DEAD_WORK_READ_LIMIT });
      if (cache.size >= MAX_WORKSPACES) cache.clear();
      cache.set(workspaceId, { jobs, stamp });
      return jobs;
    },
  };
}
