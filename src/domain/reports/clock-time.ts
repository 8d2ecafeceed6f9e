/**
 * Time read off the SLA clocks for the reports, measured with the clocks' own meter (the workspace's business
 * hours through `meterForClock`), so a report's business hours are exactly the hours the SLA clocks count.
 * `spentBefore` replays a clock (done once per clock when its figures are stored, src/domain/reports/ticket-figures.ts);
 * the others read those stored figures at report time.
 */
import type { SlaPolicy } from '../settings';
import { type ClockState, meterForClock } from '../sla';
import type { ClockFigures, OpenSpan } from './ticket-figures';

/** The clock's budget consumed before `at`: every run clipped to end at `at`. */
export function spentBefore(clock: ClockState, at: number, policy: SlaPolicy): number {
  const meter = meterForClock(policy, clock);
  let total = 0;
  for (const run of clock.runs) {
    if (run.from >= at) break;
    total += meter.elapsed(run.from, Math.min(run.to ?? at, at));
  }
  return total;
}

/**
 * Met, breached or still running, as `evaluate` in src/domain/sla decides it (a stopped clock against the target
 * it stopped under, a running one against the target now), without working out when a breach happened.
 */
export function clockOutcome(clock: ClockFigures, now: number, policy: SlaPolicy): 'met' | 'breached' | 'running' {
  const stopped = clock.stoppedAt !== null;
  const running = !stopped && clock.runningSince !== null && clock.runningSince < now;
  const spent = clock.spentMs + (running ? meterForClock(policy, clock).elapsed(clock.runningSince as number, now) : 0);
  if (spent >= clock.targetMs) return 'breached';
  return stopped ? 'met' : 'running';
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * Calendar time the resolution clock stood still inside [from, to) while the ticket was not resolved (the spans
 * `pausedSpans` stored, an open one up to `now`): the time paused waiting on the customer (or in another pause
 * state the policy lists).
 */
export function pausedWithin(spans: readonly OpenSpan[], range: { from: number; to: number }, now: number): number {
  const end = Math.min(range.to, now);
  let total = 0;
  for (const [a, b] of spans) total += overlap(a, b ?? now, range.from, end);
  return total;
}
