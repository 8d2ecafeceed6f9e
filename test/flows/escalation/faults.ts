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

/** Client timeouts short enough for tests; the job then waits `timeout + 1 s` after an inline attempt. */
export const FAULT_ENV = { INTERCOM_TIMEOUT_MS: '300' };
export const SETTLE_MS = 1_300;

export function inject(h: Harness, route: string, mode: FailureMode, times = 1): void {
  h.fake.faults.add({ route, effect: mode.effect, phase: mode.phase, times });
}

/** Waits (real time, bounded) until the fake has answered or dropped every request on a route. */
export async function settled(h: Harness, method: string, path: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pending = h.fake.requests.filter((r) => r.method === method && r.path === path && r.status === null && r.fault === null);
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${method} ${path} never settled`);
}
