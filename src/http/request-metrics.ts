/**
 * Request latencies by route for /metrics, kept all along in a prom-client histogram (src/http/metrics.ts merges it
 * into the Prometheus text). The route label is a declared path, never the URL a client sent: Intercom's machine
 * routes by their path, Express's by the pattern that matched, anything else `other`, so a scan of random URLs
 * cannot grow the label set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, Registry } from 'prom-client';

export interface RequestMetrics {
  readonly registry: Registry;
  /** Starts timing `req`; observed once the answer is written, under the route known by then. */
  time(req: IncomingMessage, res: ServerResponse, machineRoute: string | null): void;
}

/** From a repeated sidebar view (well under a millisecond) to an escalation waiting on Intercom (seconds). */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createRequestMetrics(): RequestMetrics {
  const registry = new Registry();
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being written, by route, method and status class.',
    labelNames: ['route', 'method', 'status'],
    buckets: BUCKETS,
    registers: [registry],
  });
  // prom-client finds a series by hashing its label object on every observe; the series are few (declared routes ×
  // methods × status classes), so each one's child is looked up once and kept under a plain string key.
  const series = new Map<string, Histogram.Internal<'route' | 'method' | 'status'>>();
  const seriesFor = (route: string, method: string, status: string) => {
    const key = `${route} ${method} ${status}`;
    let child = series.get(key);
    if (!child) {
      child = histogram.labels({ route, method, status });
      series.set(key, child);
    }
    return child;
  };
  return {
    registry,
    time(req, res, machineRoute) {
      const started = performance.now();
      res.once('finish', () => {
        const route = machineRoute ?? expressRoute(req);
        const status = STATUS_CLASSES[Math.floor(res.statusCode / 100)] ?? 'other';
        seriesFor(route, req.method ?? 'OTHER', status).observe((performance.now() - started) / 1000);
      });
    },
  };
}

/** The status label by the status code's first digit: a fixed set, whatever code a handler sets. */
const STATUS_CLASSES: readonly string[] = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

/** The pattern Express matched (`/settings/:id`), set on the request while it routes; `other` when none did. */
function expressRoute(req: IncomingMessage): string {
  const routed = req as IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };
  return typeof routed.route?.path === 'string' ? `${routed.baseUrl ?? ''}${routed.route.path}` : 'other';
}
