/**
 * Installed workspaces. The token is stored only as ciphertext plus the id of
 * the key that sealed it (encryption lives outside the store), so keys can
 * rotate by re-sealing with `setToken`.
 */
import type { Selectable } from 'kysely';
import { WORKSPACE_TABLES, type WorkspacesTable } from '../schema';
import { type Db, inTransaction, narrow, type RepoContext } from './common';
import { recordInstallEvent } from './install-events';
import { reusableQuery } from './reusable-query';

/** Read on every sidebar view and most jobs (see reusable-query.ts). */
const selectWorkspace = reusableQuery((db, key: { workspaceId: string }) =>
  db.selectFrom('workspaces').selectAll().where('id', '=', key.workspaceId),
);

export const INSTALL_MODES = ['private', 'oauth'] as const;
export type InstallMode = (typeof INSTALL_MODES)[number];

export interface SealedToken {
  ciphertext: string;
  keyId: string;
}

export interface Workspace {
  id: string;
  name: string;
  region: string;
  apiBaseUrl: string;
  timezone: string;
  token: SealedToken | null;
  installMode: InstallMode;
  installedAt: number;
  uninstalledAt: number | null;
  installedByAdminId: string | null;
}

export interface WorkspaceInstall {
  name: string;
  region: string;
  apiBaseUrl: string;
  timezone: string;
  token: SealedToken | null;
  installMode: InstallMode;
  installedAt: number;
  installedByAdminId: string | null;
  /**
   * The teammate who approved this install in Intercom, and when, if someone did (OAuth): the install is then
   * recorded in the workspace's install history. The private install that runs at every start passes none.
   */
  approval?: { adminId: string; at: number };
}

export interface WorkspacesRepo {
  /** Install or re-install: writes every field and clears `uninstalledAt`; a reinstall re-arms running SLA clocks. */
  upsert(workspaceId: string, install: WorkspaceInstall): Promise<Workspace>;
  get(workspaceId: string): Promise<Workspace | null>;
  /** Cross-workspace, for start-up and jobs; uninstalled workspaces only when asked. */
  list(options?: { includeUninstalled?: boolean }): Promise<Workspace[]>;
  setToken(workspaceId: string, token: SealedToken): Promise<boolean>;
  /**
   * Drops the token and stops the workspace's background work: live outbox jobs
   * are dead-lettered, SLA timers disarmed, pending webhooks ignored. Data is kept.
   */
  markUninstalled(workspaceId: string, at: number): Promise<boolean>;
  /** Deletes every workspace-scoped row; the workspace row stays as a token-less tombstone. */
  purge(workspaceId: string): Promise<void>;
}

export function createWorkspacesRepo({ db, dialect }: RepoContext): WorkspacesRepo {
  return {
    async upsert(workspaceId, install) {
      const row: WorkspacesTable = {
        id: workspaceId,
        name: install.name,
        region: install.region,
        api_base_url: install.apiBaseUrl,
        timezone: install.timezone,
        token_ciphertext: install.token?.ciphertext ?? null,
        token_key_id: install.token?.keyId ?? null,
        install_mode: install.installMode,
        installed_at: install.installedAt,
        uninstalled_at: null,
        installed_by_admin_id: install.installedByAdminId,
      };
      const { id: _id, ...update } = row;
      return inTransaction(db, async (tx) => {
        const before = await tx
          .selectFrom('workspaces')
          .select(['uninstalled_at', 'installed_by_admin_id'])
          .where('id', '=', workspaceId)
          .executeTakeFirst();
        const saved = await tx
          .insertInto('workspaces')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(update))
          .returningAll()
          .executeTakeFirstOrThrow();
        // A reinstall after an uninstall (which disarmed every clock): running clocks are planned again from now,
        // so steps that fell due meanwhile fire once (ladder_firings) instead of never.
        if (before && before.uninstalled_at !== null) {
          await tx
            .updateTable('sla_clocks')
            .set({ next_fire_at: install.installedAt })
            .where('workspace_id', '=', workspaceId)
            .where('status', '=', 'running')
            .execute();
        }
        if (install.approval) {
          await recordInstallEvent(tx, {
            workspaceId,
            at: install.approval.at,
            kind: before ? 'reinstall' : 'install',
            approvedByAdminId: install.approval.adminId,
            installerAdminId: install.installedByAdminId,
            previousInstallerAdminId: before?.installed_by_admin_id ?? null,
          });
        }
        return toWorkspace(saved);
      });
    },

    async get(workspaceId) {
      const [row] = await selectWorkspace(db, dialect, { workspaceId });
      return row ? toWorkspace(row) : null;
    },

    async list(options = {}) {
      const rows = await db
        .selectFrom('workspaces')
        .selectAll()
        .$if(!options.includeUninstalled, (qb) => qb.where('uninstalled_at', 'is', null))
        .orderBy('id')
        .execute();
      return rows.map(toWorkspace);
    },

    async setToken(workspaceId, token) {
      const result = await db
        .updateTable('workspaces')
        .set({ token_ciphertext: token.ciphertext, token_key_id: token.keyId })
        .where('id', '=', workspaceId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    markUninstalled: (workspaceId, at) => inTransaction(db, (tx) => stopWorkspace(tx, workspaceId, at)),

    purge: (workspaceId) =>
      inTransaction(db, async (tx) => {
        for (const table of WORKSPACE_TABLES) {
          await tx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
        }
        await tx.updateTable('workspaces').set({ token_ciphertext: null, token_key_id: null }).where('id', '=', workspaceId).execute();
      }),
  };
}

async function stopWorkspace(tx: Db, workspaceId: string, at: number): Promise<boolean> {
  const stopped = await tx
    .updateTable('workspaces')
    .set({ uninstalled_at: at, token_ciphertext: null, token_key_id: null })
    .where('id', '=', workspaceId)
    .returning('installed_by_admin_id')
    .executeTakeFirst();
  if (!stopped) return false;
  const installer = stopped.installed_by_admin_id;
  await recordInstallEvent(tx, {
    workspaceId,
    at,
    kind: 'uninstall',
    approvedByAdminId: null,
    installerAdminId: installer,
    previousInstallerAdminId: installer,
  });
  // Without a token these could only fail; left live they would clog the claim indexes forever.
  await tx
    .updateTable('outbox')
    .set({ status: 'dead', last_error: 'workspace uninstalled', next_attempt_at: null, locked_by: null, locked_until: null })
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['pending', 'running'])
    .execute();
  await tx
    .updateTable('sla_clocks')
    .set({ next_fire_at: null, locked_by: null, locked_until: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .execute();
  await tx
    .updateTable('webhook_inbox')
    .set({ status: 'ignored', last_error: 'workspace uninstalled', processed_at: at, next_attempt_at: null })
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'pending')
    .execute();
  return true;
}

function toWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    apiBaseUrl: row.api_base_url,
    timezone: row.timezone,
    token:
      row.token_ciphertext !== null && row.token_key_id !== null ? { ciphertext: row.token_ciphertext, keyId: row.token_key_id } : null,
    installMode: narrow(INSTALL_MODES, row.install_mode, 'workspaces.install_mode'),
    installedAt: row.installed_at,
    uninstalledAt: row.uninstalled_at,
    installedByAdminId: row.installed_by_admin_id,
  };
}
