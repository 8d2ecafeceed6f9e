/**
 * The settings session: a signed cookie naming the workspace and the admin,
 * minted from a sidebar link or an OAuth sign-in. The workspace the page acts
 * on comes only from here, never from a query parameter or a form field. Each
 * request checks again that the workspace is still installed and that the
 * admin still may change settings, so an uninstall or a removal from the admin
 * list takes effect at once. Access granted by an Intercom role is confirmed
 * with Intercom before each save (`confirmRole`), so a demoted teammate cannot
 * change settings for the rest of the session.
 */
import type { Request, Response } from 'express';
import { randomNonce } from '../../util/nonce';
import type { SettingsSession } from '../../services/install';
import type { SettingsPageDeps } from './page-deps';
import { reportsAccess, settingsAccess } from '../../services/install/admin-access';
import type { Workspace } from '../../store';
import type { WorkspaceSettings } from '../../domain/settings';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies';

/**
 * Why a settings request is refused. `reports-only`: a listed report viewer (the same session cookie serves
 * /reports) who may read the reports but not change settings; their session stays, unlike a revoked one.
 */
export type SessionRefusal = 'none' | 'expired' | 'invalid' | 'revoked' | 'unconfirmed' | 'reports-only';

export type SessionCheck = { ok: true; session: SettingsSession; workspace: Workspace } | { ok: false; reason: SessionRefusal };

export function startSession(page: SettingsPageDeps, res: Response, identity: Omit<SettingsSession, 's'>): SettingsSession {
  const session: SettingsSession = { ...identity, s: randomNonce() };
  const token = page.install.tokens.session.sign(session, page.clock.now());
  // Path `/`: the reports pages (src/http/reports/) read the same session as the settings pages.
  setCookie(res, SESSION_COOKIE, token, {
    path: '/',
    maxAgeMs: page.install.tokens.session.ttlMs,
    secure: page.install.secureCookies,
  });
  return session;
}

export function endSession(page: SettingsPageDeps, res: Response): void {
  clearCookie(res, SESSION_COOKIE, { path: '/', secure: page.install.secureCookies });
  // Sessions opened before the reports existed were scoped to /settings; a stale one there would shadow the new.
  clearCookie(res, SESSION_COOKIE, { path: '/settings', secure: page.install.secureCookies });
}

/**
 * `confirmRole` (saves): a session that holds only by Intercom role is checked with Intercom now; `unconfirmed`
 * when Intercom cannot answer.
 */
export async function checkSession(page: SettingsPageDeps, req: Request, options: { confirmRole?: boolean } = {}): Promise<SessionCheck> {
  const read = await readSession(page, req);
  if (!read.ok) return read;
  const { session, workspace, settings } = read;
  const basis = settingsAccess(workspace, settings, { id: session.a });
  if (!basis && session.b !== 'role') {
    const viewer = reportsAccess(workspace, settings, { id: session.a }) !== null;
    return { ok: false, reason: viewer ? 'reports-only' : 'revoked' };
  }
  if (!basis && options.confirmRole) {
    const role = await page.install.recheckRole(workspace, session.a);
    if (role !== 'granted') {
      page.logger.warn({ workspaceId: workspace.id, adminId: session.a, role }, 'settings save refused: Intercom role not confirmed');
      return { ok: false, reason: role === 'revoked' ? 'revoked' : 'unconfirmed' };
    }
  }
  return { ok: true, session, workspace };
}

export type SessionRead =
  | { ok: true; session: SettingsSession; workspace: Workspace; settings: WorkspaceSettings }
  | { ok: false; reason: 'none' | 'expired' | 'invalid' | 'revoked' };

/** The signed session and its installed workspace, before any access rule (the settings' or the reports'). */
export async function readSession(page: SettingsPageDeps, req: Request): Promise<SessionRead> {
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return { ok: false, reason: 'none' };
  const verified = page.install.tokens.session.verify(cookie, page.clock.now());
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' };
  const session = verified.payload;
  const [workspace, settings] = await Promise.all([page.store.workspaces.get(session.w), page.settings.get(session.w)]);
  if (!workspace || workspace.uninstalledAt !== null) return { ok: false, reason: 'revoked' };
  return { ok: true, session, workspace, settings };
}

/** The way forward on a page that refuses or ends a session: sign in through Intercom, when OAuth is configured. */
export function signInAction(page: SettingsPageDeps) {
  return !page.install.oauthEnabled ? undefined : { href: '/settings/login', label: 'Sign in with Intercom' };
}
