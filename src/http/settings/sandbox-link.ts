/**
 * GET /settings?token=…, the sandbox's Settings link (see settingsUrlFor): the signed, one-use token becomes a
 * session cookie and the browser goes on to /settings, so the token leaves the address. Only the sandbox mints
 * such links, since its client secret is public anyway; elsewhere the sidebar leads to Intercom OAuth sign-in,
 * because a captured initialize replayed would mint a fresh working link each time.
 */
import type { Request, Response } from 'express';
import type { SettingsPageDeps } from './page-deps';
import { SETTINGS_LINK_TTL_MS } from '../../services/install/tokens';
import { sendPage } from './headers';
import { renderMessagePage } from './page';
import { checkSession, signInAction, startSession } from './session';

const LINK_TROUBLE = {
  expired: 'This settings link has expired',
  invalid: 'This settings link is not valid',
  used: 'This settings link was already used',
} as const;

/**
 * A sidebar link opens one session. Opened again in the browser that already holds that session, it just goes to
 * the page; anywhere else (another browser, someone who copied the URL) it is refused.
 */
export async function fromSandboxLink(page: SettingsPageDeps, req: Request, res: Response, home = '/settings'): Promise<void> {
  const now = page.clock.now();
  const verified = page.install.tokens.link.verify(req.query['token'], now);
  if (!verified.ok) return refuseLink(page, res, verified.reason === 'expired' ? 'expired' : 'invalid');
  const { w, a, b, n } = verified.payload;
  const current = await checkSession(page, req);
  if (current.ok && current.session.w === w && current.session.a === a) {
    res.redirect(303, home);
    return;
  }
  const workspace = await page.store.workspaces.get(w);
  if (!workspace) return refuseLink(page, res, 'invalid');
  const first = await page.store.linkUses.claim(w, { nonce: n, adminId: a, now, expiresAt: now + SETTINGS_LINK_TTL_MS });
  if (!first) {
    page.logger.warn({ workspaceId: w, adminId: a }, 'settings link opened a second time; refused');
    return refuseLink(page, res, 'used');
  }
  startSession(page, res, { w, a, b, v: 'link' });
  res.redirect(303, home);
}

function refuseLink(page: SettingsPageDeps, res: Response, trouble: keyof typeof LINK_TROUBLE): void {
  sendPage(
    res,
    401,
    renderMessagePage(
      LINK_TROUBLE[trouble],
      'In the Intercom Inbox, press Refresh in the Handoff sidebar, then Settings again. Or sign in with your Intercom account.',
      signInAction(page),
    ),
  );
}
