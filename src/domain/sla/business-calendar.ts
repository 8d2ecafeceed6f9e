/**
 * Business-time arithmetic over `BusinessHours`, and the `TimeMeter` the clocks measure with.
 *
 * Both walks step day by day through partial weeks, but skip a whole regular week (no holiday, no offset change)
 * in one step using its nominal open time, so a year-long span costs ~52 steps rather than 365 days of zone maths.
 */
import type { BusinessHours } from '../settings';
import { type CompiledHours, compileHours, dayOf, dayWindow, isRegularWeek, weekdayIndex } from './business-days';

/**
 * How a clock measures time. Both functions are total: they never throw on ordinary input and never loop forever.
 * - `elapsed(from, to)`: counted ms in [from, to); 0 when `to <= from` (never negative).
 * - `addTo(start, ms)`: the earliest instant at which `ms` counted ms have elapsed since `start`; `start` itself
 *   when `ms <= 0`; `Infinity` when that never happens (business hours with no open time in the week).
 */
export interface TimeMeter {
  readonly mode: MeterMode;
  elapsed(fromMs: number, toMs: number): number;
  addTo(startMs: number, ms: number): number;
}

export type MeterMode = 'business' | 'calendar';

export const calendarMeter: TimeMeter = Object.freeze({
  mode: 'calendar' as const,
  elapsed: (fromMs: number, toMs: number) => Math.max(0, toMs - fromMs),
  addTo: (startMs: number, ms: number) => startMs + Math.max(0, ms),
});

export function businessMeter(hours: BusinessHours): TimeMeter {
  return Object.freeze({
    mode: 'business' as const,
    elapsed: (fromMs: number, toMs: number) => businessMsBetween(fromMs, toMs, hours),
    addTo: (startMs: number, ms: number) => addBusinessMs(startMs, ms, hours),
  });
}

/** Open business time in [fromMs, toMs), in ms. 0 when `toMs <= fromMs`. */
export function businessMsBetween(fromMs: number, toMs: number, hours: BusinessHours): number {
  assertInstant(fromMs);
  assertInstant(toMs);
  const c = compileHours(hours);
  if (toMs <= fromMs || c.weekMs === 0) return 0;
  let total = 0;
  let day = dayOf(c, fromMs);
  for (;;) {
    const window = dayWindow(c, day);
    if (skippableWeek(c, day, window.start, fromMs) && weekEnd(c, day) <= toMs) {
      total += c.weekMs;
      day += 7;
      continue;
    }
    for (const [start, end] of window.open) total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    if (window.end >= toMs) return total;
    day += 1;
  }
}

/**
 * The instant at which `ms` of business time has elapsed since `startMs` (the earliest such instant, so a span
 * that ends exactly at closing time lands on closing time, not on the next opening). `Infinity` when the week has
 * no open hours at all. Terminates otherwise: every regular week adds open time, and holidays are finite.
 */
export function addBusinessMs(startMs: number, ms: number, hours: BusinessHours): number {
  assertInstant(startMs);
  if (Number.isNaN(ms)) throw new RangeError('Business duration is NaN');
  if (ms <= 0) return startMs;
  const c = compileHours(hours);
  if (c.weekMs === 0 || ms === Infinity) return Infinity;
  let remaining = ms;
  let day = dayOf(c, startMs);
  for (;;) {
    const window = dayWindow(c, day);
    // Strictly greater: if the budget ends exactly with this week, the answer is this week's last closing time.
    if (remaining > c.weekMs && skippableWeek(c, day, window.start, startMs)) {
      remaining -= c.weekMs;
      day += 7;
      continue;
    }
    for (const [openAt, closeAt] of window.open) {
      const from = Math.max(openAt, startMs);
      if (closeAt <= from) continue;
      if (remaining <= closeAt - from) return from + remaining;
      remaining -= closeAt - from;
    }
    day += 1;
  }
}

/** A week can be skipped whole when it starts on Monday, lies entirely after the walk's origin, and is regular. */
function skippableWeek(c: CompiledHours, day: number, dayStart: number, originMs: number): boolean {
  return weekdayIndex(day) === 0 && dayStart >= originMs && isRegularWeek(c, day, dayStart);
}

function weekEnd(c: CompiledHours, monday: number): number {
  return dayWindow(c, monday + 7).start;
}

function assertInstant(epochMs: number): void {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not an instant: ${epochMs}`);
}
