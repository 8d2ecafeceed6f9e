/**
 * Starts an OAuth round trip (install or settings sign-in): remembers the
 * state's nonce in a short-lived cookie, then redirects to Intercom's
 * authorize page. The callback accepts the state only back in this browser.
 */
import type { Response } from 'express';
import type { InstallServices } from '../services/install';
import { OAUTH_STATE_TTL_MS, type OAuthIntent } from '../services/install/tokens';
import { OAUTH_NONCE_COOKIE, setCookie } from './settings/cookies';

/** False when OAuth is not configured (no client id): the caller explains instead. */
export function sendOAuthStart(install: InstallServices, res: Response, intent: OAuthIntent): boolean {
  const start = install.oauthStart(intent);
  if (!start) return false;
  setCookie(res, OAUTH_NONCE_COOKIE, start.nonce, { path: '/oauth', maxAgeMs: OAUTH_STATE_TTL_MS, secure: install.secureCookies });
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(302, start.url);
  return true;
}
