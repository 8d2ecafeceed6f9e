/**
 * Settings are read on every sidebar view, so they are cached in memory. Saves
 * through this service drop the local entry at once; other instances pick a
 * change up within `ttlMs`.
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
  const cache = new Map<string, { record: SettingsRecord; expiresAt: number }>();

  async function record(workspaceId: string): Promise<SettingsRecord> {
    const hit = cache.get(workspaceId);
    const now = clock.now();
    if (hit && hit.expiresAt > now) return hit.record;
    const fresh = await store.settings.get(workspaceId);
    cache.set(workspaceId, { record: fresh, expiresAt: now + ttlMs });
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
