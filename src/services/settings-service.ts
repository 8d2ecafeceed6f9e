/**
 * Settings are read on every sidebar view, so they are cached in memory. An entry stands while the store's change
 * feed reports no write to its workspace (saves here or in another instance: src/store/change-feed.ts), and for
 * `ttlMs` at most in any case.
 */
import type { WorkspaceSettings } from '../domain/settings';
import type { SettingsRecord, Store } from '../store';
import type { Clock } from '../util/clock';

export interface SettingsService {
  get(workspaceId: string): Promise<WorkspaceSettings>;
  record(workspaceId: string): Promise<SettingsRecord>;
  invalidate(workspaceId: string): void;
}

export function createSettingsService(store: Store, clock: Clock, ttlMs = 30_000): SettingsService {
  const cache = new Map<string, { record: SettingsRecord; expiresAt: number; stamp: number }>();

  async function record(workspaceId: string): Promise<SettingsRecord> {
    const hit = cache.get(workspaceId);
    const now = clock.now();
    if (hit && hit.expiresAt > now && store.changes.unchangedSince(workspaceId, hit.stamp, 'settings')) return hit.record;
    const stamp = store.changes.stamp();
    const fresh = await store.settings.get(workspaceId);
    cache.set(workspaceId, { record: fresh, expiresAt: now + ttlMs, stamp });
    return fresh;
  }

  return {
    record,
    get: async (workspaceId) => (await record(workspaceId)).settings,
    invalidate: (workspaceId) => {
      cache.delete(workspaceId);
    },
  };
}
