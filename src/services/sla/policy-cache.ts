/**
 * Settings and compiled meters for the SLA code paths, read through the caller's transaction store.
 *
 * Why not the app's SettingsService: it reads through the top-level store, and on SQLite a read on the outer store
 * waits for the connection the caller's transaction holds (a deadlock). So every call reads the settings row through
 * `tx`, but keeps one parsed settings object per (workspace, version), so the business calendars compiled for it
 * (cached per BusinessHours object by the pure module) are reused instead of rebuilt on every event.
 */
import type { SlaPolicy, WorkspaceSettings } from '../../domain/settings';
import { type MeterMode, meterForClock, type TimeMeter } from '../../domain/sla';
import type { Store } from '../../store';

export interface PolicyCache {
  settings(tx: Store, workspaceId: string): Promise<WorkspaceSettings>;
  meter(policy: SlaPolicy, mode: MeterMode): TimeMeter;
}

export function createPolicyCache(): PolicyCache {
  const byWorkspace = new Map<string, { key: string; settings: WorkspaceSettings }>();
  const meters = new WeakMap<SlaPolicy, Map<MeterMode, TimeMeter>>();

  return {
    async settings(tx, workspaceId) {
      const record = await tx.settings.get(workspaceId);
      // Version alone is not enough: version 0 defaults follow the workspace zone, and a purge restarts versions.
      const key = `${record.version}|${record.updatedAt ?? ''}|${record.settings.sla.businessHours.timezone}`;
      const hit = byWorkspace.get(workspaceId);
      if (hit && hit.key === key) return hit.settings;
      byWorkspace.set(workspaceId, { key, settings: record.settings });
      return record.settings;
    },

    meter(policy, mode) {
      let byMode = meters.get(policy);
      if (!byMode) {
        byMode = new Map();
        meters.set(policy, byMode);
      }
      let found = byMode.get(mode);
      if (!found) {
        found = meterForClock(policy, { meterMode: mode });
        byMode.set(mode, found);
      }
      return found;
    },
  };
}
