/**
 * Settings access granted by an Intercom role (see admin-access.ts) was read from the Canvas Kit request that
 * opened the session. Intercom tells us nothing when a teammate is demoted, so before a save the role is read
 * again from Intercom (GET /admins/{id}, whose 2.16 model carries `role`) and checked against the current
 * settings. Saves are rare, so the call costs little; pages are only viewed, and are not re-checked.
 */
import { isIntercomApiError } from '../../intercom';
import type { Workspace } from '../../store';
import type { SettingsService } from '../settings-service';
import type { WorkspaceDirectory } from '../workspace-directory';
import { settingsAccess } from './admin-access';

/** `unknown`: Intercom could not be asked right now; the caller refuses the save without ending the session. */
export type RoleRecheck = 'granted' | 'revoked' | 'unknown';

export async function recheckRole(
  deps: { directory: WorkspaceDirectory; settings: SettingsService },
  workspace: Workspace,
  adminId: string,
): Promise<RoleRecheck> {
  let admin: Record<string, unknown>;
  try {
    const client = await deps.directory.clientFor(workspace.id);
    admin = await client.admins.get(adminId, { retry: false });
  } catch (error) {
    // 404: the teammate is gone from the workspace, which certainly ends their access.
    if (isIntercomApiError(error) && error.status === 404) return 'revoked';
    return 'unknown';
  }
  const basis = settingsAccess(workspace, await deps.settings.get(workspace.id), { id: adminId, raw: admin });
  return basis ? 'granted' : 'revoked';
}
