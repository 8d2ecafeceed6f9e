/**
 * createApp(deps) builds the app's request listener; it never listens (src/server.ts
 * does). Intercom's machine routes go through the front door (front-door.ts), the
 * rest through Express. Routes for webhooks, install, settings and the sandbox are
 * built by their own modules and handed in, so this file stays a table of contents.
 */
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { CanvasHandlers } from '../flows/types';
import type { Logger } from '../util/logger';
import type { AfterReply } from './after-reply';
import { canvasRoutes } from './canvas-routes';
import { errorBody, frontDoor, type HttpApp, type MachineRoute } from './front-door';
import type { InitializeReuse } from './initialize-reuse';
import type { MetricsEndpoint } from './metrics';
import type { RequestMetrics } from './request-metrics';

export interface HealthReport {
  ok: boolean;
  checks: Record<string, string>;
}

export interface AppDeps {
  logger: Logger;
  /** Current client secret first, then any still accepted during a rotation. */
  clientSecrets: readonly string[];
  canvas: CanvasHandlers;
  /** Repeated sidebar initializes answered from an earlier render; `onReused` counts them as views. */
  initializeReuse?: { reuse: InitializeReuse; onReused: () => void };
  /** Work submit handlers do after answering (see after-reply.ts). */
  afterReply?: AfterReply;
  /** Liveness for /healthz: constant cost (a `select 1`, never a count), since anyone may call it. */
  health: () => Promise<HealthReport>;
  /** /metrics (see metrics.ts): maintained counters only, since anyone may call it. */
  metrics?: MetricsEndpoint;
  /** Request latencies by route, served on /metrics (see request-metrics.ts). */
  requestMetrics?: RequestMetrics;
  routers?: readonly Router[];
  /** Routes only Intercom calls (webhooks, uninstall), besides the canvas routes: signed JSON in, JSON out. */
  machineRoutes?: readonly MachineRoute[];
}

export function createApp(deps: AppDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', true);
  // Browser security headers: they matter for the HTML pages (settings, sandbox) and do no harm on the rest.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'frame-ancestors': ["'self'"] } } }));

  app.get('/healthz', async (_req, res) => {
    const report = await deps.health().catch(() => ({ ok: false, checks: { app: 'health check failed' } }));
    res.status(report.ok ? 200 : 503).json(report);
  });

  app.get('/metrics', async (req, res) => {
    if (!deps.metrics) return void res.status(404).json(errorBody(404));
    const answer = await deps.metrics.scrape(req.get('accept'));
    res.type(answer.contentType).send(answer.body);
  });

  for (const router of deps.routers ?? []) app.use(router);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  // Last resort for errors outside the canvas routes (those map their own): a 4xx/5xx, never a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'unhandled route error');
    res.status(status).json(errorBody(status));
  });
  // Intercom's machine-to-machine routes are answered before Express: JSON to a server, on the two hottest paths.
  const machine = [
    ...canvasRoutes({
      logger: deps.logger,
      handlers: deps.canvas,
      ...deps.initializeReuse,
      ...(deps.afterReply ? { afterReply: deps.afterReply } : {}),
    }),
    ...(deps.machineRoutes ?? []),
  ];
  return frontDoor(machine, app, deps.logger, deps.clientSecrets, deps.requestMetrics);
}
