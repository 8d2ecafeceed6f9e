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
