/**
 * Time read off the SLA clocks for the reports, measured with the clocks' own meter (the workspace's business
 * hours through `meterForClock`), so a report's business hours are exactly the hours the SLA clocks count.
 */
import type { SlaPolicy } from '../settings';
import { type ClockState, effectiveTargetMs, meterForClock } from '../sla';
import type { StateEvent } from './facts';

// One report reads a clock's spent time up to the same instant more than once (attainment judges it, speed
// reports it); clock states are immutable values, so the answer is kept per state object and instant.
const spentCache = new WeakMap<ClockState, Map<number, number>>();

/** The clock's budget consumed before `at`: every run clipped to end at `at`. */
export function spentBefore(clock: ClockState, at: number, policy: SlaPolicy): number {
  const byInstant = spentCache.get(clock) ?? new Map<number, number>();
  const hit = byInstant.get(at);
  if (hit !== undefined) return hit;
  const meter = meterForClock(policy, clock);
  let total = 0;
  for (const run of clock.runs) {
    if (run.from >= at) break;
    total += meter.elapsed(run.from, Math.min(run.to ?? at, at));
  }
  byInstant.set(at, total);
  spentCache.set(clock, byInstant);
  return total;
}

/**
 * Met, breached or still running, as `evaluate` in src/domain/sla decides it (a stopped clock against the target
 * it stopped under, a running one against the target now), without working out when a breach happened.
 */
export function clockOutcome(clock: ClockState, now: number, policy: SlaPolicy): 'met' | 'breached' | 'running' {
  const stopped = clock.phase === 'stopped' && clock.stoppedAt !== null;
  const target = stopped ? (clock.stoppedTargetMs ?? effectiveTargetMs(clock)) : effectiveTargetMs(clock);
  const spent = spentBefore(clock, stopped ? (clock.stoppedAt as number) : now, policy);
  if (spent >= target) return 'breached';
  return stopped ? 'met' : 'running';
}

/** The spans [from, to) a ticket spent resolved (to = Infinity while it still is). */
function resolvedSpans(events: readonly StateEvent[]): [number, number][] {
  const spans: [number, number][] = [];
  let since: number | null = null;
  for (const event of events) {
    if (event.kind === 'resolved' && since === null) since = event.at;
    else if (event.kind === 'reopened' && since !== null) {
      spans.push([since, event.at]);
      since = null;
    }
  }
  if (since !== null) spans.push([since, Number.POSITIVE_INFINITY]);
  return spans;
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * Calendar time the resolution clock stood still inside [from, to) while the ticket was not resolved: the gaps
 * between its runs (and the open pause up to `now`), less the time the ticket spent resolved. That is the time
 * paused waiting on the customer (or in another pause state the policy lists).
 */
export function pausedWithin(clock: ClockState, events: readonly StateEvent[], range: { from: number; to: number }, now: number): number {
  const end = Math.min(range.to, now);
  const gaps: [number, number][] = [];
  clock.runs.forEach((run, i) => {
    const next = clock.runs[i + 1];
    if (run.to !== null && next) gaps.push([run.to, next.from]);
  });
  if (clock.phase === 'paused' && clock.pausedSince !== null) gaps.push([clock.pausedSince, now]);
  const resolved = resolvedSpans(events);
  let total = 0;
  for (const [a, b] of gaps) {
    total += overlap(a, b, range.from, end);
    for (const [r0, r1] of resolved) total -= overlap(Math.max(a, r0), Math.min(b, r1), range.from, end);
  }
  return Math.max(0, total);
}
