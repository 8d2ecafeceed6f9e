/**
 * Per-request bookkeeping that must not be threaded through every call:
 * how many Intercom API calls a request (or job run) made. The sidebar's
 * promise is zero calls on a warm view; this is how we prove it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  intercomCalls: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Process-wide totals, exposed on /metrics and read by the benchmark. */
export const intercomCallTotals = { calls: 0 };

export function runWithRequestContext<T>(fn: () => T): T {
  return storage.run({ intercomCalls: 0 }, fn);
}

/** Called by the Intercom client once per HTTP attempt it sends. */
export function recordIntercomCall(): void {
  intercomCallTotals.calls += 1;
  const ctx = storage.getStore();
  if (ctx) ctx.intercomCalls += 1;
}

/** Intercom calls made so far in the current request context (0 outside one). */
export function intercomCallsInThisRequest(): number {
  return storage.getStore()?.intercomCalls ?? 0;
}

/** One kind of Intercom answer: `GET /conversations/{id}` answered 200, say (`network`: no HTTP answer at all). */
export interface IntercomAnswerCount {
  method: string;
  endpoint: string;
  status: string;
  count: number;
}

/** Distinct kinds kept at most: endpoints are a fixed set once ids are masked, so this only guards against surprises. */
const MAX_ANSWER_KINDS = 500;
const answers = new Map<string, IntercomAnswerCount>();

/** Called by the Intercom client once per attempt, with the answer's status, for /metrics. */
export function recordIntercomAnswer(method: string, path: string, status: number | 'network'): void {
  let endpoint = endpointOf(path);
  let key = `${method} ${endpoint} ${status}`;
  if (!answers.has(key) && answers.size >= MAX_ANSWER_KINDS) {
    endpoint = 'other';
    key = `${method} other ${status}`;
  }
  const seen = answers.get(key);
  if (seen) seen.count += 1;
  else answers.set(key, { method: method.toUpperCase(), endpoint, status: String(status), count: 1 });
}

/** Every kind of answer so far, process-wide (totals: a reader takes differences). */
export function intercomAnswerCounts(): readonly IntercomAnswerCount[] {
  return [...answers.values()];
}

/** The path with every id masked (`/contacts/{id}/companies`): any segment holding a digit is an id in Intercom's API. */
export function endpointOf(path: string): string {
  const query = path.indexOf('?');
  const bare = query < 0 ? path : path.slice(0, query);
  return bare
    .split('/')
    .map((segment) => (/\d/.test(segment) ? '{id}' : segment))
    .join('/');
}
