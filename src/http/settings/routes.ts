/**
 * The settings pages:
 *   GET  /settings?token=…   sandbox only: sidebar link → session cookie → redirect to /settings (the token leaves the URL)
 *   GET  /settings           the page (signed-in admins only)
 *   POST /settings/:section  save one section (session + CSRF token required)
 *   GET  /settings/login     sign in through Intercom OAuth (the sidebar's Settings link outside the sandbox)
 *   POST /settings/logout    end the session (CSRF token required: a GET or a bare POST would let any site sign an admin out)
 *   POST /settings/failed-work/retry  put one dead outbox job back in the queue (session, role and CSRF as for a save)
 * Plain HTML forms; everything works without JavaScript.
 */
import express, { type Request, type Response, Router } from 'express';
import { CSRF_FIELD } from '../../security/csrf';
import type { SettingsPageDeps } from './page-deps';
import { sendOAuthStart } from '../oauth-start';
import { pageHeaders, sendPage } from './headers';
import { renderMessagePage, type Notice } from './page';
import { JOB_FIELD, RETRY_PATH } from './render-failed-work';
import { retryFailedWork, retryNotice } from './retry-work';
import { saveSection } from './save';
import { SECTION_IDS, sectionById } from './sections';
import { fromSandboxLink } from './sandbox-link';
import { checkSession, endSession, type SessionCheck, type SessionRefusal, signInAction } from './session';
import { SETTINGS_CSS } from './styles';
import { saveTriageAi } from './triage-ai-save';
import { saveMessengerSecret } from './messenger-secret-save';
import { MESSENGER_SECRET_PATH } from './render-messenger-secret';
import { settingsView } from './view';

const form = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 });

export function settingsRoutes(page: SettingsPageDeps): Router {
  const router = Router();
  router.get('/settings/assets/settings.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(SETTINGS_CSS);
  });
  router.use('/settings', pageHeaders);
  // Sidebar links that open a session exist only in the sandbox (see settingsUrlFor); elsewhere a token is ignored.
  router.get('/settings', (req, res) =>
    page.install.sandbox && req.query['token'] !== undefined ? fromSandboxLink(page, req, res) : show(page, req, res),
  );
  router.get('/settings/login', (_req, res) => {
    if (!sendOAuthStart(page.install, res, 'settings')) {
      const text =
        'Handoff settings are opened by signing in with Intercom, which needs the app’s client id: set INTERCOM_CLIENT_ID (Developer Hub > Basic Info) and restart Handoff.';
      sendPage(res, 404, renderMessagePage('Sign-in is not available', text));
    }
  });
  router.get('/settings/logout', (_req, res) => {
    res.setHeader('Allow', 'POST');
    sendPage(
      res,
      405,
      renderMessagePage('Use the Sign out button', 'Sign out with the button at the top of the settings page.', {
        href: '/settings',
        label: 'Back to settings',
      }),
    );
  });
  router.post('/settings/logout', form, (req, res) => logout(page, req, res));
  // The AI provider's form is not a versioned section (its key is sealed apart): matched before `:section`.
  router.post('/settings/triage-ai', form, (req, res) => saveTriageAi(page, req, res, (reason) => refuse(page, res, reason)));
  router.post(MESSENGER_SECRET_PATH, form, (req, res) => saveMessengerSecret(page, req, res, (reason) => refuse(page, res, reason)));
  router.post(RETRY_PATH, form, (req, res) => retry(page, req, res));
  router.post('/settings/:section', form, (req, res) => save(page, req, res));
  return router;
}

