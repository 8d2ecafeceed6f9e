/**
 * Load generation. Fixed requests (the sidebar and its baselines) go through autocannon: a warm-up run that is
 * thrown away, then the measured run. Varying requests (webhook notifications) go through `postAll`, a plain
 * keep-alive client that sends each body once with a fixed number of requests in flight.
 */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  /** Several URLs: the connections are dealt among them in turn, as a load balancer deals connections to instances. */
  url: string | readonly string[];
  body: string;
  headers: Record<string, string>;
  /** When given, requests cycle through these bodies (each with its own headers) instead of repeating `body`. */
  variants?: readonly { body: string; headers: Record<string, string> }[];
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured run. */
  rps: number;
  /** Latency percentiles in ms, as autocannon records them (1 ms resolution). */
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

/** Where each variant list goes on from: a warm-up and the runs after it must not send the same bodies again. */
const cursors = new WeakMap<object, { next: number }>();

/** How long a load runs: for so many seconds, or until so many requests were answered. */
export type LoadSpan = number | { requests: number };

function once(target: LoadTarget, connections: number, span: LoadSpan): Promise<autocannon.Result> {
  const { variants } = target;
  const cursor = variants ? (cursors.get(variants) ?? { next: 0 }) : { next: 0 };
  if (variants) cursors.set(variants, cursor);
  return autocannon({
    // autocannon takes a list at run time (lib/url.js); its type declares only one.
    url: target.url as string,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    ...(typeof span === 'number' ? { duration: span } : { amount: span.requests }),
    ...(variants && variants.length > 0
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const variant = variants[cursor.next++ % variants.length]!;
                return { ...request, body: variant.body, headers: variant.headers };
              },
            },
          ],
        }
      : {}),
  });
}

export async function measureLoad(target: LoadTarget, connections: number, warmup: LoadSpan, span: LoadSpan): Promise<LoadResult> {
  if (typeof warmup !== 'number' || warmup > 0) await once(target, connections, warmup);
  const result = await once(target, connections, span);
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: ok,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export interface PostItem {
  body: string;
  headers: Record<string, string>;
}

export interface PostReport {
  ms: number;
  /** Items sent; fewer than given when the deadline passed first. */
  sent: number;
  /** HTTP status → how many; 0 counts requests that got no answer. */
  statuses: Record<number, number>;
}

/**
 * One POST on `agent`'s kept-alive connections; resolves with the status (0 when no answer came) and the body. Plain
 * node:http: a timed request should measure the server, and fetch's own per-request work is a millisecond here.
 */
export function postOnce(url: URL, item: PostItem, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(item.body), ...item.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(item.body);
  });
}

/**
 * Sends the items once each, in order, with `concurrency` in flight; resolves when all sent are answered. After
 * `deadlineMs` no new item is started, so a slow server cannot stretch the run past its budget.
 */
export async function postAll(
  url: string,
  items: readonly PostItem[],
  concurrency: number,
  deadlineMs = Number.POSITIVE_INFINITY,
): Promise<PostReport> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length && performance.now() - started < deadlineMs) {
      const { status } = await postOnce(target, items[next++]!, agent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const ms = performance.now() - started;
  agent.destroy();
  return { ms, sent: next, statuses };
}

/**
 * A GET for the bench's own bookkeeping (the app's /metrics), on a connection of its own. Global fetch keeps sockets
 * alive, and after seconds of the bench's own synchronous work (building a signed feed of 20,000 notifications) its
 * idle timer has not run: it may reuse a socket the app closed at its 5 s keep-alive timeout, and the read fails
 * with "fetch failed" (a full run lost its webhook row that way on a slow host).
 */
export function getText(url: string, accept = 'application/json'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false, headers: { accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`GET ${url}: ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
