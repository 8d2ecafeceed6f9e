/**
 * The server's request listener. Intercom's machine routes — sidebar initialize and submit, webhooks, uninstall —
 * are answered here with plain Node request handling; every other request (settings pages, install, sandbox,
 * health, metrics, 404s) goes on to the Express app.
 *
 * Why not Express for those four: they are the hottest paths (a sidebar view, a webhook), each is one POST of
 * signed bytes from one sender, and none uses anything Express adds.
 *
 * Every machine route declares how its bodies are signed, and the signature is checked here, on the raw bytes,
 * before the route runs: a forged or missing one is answered 401 and nothing else happens, on every route alike. On the benchmark's host Express's own
 * per-request work (prototype swaps, router walk) costs as much as the whole of a repeated sidebar view.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { isStoreUnavailable } from '../store';
import type { Logger } from '../util/logger';
import { readSignedBody } from './raw-body';
import type { RequestMetrics } from './request-metrics';
import { SIGNATURE_HEADER, type SignatureScheme, verifySignature } from './signature';

/**
 * A POST route taking one signed body: `onBody` runs with the whole body, read within the size limit, and only
 * once its signature (`signature`, the verified header value) has passed under the route's scheme.
 */
export interface MachineRoute {
  path: string;
  /** Canvas Kit, install and uninstall callbacks sign with `canvas`; REST webhooks with `webhook`. */
  signedWith: SignatureScheme;
  onBody(raw: Buffer, req: IncomingMessage, res: ServerResponse, signature: string): Promise<void>;
}

/** What servers and supertest take: a request listener, with Express's `listen` shape for callers that start one. */
export interface HttpApp extends RequestListener {
  listen(port: number, host: string, onListening?: () => void): Server;
}

export function frontDoor(
  routes: readonly MachineRoute[],
  rest: RequestListener,
  logger: Logger,
  /** Current client secret first, then any still accepted during a rotation. */
  clientSecrets: readonly string[],
  /** Latency by route for /metrics (src/http/request-metrics.ts). */
  metrics?: RequestMetrics,
): HttpApp {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  const log = logger.child({ component: 'front-door' });
  const listener: RequestListener = (req, res) => {
    const route = req.method === 'POST' ? routeFor(byPath, pathOf(req.url)) : undefined;
    metrics?.time(req, res, route ? route.path : null);
    if (!route) {
      rest(req, res);
      return;
    }
    readSignedBody(
      req,
      res,
      (raw) => {
        const signature = req.headers[SIGNATURE_HEADER[route.signedWith]];
        if (typeof signature !== 'string' || !verifySignature(route.signedWith, raw, signature, clientSecrets)) {
          log.warn({ path: route.path, reason: signature ? 'bad_signature' : 'missing_signature' }, 'rejected unsigned request');
          replyJson(res, 401, { error: 'invalid_signature' });
          return;
        }
        route.onBody(raw, req, res, signature).catch((error: unknown) => {
          const err = error instanceof Error ? error.message : String(error);
          if (isStoreUnavailable(error)) {
            // Nothing was acknowledged: the sender (Intercom) delivers it again once we answer 503.
            log.warn({ path: route.path, err }, 'machine route met an unavailable database');
            replyError(res, 503);
            return;
          }
          log.error({ path: route.path, err }, 'machine route failed');
          replyError(res, 500);
        });
      },
      (status) => replyError(res, status),
    );
  };
  return Object.assign(listener, {
    listen: (port: number, host: string, onListening?: () => void) => createServer(listener).listen(port, host, onListening),
  });
}

/** As Express matches by default: exactly, else ignoring case and one trailing slash (only misses pay for that). */
function routeFor(byPath: ReadonlyMap<string, MachineRoute>, path: string): MachineRoute | undefined {
  return byPath.get(path) ?? byPath.get(path.toLowerCase().replace(/(.)\/$/, '$1'));
}

/** The path without its query string, as Express would route it. */
function pathOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** A JSON answer written straight to Node, with its length. */
export function replyJson(res: ServerResponse, status: number, body: Buffer | object): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length });
  res.end(bytes);
}

/** The body of an error answer, here and in Express's last-resort handler (app.ts): a code, never a stack or a secret. */
export function errorBody(status: number): { error: string } {
  if (status === 503) return { error: 'unavailable' };
  return { error: status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal_error' };
}

/** A 503 asks the sender to come back; a few seconds is how long a database restart or failover usually takes. */
const RETRY_AFTER_SECONDS = '5';

export function replyError(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (status === 503) res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
  replyJson(res, status, errorBody(status));
}
