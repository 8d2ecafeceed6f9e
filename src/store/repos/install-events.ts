/**
 * The install history of a workspace: installs, reinstalls and uninstalls, each with who approved it and who is
 * the settings admin afterwards. Written by the workspaces repository in the transaction that changes the install,
 * so the history cannot disagree with the workspace row.
 */
import type { Selectable } from 'kysely';
import type { InstallEventsTable } from '../schema';
import { type Db, narrow, newId, type RepoContext } from './common';

export const INSTALL_EVENT_KINDS = ['install', 'reinstall', 'uninstall'] as const;
export type InstallEventKind = (typeof INSTALL_EVENT_KINDS)[number];

export interface InstallEvent {
  workspaceId: string;
  id: string;
  at: number;
  kind: InstallEventKind;
  /** The teammate who approved the install in Intercom (null for uninstalls, which Intercom does not attribute). */
  approvedByAdminId: string | null;
  /** The settings admin and the ladder's acting admin after this event. */
  installerAdminId: string | null;
  previousInstallerAdminId: string | null;
}

export type NewInstallEvent = Omit<InstallEvent, 'id'>;

export interface InstallEventsRepo {
  /** Newest first. */
  list(workspaceId: string, options?: { limit?: number }): Promise<InstallEvent[]>;
}

export async function recordInstallEvent(tx: Db, event: NewInstallEvent): Promise<void> {
  await tx
    .insertInto('install_events')
    .values({
      workspace_id: event.workspaceId,
      id: newId(),
      at: event.at,
      kind: event.kind,
      approved_by_admin_id: event.approvedByAdminId,
      installer_admin_id: event.installerAdminId,
      previous_installer_admin_id: event.previousInstallerAdminId,
    })
    .execute();
}

export function createInstallEventsRepo({ db }: RepoContext): InstallEventsRepo {
  return {
    async list(workspaceId, options = {}) {
      const rows = await db
        .selectFrom('install_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(options.limit ?? 20)
        .execute();
      return rows.map(toInstallEvent);
    },
  };
}

function toInstallEvent(row: Selectable<InstallEventsTable>): InstallEvent {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    at: Number(row.at),
    kind: narrow(INSTALL_EVENT_KINDS, row.kind, 'install_events.kind'),
    approvedByAdminId: row.approved_by_admin_id,
    installerAdminId: row.installer_admin_id,
    previousInstallerAdminId: row.previous_installer_admin_id,
  };
}
