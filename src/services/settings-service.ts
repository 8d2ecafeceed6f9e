/**
 * Settings are read on every sidebar view, so they are kept in memory per workspace and read again only after the
 * store's change feed heard a settings write to that workspace, here or in another instance
 * (src/services/change-guarded-memo.ts). There is no time limit on top: with a thousand workspaces a 30-second one
 * made every fresh view somewhere re-read and re-parse its workspace's settings, for no change.
 */
import type { WorkspaceSettings } from '../domain/settings';
import type { SettingsRecord, Store } from '../store';
import { changeGuardedMemo } from './change-guarded-memo';

export interface SettingsService {
  get(workspaceId: string): Promise<WorkspaceSettings>;
  record(workspaceId: string): Promise<SettingsRecord>;
  invalidate(workspaceId: string): void;
}

export function createSettingsService(store: Store): SettingsService {
  const record = changeGuardedMemo(store, 'settings', (workspaceId) => store.settings.get(workspaceId));
  return {
    record,
    get: async (workspaceId) => (await record(workspaceId)).settings,
    invalidate: (workspaceId) => record.forget(workspaceId),
  };
}
