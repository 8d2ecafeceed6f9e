/**
 * POST /intercom/uninstall: Intercom's uninstall notification, `{"app_id": "…"}`
 * signed with X-Body-Signature like Canvas Kit requests. Raw bytes, then the
 * signature (401 and nothing else happens), then the body. The workspace is
 * the one named in the signed body; the answer is the same whether or not it
 * was installed here, so the route tells an outsider nothing.
 */
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { InstallServices } from '../services/install';
import { bodyBytes, parseJson, rawBody } from './raw-body';
import { verifySignature } from './signature';

const uninstallBodySchema = z.looseObject({ app_id: z.string().trim().min(1).max(128) });

export function uninstallRoutes(install: InstallServices, clientSecrets: readonly string[]): Router {
  const router = Router();
  router.post('/intercom/uninstall', rawBody, (req, res) => uninstall(install, clientSecrets, req, res));
  return router;
}

async function uninstall(install: InstallServices, clientSecrets: readonly string[], req: Request, res: Response): Promise<void> {
  const raw = bodyBytes(req.body);
  if (!verifySignature('canvas', raw, req.get('x-body-signature'), clientSecrets)) {
    install.logger.warn(
      { route: 'uninstall', reason: req.get('x-body-signature') ? 'bad_signature' : 'missing_signature' },
      'rejected unsigned uninstall',
    );
    res.status(401).json({ error: 'invalid_signature' });
    return;
  }
  const json = parseJson(raw);
  const parsed = json.ok ? uninstallBodySchema.safeParse(json.value) : null;
  if (!parsed?.success) {
    res.status(400).json({ error: 'bad_request' });
    return;
  }
  await install.uninstall(parsed.data.app_id);
  res.status(200).json({ ok: true });
}
