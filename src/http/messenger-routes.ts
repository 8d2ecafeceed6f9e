/**
 * POST /intercom/messenger/initialize and /intercom/messenger/submit: the Messenger capability's own URLs for the
 * "Your requests" card. Signed like every Canvas Kit request (the front door checks `X-Body-Signature` on the raw
 * bytes before anything runs: 401 otherwise); after that every outcome is a 200 canvas for the customer, and a
 * failure says only that the requests cannot be shown (no teammate wording, no detail of what went wrong).
 */
import type { ServerResponse } from 'node:http';
import { messengerRequestsCanvas } from '../../canvases/messenger-requests';
import type { CanvasResponse } from '../../canvases/kit/types';
import { languageOf, type MessengerDeps, messengerInitialize, messengerSubmit } from '../flows/messenger/requests';
import type { MessengerRequest } from '../flows/messenger/types';
import type { Logger } from '../util/logger';
import { errorCode } from './errors';
import { type MachineRoute, replyJson } from './front-door';
import { parseMessengerRequest } from './messenger-request';
import { parseJson } from './raw-body';

export function messengerRoutes(deps: MessengerDeps, logger: Logger): MachineRoute[] {
  const log = logger.child({ surface: 'messenger' });
  return [
    {
      path: '/intercom/messenger/initialize',
      signedWith: 'canvas',
      onBody: (raw, _req, res) => answer(log, raw, res, (request) => messengerInitialize(deps, request)),
    },
    {
      path: '/intercom/messenger/submit',
      signedWith: 'canvas',
      onBody: (raw, _req, res) => answer(log, raw, res, (request) => messengerSubmit(deps, request)),
    },
  ];
}

async function answer(log: Logger, raw: Buffer, res: ServerResponse, handler: (request: MessengerRequest) => Promise<CanvasResponse>) {
  const json = parseJson(raw);
  const parsed = json.ok ? parseMessengerRequest(json.value) : null;
  if (!parsed?.ok) {
    log.warn({ problem: parsed ? parsed.problem : 'json' }, 'messenger request unreadable');
    replyJson(res, 200, messengerRequestsCanvas({ kind: 'unavailable', language: 'en' }));
    return;
  }
  const { request } = parsed;
  try {
    replyJson(res, 200, await handler(request));
  } catch (error) {
    // Ids only: never the customer's text or the contact's details.
    log.warn({ workspaceId: request.workspaceId, code: errorCode(error) }, 'messenger request failed');
    replyJson(res, 200, messengerRequestsCanvas({ kind: 'unavailable', language: languageOf(request.locale) ?? 'en' }));
  }
}
