/**
 * The guard every settings form outside the versioned sections passes (the AI provider, the Messenger secret): a
 * live session with the role re-confirmed, then the CSRF token, checked before anything in the form is read. On a
 * refusal the page is already sent and the caller returns; otherwise it gets the workspace, session and body.
 */
import type { Request, Response } from 'express';
import { CSRF_FIELD } from '../../security/csrf';
import type { SettingsSession } from '../../services/install';
import type { Workspace } from '../../store';
import { sendPage } from './headers';
import { renderMessagePage } from './page';
import type { SettingsPageDeps } from './page-deps';
import { checkSession, type SessionRefusal } from './session';

export type RefuseSession = (reason: SessionRefusal) => void;

export interface GuardedForm {
  workspace: Workspace;
  session: SettingsSession;
  body: Record<string, unknown>;
}

export async function guardedForm(
  page: SettingsPageDeps,
  req: Request,
  res: Response,
  refuse: RefuseSession,
  /** Named in the log line of a refused form, e.g. "AI triage". */
  what: string,
): Promise<GuardedForm | null> {
  const check = await checkSession(page, req, { confirmRole: true });
  if (!check.ok) {
    refuse(check.reason);
    return null;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const { workspace, session } = check;
  if (!page.install.tokens.csrf.verify(session.s, body[CSRF_FIELD])) {
    page.logger.warn({ workspaceId: workspace.id, adminId: session.a }, `${what} form rejected: CSRF token missing or wrong`);
    const text =
      'It did not come from your current settings page (or the page is too old). Nothing was saved. Reload the settings page and try again.';
    sendPage(res, 403, renderMessagePage('This form could not be accepted', text, { href: '/settings', label: 'Reload settings' }));
    return null;
  }
  return { workspace, session, body };
}
