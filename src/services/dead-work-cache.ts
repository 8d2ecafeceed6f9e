/**
 * The dead outbox work the sidebar's cards mention, read from the store only after it may have changed. Every
 * sidebar view needs its workspace's dead list (normally empty); asking the database each time cost a round trip
 * per view, a quarter of a fresh render's time on PostgreSQL. Dead-lettering and retrying are observed writes of
 * scope `dead` (src/store/observed-writes.ts), heard from this process and, through the change feed, from every
 * other instance; while the feed cannot vouch for a workspace (PostgreSQL's LISTEN connection is down), each view
 * reads again.
 */
import type { OutboxJob, Store } from '../store';
import { changeGuardedMemo } from './change-guarded-memo';

/** How many dead jobs a card can mention (indexed read, newest first); the settings page lists them all. */
export const DEAD_WORK_READ_LIMIT = 200;

export interface DeadWorkCache {
  /** The workspace's dead jobs, as `store.outbox.listDead` returns them now. */
  list(workspaceId: string): Promise<readonly OutboxJob[]>;
}

export function createDeadWorkCache(store: Store): DeadWorkCache {
  return { list: changeGuardedMemo(store, 'dead', (workspaceId) => store.outbox.listDead(workspaceId, { limit: DEAD_WORK_READ_LIMIT })) };
}
