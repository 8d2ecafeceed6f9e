/**
 * Reading a clock at `now`: how much budget is spent, what is left, when it is or was due, and the state the
 * sidebar shows. Pure: the same clock, instant and meter always give the same answer.
 */
import type { StateCategory } from '../model';
import type { TimeMeter } from './business-calendar';
import { type ClockState, effectiveTargetMs } from './clock-state';

export type SlaStatus = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'met';

export interface SlaEvaluation {
  /**
   * Precedence: a stopped clock is `met` or `breached` (stopped late); otherwise `breached` once the budget is used
   * up, even while paused (a breach is a fact, the pause is temporary: `pausedSince` still says it is paused); then
   * `paused`; then `at_risk` from the warn threshold on; else `on_track`.
   */
  status: SlaStatus;
  spentMs: number;
  /** Target minus spent; zero or negative once breached. */
  remainingMs: number;
  /**
   * The instant the budget runs out (running) or ran out (breached). Null while paused or after stopping in time
   * (no deadline is running), and when business hours never open (no deadline exists).
   */
  dueAt: number | null;
  /** spent / target; 1 or more once breached. */
  fraction: number;
  pausedSince: number | null;
  pausedIn: StateCategory | null;
  breachedAt: number | null;
  stoppedAt: number | null;
  /** The target this evaluation measures against: base × tightening, or for a stopped clock the one at stopping. */
  effectiveTargetMs: number;
  tightenedReason: string | null;
}

export const DEFAULT_WARN_AT = 0.75;

export function evaluate(clock: ClockState, now: number, meter: TimeMeter, warnAt = DEFAULT_WARN_AT): SlaEvaluation {
  const stopped = clock.phase === 'stopped';
  const target = stopped ? (clock.stoppedTargetMs ?? effectiveTargetMs(clock)) : effectiveTargetMs(clock);
  const spent = spentMs(clock, now, meter);
  const breached = spent >= target;
  const breachedAt = breached ? instantWhenSpent(clock, target, meter) : null;
  const fraction = spent / target;
  return {
    status: stopped ? (breached ? 'breached' : 'met') : statusOf(clock, breached, fraction, warnAt),
    spentMs: spent,
    remainingMs: target - spent,
    dueAt: breached ? breachedAt : clock.phase === 'running' ? finiteOrNull(instantWhenSpent(clock, target, meter)) : null,
    fraction,
    pausedSince: clock.phase === 'paused' ? clock.pausedSince : null,
    pausedIn: clock.phase === 'paused' ? clock.pausedIn : null,
    breachedAt,
    stoppedAt: clock.stoppedAt,
    effectiveTargetMs: target,
    tightenedReason: clock.tightening?.reason ?? null,
  };
}

function statusOf(clock: ClockState, breached: boolean, fraction: number, warnAt: number): SlaStatus {
  if (breached) return 'breached';
  if (clock.phase === 'paused') return 'paused';
  return fraction >= warnAt ? 'at_risk' : 'on_track';
}

/** Budget consumed up to `now`: the measured length of every run, the open one up to `now`. */
export function spentMs(clock: ClockState, now: number, meter: TimeMeter): number {
  return clock.runs.reduce((sum, run) => sum + meter.elapsed(run.from, run.to ?? now), 0);
}

/**
 * The earliest instant at which spent time reaches `budgetMs`, replaying the runs (so pauses in between are
 * skipped). Null when the clock is not running and its closed runs never reach the budget; may be `Infinity` when
 * the clock is running on business hours that never open.
 */
export function instantWhenSpent(clock: ClockState, budgetMs: number, meter: TimeMeter): number | null {
  let before = 0;
  for (const run of clock.runs) {
    if (run.to === null) return meter.addTo(run.from, budgetMs - before);
    const length = meter.elapsed(run.from, run.to);
    if (before + length >= budgetMs) return meter.addTo(run.from, budgetMs - before);
    before += length;
  }
  return null;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
