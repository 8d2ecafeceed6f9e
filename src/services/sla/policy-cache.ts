/**
 * Settings and compiled meters for the SLA code paths, read through the caller's transaction store.
 *
 * Why not the app's SettingsService: it reads through the top-level store, and on SQLite a read on the outer store
 * waits for the connection the caller's transaction holds (a deadlock). So every call reads the settings' revision
 * through `tx` (one cheap row; see SettingsRepo.revision) and keeps one parsed settings object per revision, so
 * neither the parse nor the business calendars compiled for it (cached per BusinessHours object by the pure module)
 * are redone on every event.
 *
 * The meters are kept here too, in one cache for the whole process: the sidebar's ticket card
 * (src/flows/ticket-card-model.ts) and the SLA service and scheduler ask for the same meter of the same policy object.
 */
import type { SlaPolicy, WorkspaceSettings } from '../../domain/settings';
import { type MeterMode, meterForClock, type TimeMeter } from '../../domain/sla';
import type { Store } from '../../store';

export interface PolicyCache {
  settings(tx: Store, workspaceId: string): Promise<WorkspaceSettings>;
  /**
   * Settings for workspaces whose revisions the caller already read (the scheduler's due clocks carry theirs):
   * no revision read, and one statement for all those not cached at that revision.
   */
  settingsAt(tx: Store, revisions: ReadonlyMap<string, string>): Promise<Map<string, WorkspaceSettings>>;
  meter(policy: SlaPolicy, mode: MeterMode): TimeMeter;
}

// Keyed by the policy object: settings are cached per revision, so the object is stable until a save replaces it,
// and a replaced policy's meters go with it.
const meters = new WeakMap<SlaPolicy, Map<MeterMode, TimeMeter>>();

/** The meter a clock counts with under `policy`, built once per policy object and mode. */
export function slaMeter(policy: SlaPolicy, mode: MeterMode): TimeMeter {
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
}

export function createPolicyCache(): PolicyCache {
  const byWorkspace = new Map<string, { revision: string; settings: WorkspaceSettings }>();

  return {
    async settings(tx, workspaceId) {
      // Every ticket event asks; parsing the settings (zod, time zones) cost more than the rest of a webhook's apply.
      const revision = await tx.settings.revision(workspaceId);
      const hit = byWorkspace.get(workspaceId);
      if (hit && hit.revision === revision) return hit.settings;
      // A save landing between the two reads only makes what is kept newer than its key: the next call re-reads.
      const { settings } = await tx.settings.get(workspaceId);
      byWorkspace.set(workspaceId, { revision, settings });
      return settings;
    },

    async settingsAt(tx, revisions) {
      const found = new Map<string, WorkspaceSettings>();
      const missing: string[] = [];
      for (const [workspaceId, revision] of revisions) {
        const hit = byWorkspace.get(workspaceId);
        if (hit && hit.revision === revision) found.set(workspaceId, hit.settings);
        else missing.push(workspaceId);
      }
      // Read in the caller's transaction, after its row locks: the same reasoning as `settings` above holds.
      for (const record of await tx.settings.getMany(missing)) {
        const revision = revisions.get(record.workspaceId);
        if (revision !== undefined) byWorkspace.set(record.workspaceId, { revision, settings: record.settings });
        found.set(record.workspaceId, record.settings);
      }
      return found;
    },

    meter: slaMeter,
  };
}
