/**
 * The fake's wire-level pieces: reading bodies, writing answers, the request log's redaction, and faults that
 * answer with an error, hold the request or drop the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppliedFaults } from './faults';
import { errorListBody } from './http-errors';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased, without `authorization`. */
  headers: Record<string, string>;
  /** Parsed JSON (or form fields, secrets redacted), else the raw text; undefined without a body. */
  body: unknown;
  workspaceId: string | null;
  /** Status answered; null when the fault held or dropped the request. */
  status: number | null;
  /** The body answered (JSON value, or the HTML of the OAuth page); undefined when none was sent. */
  response: unknown;
  fault: string | null;
  /** Wall-clock epoch ms (sub-ms precision) when the request arrived and when its answer was written: the benchmark
   * reads them to see which calls ran concurrently. Real time on purpose, whatever the fake's clock says. */
  receivedAt?: number;
  answeredAt?: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

type InjectedFault = NonNullable<AppliedFaults['fault']>['effect'];

const MAX_BODY_BYTES = 2 * 1024 * 1024;
let requestCounter = 0;

export function nextRequestId(): string {
  requestCounter += 1;
  return `req_fake_${requestCounter}`;
}

export interface FaultTarget {
  req: IncomingMessage;
  res: ServerResponse;
  entry: RecordedRequest;
  /** Requests held by a timeout fault; the fake destroys what is left on close. */
  held: Set<ServerResponse>;
  holdMs: number;
  nowSeconds: number;
}

/** Answers (or pointedly does not answer) a request the way the fault says. */
export function applyFault(effect: InjectedFault, { req, res, entry, held, holdMs, nowSeconds }: FaultTarget): void {
  entry.fault = effect.type === 'status' ? `status ${effect.status}` : effect.type;
  if (effect.type === 'drop') {
    req.socket.destroy();
    return;
  }
  if (effect.type === 'timeout') {
    held.add(res);
    const timer = setTimeout(() => res.socket?.destroy(), holdMs);
    res.on('close', () => {
      clearTimeout(timer);
      held.delete(res);
    });
    return;
  }
  const requestId = nextRequestId();
  if (effect.type === 'rate_limit') {
    const reset = nowSeconds + effect.resetInSeconds;
    send(res, entry, {
      status: 429,
      headers: { 'X-RateLimit-Limit': '1666', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset), 'X-Request-Id': requestId },
      body: errorListBody(requestId, 'rate_limit_exceeded', 'Exceeded rate limit of 1666 in 10_seconds'),
    });
    return;
  }
  const code = effect.code ?? (effect.status === 503 ? 'service_unavailable' : 'server_error');
  send(res, entry, {
    status: effect.status,
    headers: { 'X-Request-Id': requestId },
    body: errorListBody(requestId, code, effect.message ?? 'Injected fault'),
  });
}

export function send(res: ServerResponse, entry: RecordedRequest, answer: Answer): void {
  entry.status = answer.status;
  entry.response = answer.body;
  entry.answeredAt = performance.timeOrigin + performance.now();
  const isText = typeof answer.body === 'string';
  const payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    ...answer.headers,
  });
  res.end(payload);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function loggedHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Non-JSON bodies (the OAuth form) are logged as fields, with the client secret and code redacted. */
export function loggedBody(rawBody: string, path: string): unknown {
  if (rawBody === '') return undefined;
  if (path !== '/auth/eagle/token') return rawBody;
  const fields = Object.fromEntries(new URLSearchParams(rawBody));
  for (const secret of ['client_secret', 'code']) if (secret in fields) fields[secret] = '[redacted]';
  return fields;
}
