/**
 * POST /settings/messenger-secret: set, replace or remove the Messenger identity-verification secret. The same
 * guards as every settings form (live session with the role re-confirmed, CSRF checked before the form is read);
 * the secret is sealed by the service and never logged, echoed or re-rendered.
 */
import type { Request, Response } from 'express';
import { CSRF_FIELD } from '../../security/csrf';
import { sendPage } from './headers';
import { renderMessagePage } from './page';
import type { SettingsPageDeps } from './page-deps';
import { checkSession } from './session';
import { settingsView } from './view';

export async function saveMessengerSecret(
  page: SettingsPageDeps,
  req: Request,
  res: Response,
  refuse: (reason: 'none' | 'expired' | 'invalid' | 'revoked' | 'unconfirmed') => void,
): Promise<void> {
  const check = await checkSession(page, req, { confirmRole: true });
  if (!check.ok) return refuse(check.reason);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const { workspace, session } = check;
  if (!page.install.tokens.csrf.verify(session.s, body[CSRF_FIELD]) || !page.messengerSecret) {
    page.logger.warn({ workspaceId: workspace.id, adminId: session.a }, 'Messenger secret form rejected: CSRF token missing or wrong');
    const text =
      'It did not come from your current settings page (or the page is too old). Nothing was saved. Reload the settings page and try again.';
    sendPage(res, 403, renderMessagePage('This form could not be accepted', text, { href: '/settings', label: 'Reload settings' }));
    return;
  }
  const result = await page.messengerSecret.save(workspace.id, session.a, body);
  if (!result.ok) {
    const notice = { kind: 'error' as const, title: 'Nothing was saved', links: [{ href: '#messenger-secret', text: result.error }] };
    sendPage(res, 422, await settingsView(page, workspace, session, { notice, messengerSecretError: result.error }));
    return;
  }
  // What happened to the secret, never what it is.
  page.logger.info({ workspaceId: workspace.id, adminId: session.a, change: result.change }, 'Messenger secret saved');
  res.redirect(303, '/settings?saved=messenger-secret#section-messenger-secret');
}
