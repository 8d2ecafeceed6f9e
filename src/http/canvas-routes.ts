/**
 * POST /intercom/initialize and /intercom/submit. Order matters: raw bytes →
 * signature (checked by the front door: 401, nothing else happens) → for initialize, an earlier render of
 * these exact bytes if it still stands (initialize-reuse.ts) → JSON → schema →
 * flow. After the signature passes, every outcome is an HTTP 200 canvas.
 */
import type { ServerResponse } from 'node:http';
import { errorCanvas } from '../../canvases/error';
import { canvasJson } from '../../canvases/kit';
import type { CanvasHandler, CanvasHandlers, CanvasResponse, CanvasReuse } from '../flows/types';
import type { Logger } from '../util/logger';
import { intercomCallsInThisRequest, runWithRequestContext } from '../util/request-context';
import { parseCanvasRequest } from './canvas-request';
import { AppError } from '../util/app-error';
import { describeError, errorCode } from './errors';
import type { AfterReply } from './after-reply';
import { type InitializeReuse, reuseKey } from './initialize-reuse';
import { type MachineRoute, replyJson } from './front-door';
import { parseJson } from './raw-body';

export interface CanvasRouteDeps {
  logger: Logger;
  handlers: CanvasHandlers;
  /** Repeated initialize requests answered from an earlier render (see initialize-reuse.ts); none when absent. */
  reuse?: InitializeReuse;
  /** Called for each initialize answered from `reuse` (it made no Intercom call): the view counters. */
  onReused?: () => void;
  /** Runs the work a submit handler asks to do after its answer (FlowContext.afterReply); none when absent. */
  afterReply?: AfterReply;
}

/** The two routes, for the front door (front-door.ts), which reads the body and answers anything that escapes. */
export function canvasRoutes(deps: CanvasRouteDeps): MachineRoute[] {
  // One logger per route, made once: a request's own (with its ids) is made only once they are known.
  const initializeLog = deps.logger.child({ route: 'initialize' });
  const submitLog = deps.logger.child({ route: 'submit' });
  return [
    {
      path: '/intercom/initialize',
      signedWith: 'canvas',
      onBody: (raw, _req, res, signature) => handle(deps, deps.handlers.initialize, initializeLog, raw, signature, res, deps.reuse),
    },
    {
      path: '/intercom/submit',
      signedWith: 'canvas',
      onBody: (raw, _req, res, signature) => handle(deps, deps.handlers.submit, submitLog, raw, signature, res, undefined, deps.afterReply),
    },
  ];
}

async function handle(
  deps: CanvasRouteDeps,
  handler: CanvasHandler,
  routeLog: Logger,
  raw: Buffer,
  /** Verified by the front door, so it stands for these exact bytes. */
  signature: string,
  res: ServerResponse,
  reuse?: InitializeReuse,
  afterReply?: AfterReply,
): Promise<void> {
  // The same request answered before may be answered again.
  const key = reuse ? reuseKey(signature) : null;
  const reused = key ? reuse?.lookup(key) : null;
  if (reused) {
    deps.onReused?.();
    replyJson(res, 200, reused);
    return;
  }
  await runWithRequestContext(async () => {
    let log = routeLog;
    let canvas: CanvasResponse;
    let offered: CanvasReuse | null = null;
    const later: (() => Promise<void>)[] = [];
    try {
      const json = parseJson(raw);
      if (!json.ok) throw new AppError('bad_request', 'The request from Intercom was not valid JSON. Try again.');
      const parsed = parseCanvasRequest(json.value);
      if (!parsed.ok) throw new AppError('bad_request', `The request from Intercom was incomplete (${parsed.problem}). Try again.`);
      const { request } = parsed;
      log = log.child({ workspaceId: request.workspaceId, conversationId: request.conversationId, adminId: request.admin.id });
      canvas = await handler(request, {
        logger: log,
        ...(key ? { offerReuse: (offer: CanvasReuse) => (offered = offer) } : {}),
        ...(afterReply ? { afterReply: (work: () => Promise<void>) => later.push(work) } : {}),
      });
    } catch (error) {
      logFailure(log, error);
      offered = null;
      canvas = errorCanvas(describeError(error));
    }
    if (log.isLevelEnabled('debug')) log.debug({ intercomCalls: intercomCallsInThisRequest() }, 'canvas answered');
    const body = Buffer.from(canvasJson(canvas));
    if (key && offered) reuse?.keep(key, offered, body);
    replyJson(res, 200, body);
    if (later.length > 0)
      afterReply?.run(async () => {
        for (const work of later) await work();
      });
  });
}

function logFailure(log: Logger, error: unknown): void {
  const code = errorCode(error);
  if (code === 'store_unavailable') {
    // Expected while the database restarts or another process holds its lock: no stack, one line.
    log.warn({ code, cause: describeCause(error) }, 'database unavailable');
  } else if (error instanceof AppError && code !== 'internal') {
    log.warn({ code, cause: describeCause(error.cause) }, error.message);
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
