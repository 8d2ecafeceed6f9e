/**
 * Per-workspace settings with optimistic concurrency: a save names the version
 * it was edited from, and loses (without writing) if someone saved in between.
 * Each successful save writes its audit row in the same transaction, so the
 * audit can never miss or invent a change.
 */
import type { Selectable } from 'kysely';
import { parseSettings, type WorkspaceSettings, workspaceSettingsSchema } from '../../domain/settings';
import type { SettingsAuditTable, WorkspaceSettingsTable } from '../schema';
import { type Db, fromJson, inTransaction, newId, type RepoContext, toJson } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { BoundedMemo } from '../../util/bounded-memo';

export interface SettingsRecord {
  workspaceId: string;
  settings: WorkspaceSettings;
  /** 0 = nothing saved yet (the defaults are shown); every save adds one. */
  version: number;
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface SettingsSave {
  settings: WorkspaceSettings;
  expectedVersion: number;
  adminId: string | null;
  now: number;
}

export type SettingsSaveResult = { ok: true; record: SettingsRecord } | { ok: false; reason: 'version_conflict'; current: SettingsRecord };

export interface SettingsAuditEntry {
  id: string;
  workspaceId: string;
  version: number;
  adminId: string | null;
  at: number;
  /** Raw stored JSON (settings written by older versions are shown as they were). */
  before: unknown;
  after: unknown;
}

export interface SettingsRepo {
  /** The stored settings, or the defaults (in the workspace's time zone) at version 0. */
  get(workspaceId: string): Promise<SettingsRecord>;
  /** `get` for several workspaces in one statement (the SLA scheduler's chunk); unknown workspaces are left out. */
  getMany(workspaceIds: readonly string[]): Promise<SettingsRecord[]>;
  /**
   * What `get` would parse, in one cheap read and without parsing: equal revisions give equal settings. Callers
   * that keep parsed settings check this first (parsing costs far more than the read).
   */
  revision(workspaceId: string): Promise<string>;
  save(workspaceId: string, change: SettingsSave): Promise<SettingsSaveResult>;
  listAudit(workspaceId: string, options?: { limit?: number }): Promise<SettingsAuditEntry[]>;
}

/** Asked on every SLA event (see reusable-query.ts). */
const selectRevision = reusableQuery((db, key: { workspaceId: string }) =>
  db
    .selectFrom('workspaces')
    .leftJoin('workspace_settings', 'workspace_settings.workspace_id', 'workspaces.id')
    .select(['workspaces.timezone', 'workspace_settings.version', 'workspace_settings.updated_at'])
    .where('workspaces.id', '=', key.workspaceId),
);

export function createSettingsRepo({ db, dialect }: RepoContext): SettingsRepo {
  return {
    get: (workspaceId) => readSettings(db, workspaceId),

    async getMany(workspaceIds) {
      if (workspaceIds.length === 0) return [];
      const rows = await db
        .selectFrom('workspaces')
        .leftJoin('workspace_settings', 'workspace_settings.workspace_id', 'workspaces.id')
        .select([
          'workspaces.id',
          'workspaces.timezone',
          'workspace_settings.settings_json',
          'workspace_settings.version',
          'workspace_settings.updated_at',
          'workspace_settings.updated_by',
        ])
        .where('workspaces.id', 'in', [...workspaceIds])
        .execute();
      return rows.map((row) =>
        row.settings_json === null || row.version === null
          ? defaults(row.id, row.timezone, sharedDefaults(row.timezone))
          : toRecord(
              {
                workspace_id: row.id,
                settings_json: row.settings_json,
                version: row.version,
                updated_at: row.updated_at ?? 0,
                updated_by: row.updated_by,
              },
              row.timezone,
            ),
      );
    },

    async revision(workspaceId) {
      const [row] = await selectRevision(db, dialect, { workspaceId });
      return revisionKey(row?.version ?? 0, row?.updated_at ?? null, row?.timezone ?? 'UTC');
    },

    save: (workspaceId, change) =>
      inTransaction(db, async (tx) => {
        // Validate before touching anything: the store never holds settings the app cannot read back.
        const after = workspaceSettingsSchema.parse(change.settings);
        const afterJson = toJson(after);
        const existing = await tx.selectFrom('workspace_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
        // Checked up front so `existing` is exactly the version being replaced (the audit's "before").
        const stale = existing ? existing.version !== change.expectedVersion : change.expectedVersion !== 0;
        const written = stale ? undefined : await writeSettings(tx, workspaceId, existing !== undefined, afterJson, change);
        if (!written) return { ok: false, reason: 'version_conflict', current: await readSettings(tx, workspaceId) };
        await tx
          .insertInto('settings_audit')
          .values({
            id: newId(),
            workspace_id: workspaceId,
            version: written.version,
            admin_id: change.adminId,
            at: change.now,
            before_json: existing?.settings_json ?? null,
            after_json: afterJson,
          })
          .execute();
        return { ok: true, record: toRecord(written, await timezoneOf(tx, workspaceId)) };
      }),

    async listAudit(workspaceId, options = {}) {
      const rows = await db
        .selectFrom('settings_audit')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('version', 'desc')
        .limit(options.limit ?? 50)
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}

/** Returns the written row, or undefined when a concurrent save got there first. */
async function writeSettings(tx: Db, workspaceId: string, exists: boolean, settingsJson: string, change: SettingsSave) {
  const values = { settings_json: settingsJson, version: change.expectedVersion + 1, updated_at: change.now, updated_by: change.adminId };
  if (exists) {
    return (
      tx
        .updateTable('workspace_settings')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        // The version check is in the UPDATE itself, so it holds even against a concurrent writer.
        .where('version', '=', change.expectedVersion)
        .returningAll()
        .executeTakeFirst()
    );
  }
  return (
    tx
      .insertInto('workspace_settings')
      .values({ workspace_id: workspaceId, ...values })
      // A concurrent first save wins; this one reports a conflict instead of aborting the transaction.
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .returningAll()
      .executeTakeFirst()
  );
}

/**
 * Version alone is not enough: version 0 defaults follow the workspace zone, and a purge restarts versions
 * (the save instant tells the two lives apart).
 */
export function revisionKey(version: number, updatedAt: number | null, timezone: string): string {
  return `${version}|${updatedAt ?? ''}|${timezone}`;
}

async function readSettings(db: Db, workspaceId: string): Promise<SettingsRecord> {
  const timezone = await timezoneOf(db, workspaceId);
  const row = await db.selectFrom('workspace_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? toRecord(row, timezone) : defaults(workspaceId, timezone);
}

function defaults(workspaceId: string, timezone: string, settings = parseSettings(undefined, timezone)): SettingsRecord {
  return { workspaceId, settings, version: 0, updatedAt: null, updatedBy: null };
}

/**
 * The defaults of a zone, parsed once and frozen: `getMany` feeds the SLA scheduler, whose storm reads the settings of
 * hundreds of workspaces at once, and most workspaces never save theirs. Parsing them (zod over the whole tree) was
 * most of a storm's first chunks; sharing one object per zone also shares the meters compiled for its policy
 * (src/services/sla/policy-cache.ts keys them by policy object). Frozen because every such workspace holds it.
 */
const defaultsByZone = new BoundedMemo<string, WorkspaceSettings>(1_000);
function sharedDefaults(timezone: string): WorkspaceSettings {
  return defaultsByZone.get(timezone, (zone) => deepFreeze(parseSettings(undefined, zone)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

async function timezoneOf(db: Db, workspaceId: string): Promise<string> {
  const ws = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst();
  return ws?.timezone ?? 'UTC';
}

function toRecord(row: Selectable<WorkspaceSettingsTable>, timezone: string): SettingsRecord {
  return {
    workspaceId: row.workspace_id,
    settings: parseSettings(fromJson(row.settings_json), timezone),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toAuditEntry(row: Selectable<SettingsAuditTable>): SettingsAuditEntry {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    version: row.version,
    adminId: row.admin_id,
    at: row.at,
    before: row.before_json === null ? null : fromJson(row.before_json),
    after: fromJson(row.after_json),
  };
}
