/**
 * Business hours compiled into a form the calendar walk can use cheaply: opening spans in minutes per weekday,
 * holidays as day numbers, and the zone. Days are "civil day numbers" (days since 1970-01-01 on the local
 * calendar), so stepping through days is integer arithmetic and only the zone offset needs luxon.
 *
 * Reading a wall time in the zone: an opening bound is the FIRST instant at which the local wall clock reads at
 * least that time. That one rule covers DST: on the spring-forward day 00:00–24:00 is 23 h; on the fall-back day
 * it is 25 h (the repeated hour is open twice, because it really passes twice); a bound inside the skipped hour is
 * the instant of the jump; an ambiguous bound is its first occurrence.
 */
import { IANAZone } from 'luxon';
import type { BusinessHours } from '../settings';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Minutes from local midnight; `end` may be 1440 (24:00). */
interface Span {
  start: number;
  end: number;
}

export interface CompiledHours {
  readonly zone: IANAZone;
  /** Index 0 = Monday … 6 = Sunday; spans sorted, merged, non-empty. */
  readonly spans: readonly (readonly Span[])[];
  readonly holidays: ReadonlySet<number>;
  /** Open time of a week with no holiday and no offset change. 0 = never open. */
  readonly weekMs: number;
  /**
   * Day windows already worked out. A window depends only on the compiled hours and the day, and computing one asks
   * the zone for its offset several times (Intl-backed, the costliest step of a clock evaluation), so each day is
   * resolved once per compile. Bounded: cleared when it reaches DAY_CACHE_SIZE.
   */
  readonly days: Map<number, DayWindow>;
  /** The zone offset (minutes) `dayOf` last asked luxon for: its first guess for the next instant (see dayOf). */
  readonly lastOffset: { minutes: number };
}

const DAY_CACHE_SIZE = 4096;

/** An open interval in epoch ms, [start, end). */
export type Interval = readonly [number, number];

// Settings objects are parsed once per request at most; caching by identity avoids recompiling inside one walk
// while never serving a stale compile after the settings change (a new object is a new key).
const cache = new WeakMap<BusinessHours, CompiledHours>();

export function compileHours(hours: BusinessHours): CompiledHours {
  const hit = cache.get(hours);
  if (hit) return hit;
  const zone = IANAZone.create(hours.timezone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${hours.timezone}`);
  const spans = WEEKDAY_KEYS.map((key) => mergeSpans(hours.weekly[key].map((i) => ({ start: minutes(i.start), end: minutes(i.end) }))));
  const weekMs = spans.reduce((sum, day) => sum + day.reduce((s, span) => s + (span.end - span.start) * MINUTE_MS, 0), 0);
  const holidays = new Set(hours.holidays.map(dayNumberOfIsoDate));
  const compiled: CompiledHours = { zone, spans, holidays, weekMs, days: new Map(), lastOffset: { minutes: 0 } };
  cache.set(hours, compiled);
  return compiled;
}

/** "HH:MM" → minutes; "24:00" → 1440. */
function minutes(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`Not an HH:MM time: ${hhmm}`);
  return Math.min(1440, Number(match[1]) * 60 + Number(match[2]));
}

/**
 * Sorts and merges overlapping spans. A span whose end is not after its start is dropped: an overnight shift is
 * written as 22:00–24:00 plus 00:00–06:00 the next day, so "22:00–06:00" is never silently reinterpreted.
 */
function mergeSpans(raw: Span[]): Span[] {
  const sorted = raw.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

function dayNumberOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The local civil day an instant falls on. Asking the zone for its offset is Intl-backed and the costliest step of
 * a clock evaluation, so the day is first guessed with the last offset seen and checked against that day's window,
 * which is already resolved (cached) for the days a clock keeps meeting: an instant inside a day's [start, end) is
 * on that day by the window's definition, so a confirmed guess is exact, DST days included.
 */
export function dayOf(c: CompiledHours, epochMs: number): number {
  const guess = Math.floor((epochMs + c.lastOffset.minutes * MINUTE_MS) / DAY_MS);
  const known = c.days.get(guess);
  if (known && epochMs >= known.start && epochMs < known.end) return guess;
  const minutes = c.zone.offset(epochMs);
  c.lastOffset.minutes = minutes;
  return Math.floor((epochMs + minutes * MINUTE_MS) / DAY_MS);
}

/** One local day: where it starts and ends in epoch ms, and its open intervals (empty on holidays). */
export interface DayWindow {
  readonly start: number;
  readonly end: number;
  readonly open: readonly Interval[];
}

export function dayWindow(c: CompiledHours, day: number): DayWindow {
  const known = c.days.get(day);
  if (known) return known;
  const window = computeDayWindow(c, day);
  if (c.days.size >= DAY_CACHE_SIZE) c.days.clear();
  c.days.set(day, window);
  return window;
}

function computeDayWindow(c: CompiledHours, day: number): DayWindow {
  const wallMidnight = day * DAY_MS;
  // Offsets a day either side bracket every instant of this local day (zones sit within −12 h…+14 h of UTC).
  // Equal brackets mean no offset change nearby, so every wall time converts by plain subtraction.
  const before = c.zone.offset(wallMidnight - DAY_MS);
  const after = c.zone.offset(wallMidnight + 2 * DAY_MS);
  const at = (wall: number): number => (before === after ? wall - before * MINUTE_MS : resolveWall(c.zone, wall, before, after));
  const spans = c.holidays.has(day) ? [] : (c.spans[weekdayIndex(day)] ?? []);
  const open: Interval[] = [];
  for (const span of spans) {
    const start = at(wallMidnight + span.start * MINUTE_MS);
    const end = at(wallMidnight + span.end * MINUTE_MS);
    if (end > start) open.push([start, end]);
  }
  return { start: at(wallMidnight), end: at(wallMidnight + DAY_MS), open };
}

/** First instant whose wall clock reads at least `wall` (wall time written as if it were UTC ms). */
function resolveWall(zone: IANAZone, wall: number, offA: number, offB: number): number {
  const valid = [offA, offB].map((o) => wall - o * MINUTE_MS).filter((t) => t + zone.offset(t) * MINUTE_MS === wall);
  if (valid.length > 0) return Math.min(...valid);
  // The wall time was skipped (spring forward): binary-search the instant of the jump.
  let lo = wall - Math.max(offA, offB) * MINUTE_MS;
  let hi = wall - Math.min(offA, offB) * MINUTE_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + zone.offset(mid) * MINUTE_MS >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * True when the 7 days from `monday` have their nominal open time: no holiday and no offset change (the week is
 * exactly 7 × 24 h long). Assumes no zone changes its offset twice within one week, which holds for the IANA data.
 */
export function isRegularWeek(c: CompiledHours, monday: number, weekStart: number): boolean {
  for (let d = monday; d < monday + 7; d += 1) if (c.holidays.has(d)) return false;
  return dayWindow(c, monday + 7).start - weekStart === 7 * DAY_MS;
}
