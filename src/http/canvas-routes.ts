/**
 * POST /intercom/initialize and /intercom/submit. Order matters: raw bytes →
 * signature (401, nothing else happens) → for initialize, an earlier render of
 * these exact bytes if it still stands (initialize-reuse.ts) → JSON → schema →
 * flow. After the signature passes, every outcome is an HTTP 200 canvas.
 */
import type { Request, Response, Router } from 'express';
import { errorCanvas } from '../../canvases/error';
import type { CanvasHandler, CanvasHandlers, CanvasResponse, CanvasReuse } from '../flows/types';
import type { Logger } from '../util/logger';
import { intercomCallsInThisRequest, runWithRequestContext } from '../util/request-context';
import { parseCanvasRequest } from './canvas-request';
import { AppError, describeError } from './errors';
import { type InitializeReuse, reuseKey } from './initialize-reuse';
import { parseJson, readSignedBody } from './raw-body';
import { verifySignature } from './signature';

export interface CanvasRouteDeps {
  clientSecrets: readonly string[];
  logger: Logger;
  handlers: CanvasHandlers;
  /** Repeated initialize requests answered from an earlier render (see initialize-reuse.ts); none when absent. */
  reuse?: InitializeReuse;
  /** Called for each initialize answered from `reuse` (it made no Intercom call): the view counters. */
  onReused?: () => void;
}

/**
 * Registers the two routes on `target`: the app itself in production (a nested router would cost the hottest
 * path a layer of its own), or a Router.
 */
export function mountCanvasRoutes(target: Pick<Router, 'post'>, deps: CanvasRouteDeps): void {
  // The body is read inside the route (no middleware layer); anything `handle` lets escape goes to Express's error handler.
  target.post('/intercom/initialize', (req, res, next) =>
    readSignedBody(req, res, (raw) => handle(deps, deps.handlers.initialize, 'initialize', raw, req, res, deps.reuse).catch(next), next),
  );
  target.post('/intercom/submit', (req, res, next) =>
    readSignedBody(req, res, (raw) => handle(deps, deps.handlers.submit, 'submit', raw, req, res).catch(next), next),
  );
}

async function handle(
  deps: CanvasRouteDeps,
  handler: CanvasHandler,
  route: string,
  raw: Buffer,
  req: Request,
  res: Response,
  reuse?: InitializeReuse,
): Promise<void> {
  const signature = req.get('x-body-signature');
  if (!verifySignature('canvas', raw, signature, deps.clientSecrets)) {
    deps.logger.warn({ route, reason: signature ? 'bad_signature' : 'missing_signature' }, 'rejected unsigned canvas request');
    res.status(401).json({ error: 'invalid_signature' });
    return;
  }
  // Verified, so the signature stands for these exact bytes: the same request answered before may be answered again.
  const key = reuse && signature ? reuseKey(signature) : null;
  const reused = key ? reuse?.lookup(key) : null;
  if (reused) {
    deps.onReused?.();
    sendCanvas(res, reused);
    return;
  }
  await runWithRequestContext(async () => {
    let log = deps.logger.child({ route });
    let canvas: CanvasResponse;
    let offered: CanvasReuse | null = null;
    try {
      const json = parseJson(raw);
      if (!json.ok) throw new AppError('bad_request', 'The request from Intercom was not valid JSON. Try again.');
      const parsed = parseCanvasRequest(json.value);
      if (!parsed.ok) throw new AppError('bad_request', `The request from Intercom was incomplete (${parsed.problem}). Try again.`);
      const { request } = parsed;
      log = log.child({ workspaceId: request.workspaceId, conversationId: request.conversationId, adminId: request.admin.id });
      canvas = await handler(request, { logger: log, ...(key ? { offerReuse: (offer: CanvasReuse) => (offered = offer) } : {}) });
    } catch (error) {
      logFailure(log, error);
      offered = null;
      canvas = errorCanvas(describeError(error));
    }
    log.debug({ intercomCalls: intercomCallsInThisRequest() }, 'canvas answered');
    const body = Buffer.from(JSON.stringify(canvas));
    if (key && offered) reuse?.keep(key, offered, body);
    sendCanvas(res, body);
  });
}

/** Straight to Node: the bytes are final, and Express's `send` (type sniffing, freshness) has nothing to add. */
function sendCanvas(res: Response, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
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
