/**
 * POST /settings/triage-ai: switch the optional AI provider on or off, pick provider and model, set, replace or
 * remove the API key. Same guards as every settings form (live session with the role re-confirmed, CSRF token
 * checked before the form is read); the key is sealed by the service and never logged, echoed or re-rendered.
 */
import type { Request, Response } from 'express';
import type { SettingsPageDeps } from './page-deps';
import { guardedForm, type RefuseSession } from './form-guard';
import { sendPage } from './headers';
import type { TriageAiField } from './render-triage-ai';
import { settingsView } from './view';

export async function saveTriageAi(page: SettingsPageDeps, req: Request, res: Response, refuse: RefuseSession): Promise<void> {
  const form = await guardedForm(page, req, res, refuse, 'AI triage');
  if (!form) return;
  const { workspace, session, body } = form;
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
