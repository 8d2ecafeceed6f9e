/**
 * The fake's request pipeline, on plain node:http (Express stays in src/http): read the body, log the request,
 * check it against the spec, apply any fault, authenticate, count it against the rate limit, run the handler.
 * Spec violations are recorded even when a fault or an auth failure decides the answer, so a test cannot pass by
 * accident while the app sends off-spec requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../util/clock';
import type { FaultControl } from './faults';
import { errorListBody, FakeHttpError } from './http-errors';
import type { FakeOAuth } from './oauth';
import type { RateLimiter } from './rate-limit';
import type { RouteTable } from './route-types';
import type { SpecCheck, IncomingCall } from './spec-validator';
import type { FakeState } from './state';
import { type Answer, applyFault, loggedBody, loggedHeaders, nextRequestId, type RecordedRequest, readBody, send } from './wire';

export type { RecordedRequest } from './wire';

export interface SpecViolation {
  method: string;
  path: string;
  problems: string[];
}

export interface PipelineDeps {
  state: FakeState;
  clock: Clock;
  check: (call: IncomingCall) => SpecCheck;
  routes: RouteTable;
  faults: FaultControl;
  rateLimiter: RateLimiter;
  oauth: FakeOAuth;
  requests: RecordedRequest[];
  violations: SpecViolation[];
  /** Requests held by a timeout fault; the owner destroys them on close. */
  held: Set<ServerResponse>;
  timeoutHoldMs: number;
}

export function createPipeline(deps: PipelineDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake-intercom.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = req.headers;
    const isOAuth = (method === 'GET' && url.pathname === '/oauth') || (method === 'POST' && url.pathname === '/auth/eagle/token');
    const check = isOAuth ? null : deps.check({ method, path: url.pathname, query: url.searchParams, headers, rawBody });
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: loggedHeaders(headers),
      body: check?.body ?? loggedBody(rawBody, url.pathname),
      workspaceId: null,
      status: null,
      response: undefined,
      fault: null,
      receivedAt: performance.timeOrigin + performance.now(),
    };
    deps.requests.push(entry);
    if (check && check.problems.length > 0) deps.violations.push({ method, path: url.pathname, problems: check.problems });

    const faultTarget = () => ({
      req,
      res,
      entry,
      held: deps.held,
      holdMs: deps.timeoutHoldMs,
      nowSeconds: Math.floor(deps.clock.now() / 1000),
    });
    const applied = deps.faults.take(method, url.pathname);
    if (applied.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, applied.latencyMs));
    if (applied.fault?.phase === 'before') return applyFault(applied.fault.effect, faultTarget());

    let answer: Answer;
    if (isOAuth) {
      answer =
        method === 'GET'
          ? deps.oauth.authorize(url.searchParams)
          : oauthExchange(deps, rawBody, headers['content-type'] ?? '', url.pathname);
    } else {
      answer = answerApiCall(deps, check!, url.searchParams, headers.authorization, entry);
    }
    if (applied.fault?.phase === 'after') return applyFault(applied.fault.effect, faultTarget());
    send(res, entry, answer);
  };
}

function answerApiCall(
  deps: PipelineDeps,
  check: SpecCheck,
  query: URLSearchParams,
  authorization: string | undefined,
  entry: RecordedRequest,
): Answer {
  const requestId = nextRequestId();
  const fail = (
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    headers: Record<string, string> = {},
  ): Answer => ({
    status,
    headers: { 'X-Request-Id': requestId, ...headers },
    body: errorListBody(requestId, code, message, field),
  });
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const workspace = token === undefined ? undefined : deps.state.workspaces.get(deps.state.tokens.get(token) ?? '');
  if (!workspace) return fail(401, 'unauthorized', 'Access Token Invalid');
  entry.workspaceId = workspace.id;
  const limit = deps.rateLimiter.take(workspace.id);
  if (!limit.allowed)
    return fail(
      429,
      'rate_limit_exceeded',
      `Exceeded rate limit of ${limit.headers['X-RateLimit-Limit']} in 10_seconds`,
      null,
      limit.headers,
    );
  if (check.problems.length > 0) {
    const status = check.operationKey === null ? 404 : 400;
    return fail(
      status,
      status === 404 ? 'not_found' : 'parameter_invalid',
      `Request does not match Intercom 2.16: ${check.problems.join('; ')}`,
      null,
      limit.headers,
    );
  }
  const handler = deps.routes[check.operationKey!];
  if (!handler) return fail(501, 'not_implemented', `The fake does not implement ${check.operationKey}`, null, limit.headers);
  try {
    const body = handler({
      state: deps.state,
      workspace,
      params: check.params,
      query,
      body: check.body,
      now: Math.floor(deps.clock.now() / 1000),
    });
    return { status: 200, headers: { 'X-Request-Id': requestId, ...limit.headers }, body };
  } catch (error) {
    if (!(error instanceof FakeHttpError)) throw error;
    return fail(error.status, error.code, error.message, error.field, { ...limit.headers, ...error.headers });
  }
}

function oauthExchange(deps: PipelineDeps, rawBody: string, contentType: string, path: string): Answer {
  const result = deps.oauth.exchange(rawBody, contentType);
  if (result.problems.length > 0) deps.violations.push({ method: 'POST', path, problems: result.problems });
  return result;
}
