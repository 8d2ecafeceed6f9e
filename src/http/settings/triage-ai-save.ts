/**
 * POST /settings/triage-ai: switch the optional AI provider on or off, pick provider and model, set, replace or
 * remove the API key. Same guards as every settings form (live session with the role re-confirmed, CSRF token
 * checked before the form is read); the key is sealed by the service and never logged, echoed or re-rendered.
 */
import type { Request, Response } from 'express';
import { CSRF_FIELD } from '../../security/csrf';
import type { SettingsPageDeps } from './page-deps';
import { sendPage } from './headers';
import { renderMessagePage } from './page';
import type { TriageAiField } from './render-triage-ai';
import { checkSession } from './session';
import { settingsView } from './view';

export async function saveTriageAi(
  page: SettingsPageDeps,
  req: Request,
  res: Response,
  refuse: (reason: 'none' | 'expired' | 'invalid' | 'revoked' | 'unconfirmed') => void,
): Promise<void> {
  const check = await checkSession(page, req, { confirmRole: true });
  if (!check.ok) return refuse(check.reason);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const { workspace, session } = check;
  if (!page.install.tokens.csrf.verify(session.s, body[CSRF_FIELD])) {
    page.logger.warn({ workspaceId: workspace.id, adminId: session.a }, 'AI triage form rejected: CSRF token missing or wrong');
    const text =
      'It did not come from your current settings page (or the page is too old). Nothing was saved. Reload the settings page and try again.';
    sendPage(res, 403, renderMessagePage('This form could not be accepted', text, { href: '/settings', label: 'Reload settings' }));
    return;
  }
  const result = await page.triageAi.save(workspace.id, session.a, body);
  if (!result.ok) {
    const notice = {
      kind: 'error' as const,
      title: 'Nothing was saved: please correct the AI triage form',
      links: Object.entries(result.errors).map(([field, message]) => ({ href: `#ai-${field}`, text: message })),
    };
    const triageAiErrors = result.errors as Partial<Record<TriageAiField, string>>;
    sendPage(res, 422, await settingsView(page, workspace, session, { notice, triageAiErrors }));
    return;
  }
  // Ids and choices only: `keyChange` says what happened to the key, never what it is.
  page.logger.info(
    {
      workspaceId: workspace.id,
      adminId: session.a,
      enabled: result.view.enabled,
      provider: result.view.provider,
      keyChange: result.changedKey,
    },
    'AI triage settings saved',
  );
  res.redirect(303, '/settings?saved=triage-ai#section-triage-ai');
}
