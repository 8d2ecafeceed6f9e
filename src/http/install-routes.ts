/**
 * GET /install: the public app's "Direct installation URL" (Intercom's App
 * Store starts installs here). Redirects to Intercom's OAuth page with the
 * client id and a signed, expiring state; the install finishes in
 * /oauth/callback. A private app (no client id) explains how it is installed.
 */
import { Router } from 'express';
import type { InstallServices } from '../services/install';
import { sendOAuthStart } from './oauth-start';
import { pageHeaders, sendPage } from './settings/headers';
import { renderMessagePage } from './settings/page';

export function installRoutes(install: InstallServices): Router {
  const router = Router();
  router.get('/install', pageHeaders, (_req, res) => {
    if (sendOAuthStart(install, res, 'install')) return;
    sendPage(
      res,
      404,
      renderMessagePage(
        'This Handoff runs as a private app',
        'It serves one workspace with the access token it was started with; install it from the Intercom Developer Hub (Test & Publish > Install app).',
      ),
    );
  });
  return router;
}
