/**
 * Intercom's uninstall notification. The token is dropped and the workspace's
 * background work stops at once (`markUninstalled`: live outbox jobs
 * dead-lettered, SLA timers disarmed, pending webhooks ignored). What happens
 * to its data follows the workspace's `retentionOnUninstall` setting:
 * - `keep` (default): tickets, clocks, settings and the audit stay, so a
 *   re-install picks up where it left off;
 * - `purge`: every workspace-scoped row is deleted; only a token-less
 *   workspace row remains as a tombstone.
 * Idempotent: a repeated or unknown notification changes nothing. A notification
 * for an install whose token Intercom still honours is stale (a replay from an
 * earlier install, see install-liveness.ts): it is ignored and logged.
 */
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import type { SettingsService } from '../settings-service';
import type { WorkspaceDirectory } from '../workspace-directory';
import { installLiveness } from './install-liveness';

export interface UninstallDeps {
  store: Store;
  clock: Clock;
  directory: WorkspaceDirectory;
  settings: SettingsService;
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

export type UninstallOutcome = { found: false } | { found: true; retention: 'keep' | 'purge'; stale: boolean };

export async function uninstallWorkspace(deps: UninstallDeps, workspaceId: string): Promise<UninstallOutcome> {
  const workspace = await deps.store.workspaces.get(workspaceId);
  if (!workspace) return { found: false };
  // Read before anything changes: a purge deletes the settings row that holds the choice.
  const { retentionOnUninstall: retention } = (await deps.store.settings.get(workspaceId)).settings;
  if (workspace.uninstalledAt !== null) return { found: true, retention, stale: false };
  const liveness = await installLiveness(deps.directory, workspaceId);
  if (liveness === 'alive') {
    deps.logger.warn(
      { workspaceId, installedAt: workspace.installedAt },
      "uninstall notification ignored: Intercom still honours the current install's token, so it belongs to an earlier install (a replay)",
    );
    return { found: true, retention, stale: true };
  }
  // `unknown` (Intercom unreachable) is honoured: a genuine uninstall must drop the token even then.
  if (liveness === 'unknown') deps.logger.warn({ workspaceId }, 'uninstall honoured without confirming with Intercom (unreachable)');
  await deps.store.workspaces.markUninstalled(workspaceId, deps.clock.now());
  if (retention === 'purge') await deps.store.workspaces.purge(workspaceId);
  deps.directory.forget(workspaceId);
  deps.settings.invalidate(workspaceId);
  deps.logger.info({ workspaceId, retention }, 'workspace uninstalled');
  return { found: true, retention, stale: false };
}