async function logout(page: SettingsPageDeps, req: Request, res: Response): Promise<void> {
  const signedOut = () =>
    sendPage(res, 200, renderMessagePage('Signed out', 'You are signed out of Handoff settings.', signInAction(page)));
  const check = await checkSession(page, req);
  // No live session, nothing to protect: a cookie that is there but dead is cleared; an absent one is left alone,
  // since a cross-site POST arrives without the (SameSite=Lax) cookie and must not clear it.
  if (!check.ok) {
    // A report viewer's live session is not this form's to end (and a cross-site POST must not end it).
    if (check.reason === 'reports-only') return refuse(page, res, check.reason);
    if (check.reason !== 'none') endSession(page, res);
    return signedOut();
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (!page.install.tokens.csrf.verify(check.session.s, body[CSRF_FIELD])) {
    page.logger.warn({ workspaceId: check.workspace.id, adminId: check.session.a }, 'sign-out refused: CSRF token missing or wrong');
    sendPage(
      res,
      403,
      renderMessagePage('You are still signed in', 'This sign-out did not come from your settings page.', {
        href: '/settings',
        label: 'Back to settings',
      }),
    );
    return;
  }
  endSession(page, res);
  signedOut();
}

async function show(page: SettingsPageDeps, req: Request, res: Response): Promise<void> {
  const check = await checkSession(page, req);
  if (!check.ok) return refuse(page, res, check.reason);
  const saved = sectionById(String(req.query['saved'] ?? ''));
  const unchanged = sectionById(String(req.query['unchanged'] ?? ''));
  const savedAi = req.query['saved'] === 'triage-ai';
  const savedSecret = req.query['saved'] === 'messenger-secret';
  const notice: Notice | null = savedAi
    ? { kind: 'success', title: 'Saved: AI triage', text: 'The change applies to the next message a conversation receives.' }
    : savedSecret
      ? { kind: 'success', title: 'Saved: Messenger identity verification', text: 'The embed checks the next request with it.' }
      : saved
        ? {
            kind: 'success',
            title: `Saved: ${saved.title}`,
            text: 'The change applies from now on: to new escalations, and to the SLA ladder of tickets already running.',
          }
        : unchanged
          ? { kind: 'warning', title: `No changes to save in ${unchanged.title}` }
          : retryNotice(req.query['retry']);
  sendPage(res, 200, await settingsView(page, check.workspace, check.session, { notice }));
}

/** The CSRF token is checked before anything in the form is looked at; false = refused (the page is sent). */
function csrfAccepted(page: SettingsPageDeps, res: Response, check: Extract<SessionCheck, { ok: true }>, body: Record<string, unknown>) {
  if (page.install.tokens.csrf.verify(check.session.s, body[CSRF_FIELD])) return true;
  page.logger.warn({ workspaceId: check.workspace.id, adminId: check.session.a }, 'settings form rejected: CSRF token missing or wrong');
  sendPage(
    res,
    403,
    renderMessagePage(
      'This form could not be accepted',
      'It did not come from your current settings page (or the page is too old). Nothing was saved. Reload the settings page and try again.',
      { href: '/settings', label: 'Reload settings' },
    ),
  );
  return false;
}

async function retry(page: SettingsPageDeps, req: Request, res: Response): Promise<void> {
  const check = await checkSession(page, req, { confirmRole: true });
  if (!check.ok) return refuse(page, res, check.reason);
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (!csrfAccepted(page, res, check, body)) return;
  const answer = await retryFailedWork(page, check.workspace, check.session, body[JOB_FIELD]);
  if (answer.status === 303) return res.redirect(303, answer.location);
  const text = 'The form named no failed work of this workspace. Nothing was retried.';
  sendPage(res, 400, renderMessagePage('Nothing to retry', text, { href: '/settings', label: 'Back to settings' }));
}

async function save(page: SettingsPageDeps, req: Request, res: Response): Promise<void> {
  const check = await checkSession(page, req, { confirmRole: true });
  if (!check.ok) return refuse(page, res, check.reason);
  const body = (req.body ?? {}) as Record<string, string | string[] | undefined>;
  if (!csrfAccepted(page, res, check, body)) return;
  const section = sectionById(String(req.params['section']));
  if (!section || !(SECTION_IDS as readonly string[]).includes(section.id)) {
    sendPage(
      res,
      404,
      renderMessagePage('Not found', 'There is no such settings section.', { href: '/settings', label: 'Back to settings' }),
    );
    return;
  }
  const answer = await saveSection(page, check.workspace, check.session, section, body);
  if (answer.status === 303) res.redirect(303, answer.location);
  else sendPage(res, answer.status, answer.html);
}

function refuse(page: SettingsPageDeps, res: Response, reason: SessionRefusal): void {
  if (reason === 'reports-only') {
    // Signed in for the reports: their session is theirs to keep (it is the one /reports reads).
    const text = 'You can read reports but not change settings: only the settings admins can. Nothing was changed.';
    sendPage(res, 403, renderMessagePage('Reports only', text, { href: '/reports', label: 'Back to reports' }));
    return;
  }
  if (reason === 'unconfirmed') {
    const text = 'Handoff could not confirm your Intercom role with Intercom just now. Nothing was saved; try again in a minute.';
    sendPage(res, 503, renderMessagePage('Not saved', text, { href: '/settings', label: 'Back to settings' }));
    return;
  }
  const text =
    reason === 'revoked'
      ? 'You can no longer change the settings of this workspace (Handoff was uninstalled, or you were removed from its admins).'
      : reason === 'expired'
        ? 'Your settings session has ended.'
        : 'Open Settings from the Handoff sidebar in the Intercom Inbox, or sign in with your Intercom account.';
  if (reason !== 'none') endSession(page, res);
  sendPage(res, reason === 'revoked' ? 403 : 401, renderMessagePage('Sign in to change Handoff settings', text, signInAction(page)));
}
