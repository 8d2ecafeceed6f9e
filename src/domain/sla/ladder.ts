/**
 * The 75 / 90 / 100 % ladder. Pure scheduling: which step comes next and when it falls due; the scheduler stores
 * the answer as `next_fire_at`, and records firings per (clock, cycle, step) so each fires once per cycle.
 *
 * A step's due instant is when spent time reaches its share of the current effective target, replayed through the
 * clock's runs (pauses skipped), and never before the target last changed: a step that a priority raise made due
 * became due at the raise. A step whose instant lies before the current cycle began is "carried": the clock was
 * already past it when the cycle started, so it does not fire again (see README "Cycles").
 */
import type { LadderStep } from '../model';
import type { LadderSettings } from '../settings';
import type { TimeMeter } from './business-calendar';
import { type ClockState, effectiveTargetMs } from './clock-state';
import { instantWhenSpent } from './evaluate';

export interface LadderFire {
  step: LadderStep;
  /** Epoch ms at which the step falls (or fell) due. */
  dueAt: number;
}

export type LadderThresholds = Pick<LadderSettings, 'warnAt' | 'escalateAt'>;

/**
 * Fractions of the target per step, in firing order. A misconfigured escalateAt below warnAt is lifted to warnAt so
 * the steps still come in order (the settings schema does not forbid it).
 */
export function ladderFractions(ladder: LadderThresholds): readonly { step: LadderStep; fraction: number }[] {
  return [
    { step: 'warn', fraction: ladder.warnAt },
    { step: 'escalate', fraction: Math.max(ladder.warnAt, ladder.escalateAt) },
    { step: 'breach', fraction: 1 },
  ];
}

/**
 * Every step not yet fired in this cycle that will or did fall due, in order, with non-decreasing due instants.
 * Empty for a stopped clock (a resolved ticket is not escalated after the fact). A paused clock lists only steps
 * that fell due before the pause; nothing is scheduled into the future while paused. `firedSteps` are the steps
 * already fired in `clock.cycle` (not earlier cycles).
 */
export function ladderSchedule(
  clock: ClockState,
  ladder: LadderThresholds,
  firedSteps: readonly LadderStep[],
  meter: TimeMeter,
): LadderFire[] {
  if (clock.phase === 'stopped') return [];
  const target = effectiveTargetMs(clock);
  const out: LadderFire[] = [];
  for (const { step, fraction } of ladderFractions(ladder)) {
    const reachedAt = instantWhenSpent(clock, Math.max(1, Math.round(fraction * target)), meter);
    // Null (paused before reaching it) or Infinity (never open): no later step can be due either.
    if (reachedAt === null || !Number.isFinite(reachedAt)) break;
    if (firedSteps.includes(step) || reachedAt < clock.cycleStartedAt) continue;
    out.push({ step, dueAt: Math.max(reachedAt, clock.targetChangedAt) });
  }
  return out;
}

/** The next step to fire and its due instant (the scheduler's `next_fire_at`); null when nothing is scheduled. */
export function nextLadderStep(
  clock: ClockState,
  ladder: LadderThresholds,
  firedSteps: readonly LadderStep[],
  meter: TimeMeter,
): LadderFire | null {
  return ladderSchedule(clock, ladder, firedSteps, meter)[0] ?? null;
}

/**
 * Steps due at `now`, in order, each with its original due instant: after downtime the scheduler fires them all,
 * oldest first, and the notes can say when each fell due.
 */
export function dueLadderSteps(
  clock: ClockState,
  ladder: LadderThresholds,
  firedSteps: readonly LadderStep[],
  now: number,
  meter: TimeMeter,
): LadderFire[] {
  return ladderSchedule(clock, ladder, firedSteps, meter).filter((fire) => fire.dueAt <= now);
}
