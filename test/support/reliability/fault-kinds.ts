/**
 * The ways Intercom fails, as fault rules for the fake (src/sandbox/fake-intercom/faults.ts). `after` faults
 * let the fake apply the request and then spoil the answer: the ticket or note exists, the app never hears so.
 * They only make sense on writes. Timings assume the app's INTERCOM_TIMEOUT_MS is FAULT_TIMEOUT_MS.
 */
import type { FaultRule } from '../../../src/sandbox/fake-intercom';

/**
 * The app's per-call timeout in the fault tests: short, so a held request costs little real time, and long enough
 * that a healthy call is not cut off while a loaded machine makes the process wait for a core. Five cases run at
 * once in one process (`it.concurrent`); at 250 ms, with other work on the machine, every attempt of healthy form
 * reads timed out and cases failed before or after their fault.
 */
export const FAULT_TIMEOUT_MS = 1_000;

export interface FaultKind {
  name: string;
  rule: Omit<FaultRule, 'route'>;
  /** Only for non-idempotent writes: the effect happens although the caller sees a failure. */
  writesOnly?: boolean;
}

const forever = Number.POSITIVE_INFINITY;

export const FAULT_KINDS: readonly FaultKind[] = [
  { name: '500', rule: { times: forever, effect: { type: 'status', status: 500 } } },
  { name: '503', rule: { times: forever, effect: { type: 'status', status: 503 } } },
  { name: '429 with reset', rule: { times: forever, effect: { type: 'rate_limit', resetInSeconds: 20 } } },
  // A timeout holds each request until the client gives up; a few are enough to exhaust the client's retries.
  { name: 'timeout', rule: { times: 6, effect: { type: 'timeout' } } },
  { name: 'dropped connection', rule: { times: forever, effect: { type: 'drop' } } },
  { name: 'slow (within the timeout)', rule: { times: forever, effect: { type: 'latency', ms: Math.round(FAULT_TIMEOUT_MS / 3) } } },
  // Slower than the client waits: the fake still applies the request once the delay is over.
  { name: 'slow (past the timeout)', rule: { times: 4, effect: { type: 'latency', ms: FAULT_TIMEOUT_MS * 2 } } },
  { name: '500 after applying', writesOnly: true, rule: { times: forever, phase: 'after', effect: { type: 'status', status: 500 } } },
  { name: 'dropped after applying', writesOnly: true, rule: { times: forever, phase: 'after', effect: { type: 'drop' } } },
];

export function faultsFor(method: string): readonly FaultKind[] {
  return method === 'GET' ? FAULT_KINDS.filter((kind) => !kind.writesOnly) : FAULT_KINDS;
}
