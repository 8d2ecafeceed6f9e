/**
 * Does the workspace's current install still hold a working token? Intercom signs an uninstall notification
 * (`{"app_id": "…"}`) but puts no time or install id in it, so the same signed bytes come for every uninstall of
 * a workspace, and a captured one replayed after a reinstall would look genuine. What a replay cannot fake is
 * the state of the token: uninstalling revokes the app's token in Intercom, so a genuine uninstall leaves the
 * current install's token refused (401), while after a reinstall the new token still works. The notification is
 * thereby bound to the install whose token Intercom revoked.
 */
import { isIntercomApiError } from '../../intercom';
import type { WorkspaceDirectory } from '../workspace-directory';

/**
 * - `alive`: Intercom answered GET /me with this workspace's token: the install is current, the notice is stale;
 * - `revoked`: Intercom refused the token, or the workspace has no usable one;
 * - `unknown`: Intercom could not be asked (network, 5xx, 429).
 */
export type InstallLiveness = 'alive' | 'revoked' | 'unknown';

export async function installLiveness(directory: WorkspaceDirectory, workspaceId: string): Promise<InstallLiveness> {
  let client: Awaited<ReturnType<WorkspaceDirectory['clientFor']>>;
  try {
    client = await directory.clientFor(workspaceId);
  } catch {
    return 'revoked';
  }
  try {
    // One attempt: Intercom waits for our answer, and retrying here would hold it for the whole backoff.
    const me = await client.me.get({ retry: false });
    return me.app.id_code === workspaceId ? 'alive' : 'revoked';
  } catch (error) {
    if (isIntercomApiError(error) && (error.status === 401 || error.status === 403)) return 'revoked';
    return 'unknown';
  }
}
