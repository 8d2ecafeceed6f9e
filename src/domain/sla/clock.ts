/**
 * Pure transitions of an SLA clock. Each takes a clock and an event time and returns a new clock; none needs the
 * meter, because the clock records when it ran and spent time is measured at evaluation (see clock-state.ts).
 *
 * Ordering: every transition is idempotent (the same event twice is the same as once). The clock keeps, per event
 * stream (state, target, tightening), the latest event time applied; an event older than that is ignored, because a
 * newer event of the same stream already describes the present (this is also what the webhook layer's `updated_at`
 * rule does). Ignoring, rather than re-inserting it into the past, means a late event can never rewrite spent time.
 * The one exception is the first response, which is "the earliest action": an earlier one arriving late moves the
 * response clock's stop back to it.
 */
import type { ClockKind, StateCategory } from '../model';
import type { SlaPolicy } from '../settings';
import type { MeterMode } from './business-calendar';
import { type ClockRun, type ClockState, effectiveTargetMs, type Tightening } from './clock-state';

export interface StartClockInput {
  kind: ClockKind;
  ticketCreatedAt: number;
  /** Base target from the policy matrix, before tightening. */
  targetMs: number;
  tightening: Tightening | null;
  meterMode: MeterMode;
  now: number;
}

/** A running clock from the ticket's creation (never later than `now`, so clock skew cannot start it in the future). */
export function startClock(input: StartClockInput): ClockState {
  const startedAt = Math.floor(Math.min(finite(input.ticketCreatedAt), finite(input.now)));
  return {
    v: 1,
    kind: input.kind,
    meterMode: input.meterMode,
    startedAt,
    baseTargetMs: positiveTarget(input.targetMs),
    tightening: input.tightening,
    runs: [{ from: startedAt, to: null }],
    phase: 'running',
    pausedSince: null,
    pausedIn: null,
    stoppedAt: null,
    stoppedTargetMs: null,
    cycle: 0,
    cycleStartedAt: startedAt,
    targetChangedAt: startedAt,
    seen: { state: startedAt, target: startedAt, tightening: startedAt },
  };
}

/**
 * The ticket moved to `category` at `at`.
 * - Resolution clock: pauses in the policy's pause states (moving between two of them keeps the original
 *   `pausedSince`, so nothing is counted twice), runs in the others, stops at `resolved`. Leaving `resolved`
 *   reopens it with the time already spent, in the same ladder cycle (README "Cycles").
 * - Response clock: leaving `submitted` is the first response; pause states do not apply to it, since it only
 *   runs while the ticket is `submitted`. Reopening never restarts it: the first response was given.
 */
export function applyTicketState(
  clock: ClockState,
  category: StateCategory,
  at: number,
  policy: Pick<SlaPolicy, 'pauseStates'>,
): ClockState {
  if (clock.kind === 'response') return category === 'submitted' ? clock : markFirstResponse(clock, at);
  const t = eventTime(clock, at);
  if (t < clock.seen.state) return clock;
  const next: ClockState = { ...clock, seen: { ...clock.seen, state: t } };
  if (category === 'resolved') return clock.phase === 'stopped' ? next : stop(next, t);
  if (policy.pauseStates.includes(category)) {
    if (clock.phase === 'paused') return { ...next, pausedIn: category };
    const base = clock.phase === 'stopped' ? reopened(next) : { ...next, runs: closeRun(next.runs, t) };
    return { ...base, phase: 'paused', pausedSince: t, pausedIn: category };
  }
  if (clock.phase === 'running') return next;
  const base = clock.phase === 'stopped' ? reopened(next) : { ...next, pausedSince: null, pausedIn: null };
  return { ...base, phase: 'running', runs: [...base.runs, { from: t, to: null }] };
}

/**
 * The back-office team first acted (note, assignment to a person, or leaving `submitted`): the response clock stops.
 * Its outcome (met or late) is judged against the target in force at that moment. No-op on a resolution clock.
 */
export function markFirstResponse(clock: ClockState, at: number): ClockState {
  if (clock.kind !== 'response') return clock;
  const t = eventTime(clock, at);
  if (clock.phase !== 'stopped') return stop(clock, t);
  if (clock.stoppedAt !== null && t >= clock.stoppedAt) return clock;
  return { ...clock, runs: clipRuns(clock.runs, t), stoppedAt: t };
}

/**
 * Priority changed: only the target changes. Spent time is untouched, so the due time is recomputed from the time
 * already spent (evaluation measures spent, then adds what is left), not from the start.
 */
export function changeTarget(clock: ClockState, newBaseTargetMs: number, at: number): ClockState {
  const target = positiveTarget(newBaseTargetMs);
  const t = eventTime(clock, at);
  if (t < clock.seen.target) return clock;
  const next: ClockState = { ...clock, seen: { ...clock.seen, target: t } };
  return target === clock.baseTargetMs ? next : retarget(next, { ...next, baseTargetMs: target }, t);
}

/** Renewal or risk status changed: the tightening (or its removal) applies from `at`, like a target change. */
export function applyTightening(clock: ClockState, tightening: Tightening | null, at: number): ClockState {
  const t = eventTime(clock, at);
  if (t < clock.seen.tightening) return clock;
  const next: ClockState = { ...clock, seen: { ...clock.seen, tightening: t } };
  const same = tightening?.factor === clock.tightening?.factor && tightening?.reason === clock.tightening?.reason;
  return same ? next : retarget(next, { ...next, tightening }, t);
}

/**
 * A larger target (priority lowered, tightening lifted) starts a new ladder cycle: the deadline moved out, so
 * steps the clock has fallen back below can warn again. A smaller one keeps the cycle: nothing fired is undone.
 */
function retarget(before: ClockState, after: ClockState, t: number): ClockState {
  const oldTarget = effectiveTargetMs(before);
  const newTarget = effectiveTargetMs(after);
  if (newTarget === oldTarget) return after;
  const changed = { ...after, targetChangedAt: Math.max(after.targetChangedAt, t) };
  if (newTarget < oldTarget) return changed;
  return { ...changed, cycle: after.cycle + 1, cycleStartedAt: Math.max(after.cycleStartedAt, t) };
}

function stop(clock: ClockState, t: number): ClockState {
  return {
    ...clock,
    phase: 'stopped',
    runs: closeRun(clock.runs, t),
    pausedSince: null,
    pausedIn: null,
    stoppedAt: t,
    stoppedTargetMs: effectiveTargetMs(clock),
  };
}

function reopened(clock: ClockState): ClockState {
  return { ...clock, stoppedAt: null, stoppedTargetMs: null };
}

function closeRun(runs: readonly ClockRun[], t: number): ClockRun[] {
  return runs.map((run) => (run.to === null ? { from: run.from, to: Math.max(run.from, t) } : run));
}

/** Runs as if the clock had stopped at `t`: later runs dropped, the one containing `t` cut at `t`. */
function clipRuns(runs: readonly ClockRun[], t: number): ClockRun[] {
  return runs.filter((run) => run.from <= t).map((run) => ({ from: run.from, to: run.to === null ? t : Math.min(run.to, t) }));
}

/** Whole ms, and never before the clock's origin: an event stamped before the ticket existed happened at its creation. */
function eventTime(clock: ClockState, at: number): number {
  return Math.max(clock.startedAt, Math.floor(finite(at)));
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not an instant: ${value}`);
  return value;
}

function positiveTarget(ms: number): number {
  const rounded = Math.round(ms);
  if (!Number.isFinite(ms) || rounded < 1) throw new RangeError(`SLA target must be a positive number of ms, got ${ms}`);
  return rounded;
}
