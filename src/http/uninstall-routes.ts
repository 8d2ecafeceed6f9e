/**
 * POST /intercom/uninstall: Intercom's uninstall notification, `{"app_id": "…"}`
 * signed with X-Body-Signature like Canvas Kit requests. Raw bytes, then the
 * signature (checked by the front door: 401 and nothing else happens), then the body. The workspace is
 * the one named in the signed body; the answer is the same whether or not it
 * was installed here, so the route tells an outsider nothing.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { InstallServices } from '../services/install';
import { type MachineRoute, replyJson } from './front-door';
import { parseJson } from './raw-body';

const uninstallBodySchema = z.looseObject({ app_id: z.string().trim().min(1).max(128) });

export function uninstallRoute(install: InstallServices): MachineRoute {
  return { path: '/intercom/uninstall', signedWith: 'canvas', onBody: (raw, _req, res) => uninstall(install, raw, res) };
}

async function uninstall(install: InstallServices, raw: Buffer, res: ServerResponse): Promise<void> {
  const json = parseJson(raw);
  const parsed = json.ok ? uninstallBodySchema.safeParse(json.value) : null;
  if (!parsed?.success) {
    replyJson(res, 400, { error: 'bad_request' });
    return;
  }
  await install.uninstall(parsed.data.app_id);
  replyJson(res, 200, { ok: true });
}
