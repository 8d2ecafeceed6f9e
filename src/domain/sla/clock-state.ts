/**
 * The serialised SLA clock: plain JSON, versioned, parsed with zod when read back from the store.
 *
 * The clock stores *when* it ran (`runs`), not how much budget that consumed: spent time is measured at
 * evaluation with the meter. That keeps every transition free of calendar maths (they need no policy or meter)
 * and lets a late correction to business hours (a forgotten holiday) apply to open clocks without migration.
 */
import { z } from 'zod';
import { CLOCK_KINDS, STATE_CATEGORIES } from '../model';

const instant = z.number().int();

export const tighteningSchema = z.object({
  /** Multiplies the base target; 0 < factor ≤ 1. */
  factor: z.number().gt(0).max(1),
  /** Shown in the sidebar after "tightened: ", e.g. "renewal in 30 days". */
  reason: z.string().min(1).max(200),
});

const runSchema = z.object({ from: instant, to: instant.nullable() });

export const clockStateSchema = z.object({
  v: z.literal(1),
  kind: z.enum(CLOCK_KINDS),
  meterMode: z.enum(['business', 'calendar']),
  /** The ticket's creation: the clock's origin. Events before it are read as happening at it. */
  startedAt: instant,
  /** Target from the policy matrix (priority × tier), before tightening. */
  baseTargetMs: z.number().int().positive(),
  tightening: tighteningSchema.nullable(),
  /** Spans during which budget was consumed, oldest first; the last has `to: null` while running. */
  runs: z.array(runSchema),
  phase: z.enum(['running', 'paused', 'stopped']),
  /** Set while paused: since when (moving between paused states keeps it) and the paused state the ticket is in now. */
  pausedSince: instant.nullable(),
  pausedIn: z.enum(STATE_CATEGORIES).nullable(),
  /** Set while stopped (resolved, or first response given), with the target the outcome is judged against. */
  stoppedAt: instant.nullable(),
  stoppedTargetMs: z.number().int().positive().nullable(),
  /** Ladder cycle: ladder firings are keyed by it. See README "Cycles". */
  cycle: z.number().int().nonnegative(),
  cycleStartedAt: instant,
  /** When the effective target last changed: a ladder step that a change made due is due from then. */
  targetChangedAt: instant,
  /** Per event stream, the latest event time applied; older events in that stream are ignored. */
  seen: z.object({ state: instant, target: instant, tightening: instant }),
});

export type Tightening = z.infer<typeof tighteningSchema>;
export type ClockRun = z.infer<typeof runSchema>;
export type ClockState = z.infer<typeof clockStateSchema>;
export type ClockPhase = ClockState['phase'];

/** Reads a stored clock; throws a ZodError when the JSON is not a v1 clock. */
export function parseClockState(raw: unknown): ClockState {
  return clockStateSchema.parse(raw);
}

/** The target in force now: base × tightening factor, rounded to whole ms (never below 1 ms). */
export function effectiveTargetMs(clock: Pick<ClockState, 'baseTargetMs' | 'tightening'>): number {
  return Math.max(1, Math.round(clock.baseTargetMs * (clock.tightening?.factor ?? 1)));
}

/**
 * A clock read back only to be shown: every fresh sidebar view reads its tickets' clocks, and running the full schema
 * over each was a visible share of the view's CPU. The JSON is this module's own, written from a parsed state by the
 * services' transitions, so the version and the kind are checked (a row of another format is told apart) and the
 * rest is trusted; anything that fails them goes through the full schema, which says what is wrong. A clock that is
 * changed and written back is parsed in full (`parseClockState`).
 */
export function readShownClockState(raw: unknown): ClockState {
  const candidate = raw as Partial<Record<keyof ClockState, unknown>> | null;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.v === 1 &&
    (CLOCK_KINDS as readonly unknown[]).includes(candidate.kind) &&
    Array.isArray(candidate.runs)
  )
    return raw as ClockState;
  return parseClockState(raw);
}
