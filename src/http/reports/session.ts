/**
 * Who may read a workspace's reports, from the settings session (the same signed cookie, see
 * src/http/settings/session.ts): settings admins and the listed report viewers, checked again on every request so
 * a removal takes effect at once. A session that held by Intercom role keeps holding while the settings still name
 * a role (reading changes nothing, so no Intercom recheck is needed as for a save).
 */
import type { Request } from 'express';
import { reportsAccess } from '../../services/install/admin-access';
import type { Workspace } from '../../store';
import { readCookie, SESSION_COOKIE } from '../settings/cookies';
import type { SettingsPageDeps } from '../settings/page-deps';

export type ReportsSessionCheck =
  | { ok: true; workspace: Workspace; adminId: string }
  | { ok: false; reason: 'none' | 'expired' | 'invalid' | 'revoked' };

export async function checkReportsSession(page: SettingsPageDeps, req: Request): Promise<ReportsSessionCheck> {
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return { ok: false, reason: 'none' };
  const verified = page.install.tokens.session.verify(cookie, page.clock.now());
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' };
  const session = verified.payload;
  const [workspace, settings] = await Promise.all([page.store.workspaces.get(session.w), page.settings.get(session.w)]);
  if (!workspace || workspace.uninstalledAt !== null) return { ok: false, reason: 'revoked' };
  const basis = reportsAccess(workspace, settings, { id: session.a });
  if (!basis && !(session.b === 'role' && settings.access.roleNames.length > 0)) return { ok: false, reason: 'revoked' };
  return { ok: true, workspace, adminId: session.a };
}
