/**
 * POST /intercom/initialize and /intercom/submit. Order matters: raw bytes →
 * signature (401, nothing else happens) → JSON → schema → flow. After the
 * signature passes, every outcome is an HTTP 200 canvas.
 */
import { Router, type Request, type Response } from 'express';
import { errorCanvas } from '../../canvases/error';
import type { CanvasHandler, CanvasHandlers, CanvasResponse } from '../flows/types';
import type { Logger } from '../util/logger';
import { intercomCallsInThisRequest, runWithRequestContext } from '../util/request-context';
import { parseCanvasRequest } from './canvas-request';
import { AppError, describeError } from './errors';
import { bodyBytes, parseJson, rawBody } from './raw-body';
import { verifySignature } from './signature';

export interface CanvasRouteDeps {
  clientSecrets: readonly string[];
  logger: Logger;
  handlers: CanvasHandlers;
}

export function canvasRoutes(deps: CanvasRouteDeps): Router {
  const router = Router();
  router.post('/intercom/initialize', rawBody, (req, res) => handle(deps, deps.handlers.initialize, 'initialize', req, res));
  router.post('/intercom/submit', rawBody, (req, res) => handle(deps, deps.handlers.submit, 'submit', req, res));
  return router;
}

async function handle(deps: CanvasRouteDeps, handler: CanvasHandler, route: string, req: Request, res: Response): Promise<void> {
  const raw = bodyBytes(req.body);
  if (!verifySignature('canvas', raw, req.get('x-body-signature'), deps.clientSecrets)) {
    deps.logger.warn(
      { route, reason: req.get('x-body-signature') ? 'bad_signature' : 'missing_signature' },
      'rejected unsigned canvas request',
    );
    res.status(401).json({ error: 'invalid_signature' });
    return;
  }
  await runWithRequestContext(async () => {
    let log = deps.logger.child({ route });
    let canvas: CanvasResponse;
    try {
      const json = parseJson(raw);
      if (!json.ok) throw new AppError('bad_request', 'The request from Intercom was not valid JSON. Try again.');
      const parsed = parseCanvasRequest(json.value);
      if (!parsed.ok) throw new AppError('bad_request', `The request from Intercom was incomplete (${parsed.problem}). Try again.`);
      const { request } = parsed;
      log = log.child({ workspaceId: request.workspaceId, conversationId: request.conversationId, adminId: request.admin.id });
      canvas = await handler(request, { logger: log });
    } catch (error) {
      logFailure(log, error);
      canvas = errorCanvas(describeError(error));
    }
    log.debug({ intercomCalls: intercomCallsInThisRequest() }, 'canvas answered');
    res.status(200).type('application/json').send(JSON.stringify(canvas));
  });
}

function logFailure(log: Logger, error: unknown): void {
  if (error instanceof AppError && error.code !== 'internal') {
    log.warn({ code: error.code, cause: describeCause(error.cause) }, error.message);
  } else {
    log.error(
      { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
      'canvas handler failed',
    );
  }
}

function describeCause(cause: unknown): unknown {
  if (!cause || typeof cause !== 'object') return cause;
  const { name, message, code, status } = cause as Record<string, unknown>;
  return { name, message, code, status };
}
