/**
 * GET /oauth/callback: Intercom sends the admin back here with `code` and
 * `state`. An install ends on Intercom's App Store redirect with
 * `install_success=true`, or `false` and a message; a settings sign-in ends on
 * the settings page with a session, or on a page that says why not.
 */
import { type Request, type Response, Router } from 'express';
import type { SettingsPageDeps } from './settings/page-deps';
import { clearCookie, OAUTH_NONCE_COOKIE, readCookie } from './settings/cookies';
import { pageHeaders, sendPage } from './settings/headers';
import { renderMessagePage } from './settings/page';
import { startSession } from './settings/session';

export function oauthCallbackRoutes(page: SettingsPageDeps): Router {
  const router = Router();
  router.get('/oauth/callback', pageHeaders, (req, res) => callback(page, req, res));
  return router;
}

async function callback(page: SettingsPageDeps, req: Request, res: Response): Promise<void> {
  const nonce = readCookie(req, OAUTH_NONCE_COOKIE);
  // One use per round trip: the nonce goes whatever the outcome.
  clearCookie(res, OAUTH_NONCE_COOKIE, { path: '/oauth', secure: page.install.secureCookies });
  const outcome = await page.install.oauthFinish({ code: req.query['code'], state: req.query['state'], nonce, error: req.query['error'] });
  if (outcome.intent === 'install') {
    const target = new URL(page.install.appStoreRedirectUrl);
    target.searchParams.set('install_success', String(outcome.ok));
    if (!outcome.ok) target.searchParams.set('error_message', outcome.message);
    res.redirect(302, target.toString());
    return;
  }
  // A reports sign-in (src/http/reports/) shares the session and ends on the reports page.
  const home = outcome.intent === 'reports' ? '/reports' : '/settings';
  if (outcome.ok) {
    startSession(page, res, { w: outcome.workspaceId, a: outcome.adminId, b: outcome.basis, v: 'oauth' });
    res.redirect(303, home);
    return;
  }
  const status = outcome.reason === 'not_admin' || outcome.reason === 'not_viewer' || outcome.reason === 'email_unverified' ? 403 : 400;
  const title = outcome.intent === 'reports' ? 'Could not sign in to Handoff reports' : 'Could not sign in to Handoff settings';
  sendPage(res, status, renderMessagePage(title, outcome.message, { href: `${home}/login`, label: 'Try again' }));
}
