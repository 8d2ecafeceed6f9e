/**
 * Who may read a workspace's reports, from the settings session (the same signed cookie, see
 * src/http/settings/session.ts): settings admins and the listed report viewers, checked again on every request so
 * a removal takes effect at once. A session that held by Intercom role keeps holding while the settings still name
 * a role (reading changes nothing, so no Intercom recheck is needed as for a save).
 */
import type { Request } from 'express';
import { reportsAccess } from '../../services/install/admin-access';
import type { Workspace } from '../../store';
import type { SettingsPageDeps } from '../settings/page-deps';
import { readSession } from '../settings/session';

export type ReportsSessionCheck =
  | { ok: true; workspace: Workspace; adminId: string }
  | { ok: false; reason: 'none' | 'expired' | 'invalid' | 'revoked' };

export async function checkReportsSession(page: SettingsPageDeps, req: Request): Promise<ReportsSessionCheck> {
  const read = await readSession(page, req);
  if (!read.ok) return read;
  const { session, workspace, settings } = read;
  const basis = reportsAccess(workspace, settings, { id: session.a });
  if (!basis && !(session.b === 'role' && settings.access.roleNames.length > 0)) return { ok: false, reason: 'revoked' };
  return { ok: true, workspace, adminId: session.a };
}
