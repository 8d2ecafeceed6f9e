/** The Intercom failure modes every escalation step is tested against, as fake-Intercom fault rules. */
import type { FaultRule } from '../../../src/sandbox/fake-intercom';
import type { Harness } from '../../support/app-harness';

export interface FailureMode {
  name: string;
  effect: FaultRule['effect'];
  /** 'after': Intercom acted, the answer was lost. */
  phase: 'before' | 'after';
}

export const RESET_SECONDS = 120;

export const FAILURE_MODES: readonly FailureMode[] = [
  { name: '500', effect: { type: 'status', status: 500 }, phase: 'before' },
  { name: '503', effect: { type: 'status', status: 503 }, phase: 'before' },
  { name: '429 with a reset', effect: { type: 'rate_limit', resetInSeconds: RESET_SECONDS }, phase: 'before' },
  { name: 'timeout', effect: { type: 'timeout' }, phase: 'before' },
  { name: 'dropped connection', effect: { type: 'drop' }, phase: 'before' },
  { name: 'lost answer (500 after the write)', effect: { type: 'status', status: 500 }, phase: 'after' },
  { name: 'lost answer (connection dropped after the write)', effect: { type: 'drop' }, phase: 'after' },
  { name: 'lost answer (timeout after the write)', effect: { type: 'timeout' }, phase: 'after' },
];

/**
 * The client's timeout in these tests: short, so a request the fake holds ('timeout') costs one second, and long
 * enough that a healthy call to the fake in this process is not cut off while a loaded CI machine makes it wait for
 * a core (at 300 ms, forms and ticket creates failed that way). The job waits `timeout + 1 s` after an inline attempt.
 */
const FAULT_TIMEOUT_MS = 1_000;
export const FAULT_ENV = { INTERCOM_TIMEOUT_MS: String(FAULT_TIMEOUT_MS) };
export const SETTLE_MS = FAULT_TIMEOUT_MS + 1_000;

export function inject(h: Harness, route: string, mode: FailureMode, times = 1): void {
  h.fake.faults.add({ route, effect: mode.effect, phase: mode.phase, times });
}
