/**
 * Who may change a workspace's settings. Installing the app authorises every
 * teammate to use the sidebar, but settings shape every escalation, so only
 * these people get the Settings link and the page:
 * - the admin who installed Handoff (OAuth installer, or the private token's owner from GET /me);
 * - admins whose Intercom ids are listed in the settings' `access.adminIds`;
 * - teammates whose Intercom role name is in `access.roleNames`, when the request carries a role
 *   (Canvas Kit's admin object follows the REST Admin model, which gained `role {id, name}` in 2.16;
 *   older payloads have none, so a missing role never grants anything).
 * An uninstalled workspace has no admins here.
 */
import type { WorkspaceSettings } from '../../domain/settings';
import type { Workspace } from '../../store';

export type AccessBasis = 'installer' | 'listed' | 'role';

export interface AdminIdentity {
  id: string;
  /** The admin object as Intercom sent it (Canvas Kit `admin`, or GET /me). */
  raw?: Record<string, unknown>;
}

export function settingsAccess(workspace: Workspace | null, settings: WorkspaceSettings, admin: AdminIdentity): AccessBasis | null {
  if (!workspace || workspace.uninstalledAt !== null || !admin.id) return null;
  if (workspace.installedByAdminId !== null && workspace.installedByAdminId === admin.id) return 'installer';
  if (settings.access.adminIds.includes(admin.id)) return 'listed';
  const role = roleName(admin.raw);
  if (role && settings.access.roleNames.some((name) => name.toLowerCase() === role.toLowerCase())) return 'role';
  return null;
}

/** Who may read the reports: everyone who may change the settings, and the teammates listed as report viewers. */
export type ReportsBasis = AccessBasis | 'viewer';

export function reportsAccess(workspace: Workspace | null, settings: WorkspaceSettings, admin: AdminIdentity): ReportsBasis | null {
  const basis = settingsAccess(workspace, settings, admin);
  if (basis) return basis;
  if (!workspace || workspace.uninstalledAt !== null || !admin.id) return null;
  return settings.access.reportViewerIds.includes(admin.id) ? 'viewer' : null;
}

/** `role` as `{ id, name }` (REST 2.16) or a bare string; anything else is no role. */
export function roleName(raw: Record<string, unknown> | undefined): string | null {
  const role = raw?.['role'];
  if (typeof role === 'string') return role.trim() || null;
  if (role && typeof role === 'object') {
    const name = (role as Record<string, unknown>)['name'];
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  return null;
}
