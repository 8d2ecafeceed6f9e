/**
 * POST /settings/messenger-secret: set, replace or remove the Messenger identity-verification secret. The same
 * guards as every settings form (live session with the role re-confirmed, CSRF checked before the form is read);
 * the secret is sealed by the service and never logged, echoed or re-rendered.
 */
import type { Request, Response } from 'express';
import { guardedForm, type RefuseSession } from './form-guard';
import { sendPage } from './headers';
import type { SettingsPageDeps } from './page-deps';
import { settingsView } from './view';

export async function saveMessengerSecret(page: SettingsPageDeps, req: Request, res: Response, refuse: RefuseSession): Promise<void> {
  const form = page.messengerSecret ? await guardedForm(page, req, res, refuse, 'Messenger secret') : null;
  if (!form || !page.messengerSecret) {
    if (!res.headersSent) res.status(404).end();
    return;
  }
  const { workspace, session, body } = form;
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
