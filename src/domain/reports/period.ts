/**
 * The report's period: whole local days in the workspace's zone, [first day 00:00, day after the last 00:00), and
 * the previous period of the same number of days just before it (the trend's baseline). Parsing refuses what a
 * lead could mistype or a link could carry: malformed or impossible dates, an end before the start, a period
 * longer than a year (a ten-year query would hold the database for nothing a lead reads), or one in the future.
 */
import { DateTime } from 'luxon';

export const PERIOD_PRESETS = [7, 30, 90] as const;
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  from: number;
  to: number;
  /** Local dates, first and last day included (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  days: number;
}

export interface PeriodChoice {
  /** 7, 30 or 90: the last N days, today included; null for an explicit from–to. */
  preset: number | null;
  current: Period;
  previous: Period;
}

export type PeriodResult = { ok: true; choice: PeriodChoice } | { ok: false; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function day(iso: string, zone: string): DateTime | null {
  if (!ISO_DATE.test(iso)) return null;
  const parsed = DateTime.fromISO(iso, { zone });
  return parsed.isValid ? parsed.startOf('day') : null;
}

function periodOf(first: DateTime, days: number): Period {
  const end = first.plus({ days });
  return {
    from: first.toMillis(),
    to: end.toMillis(),
    firstDay: first.toISODate() ?? '',
    lastDay: end.minus({ days: 1 }).toISODate() ?? '',
    days,
  };
}

function choice(preset: number | null, first: DateTime, days: number): PeriodChoice {
  return { preset, current: periodOf(first, days), previous: periodOf(first.minus({ days }), days) };
}

/** The last `days` local days up to and including today. */
export function presetPeriod(days: number, now: number, zone: string): PeriodChoice {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  return choice(days, today.minus({ days: days - 1 }), days);
}

/**
 * Reads the page's period fields: `days` (a preset) or `from` and `to` (local dates, both included). Nothing given
 * means the last 30 days.
 */
export function parsePeriod(input: { days?: unknown; from?: unknown; to?: unknown }, now: number, zone: string): PeriodResult {
  const { days, from, to } = input;
  if ((from === undefined || from === '') && (to === undefined || to === '')) {
    if (days === undefined || days === '') return { ok: true, choice: presetPeriod(30, now, zone) };
    const n = typeof days === 'string' && /^\d{1,3}$/.test(days) ? Number(days) : Number.NaN;
    if (!(PERIOD_PRESETS as readonly number[]).includes(n)) return { ok: false, message: 'Choose the last 7, 30 or 90 days.' };
    return { ok: true, choice: presetPeriod(n, now, zone) };
  }
  if (typeof from !== 'string' || typeof to !== 'string') return { ok: false, message: 'Give both dates of the period, from and to.' };
  const first = day(from, zone);
  const last = day(to, zone);
  if (!first || !last) return { ok: false, message: 'Write the dates as YYYY-MM-DD, for example 2026-03-01.' };
  if (last < first) return { ok: false, message: 'The period ends before it starts: the “to” date must be on or after the “from” date.' };
  const count = Math.round(last.diff(first, 'days').days) + 1;
  if (count > MAX_PERIOD_DAYS)
    return { ok: false, message: `A period can be at most ${MAX_PERIOD_DAYS} days long; this one has ${count}.` };
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  if (first > today) return { ok: false, message: 'The period starts in the future: there is nothing to report yet.' };
  return { ok: true, choice: choice(null, first, count) };
}

/** Local Monday 00:00 of each week that overlaps [from, to), with its label (the Monday's date). */
export function weeksOf(period: Pick<Period, 'from' | 'to'>, zone: string): { start: number; end: number; label: string }[] {
  const weeks = [];
  let monday = DateTime.fromMillis(period.from, { zone }).startOf('week');
  while (monday.toMillis() < period.to) {
    const next = monday.plus({ weeks: 1 });
    weeks.push({ start: monday.toMillis(), end: next.toMillis(), label: monday.toISODate() ?? '' });
    monday = next;
  }
  return weeks;
}

/** A local date-time for tables and CSV: 2026-03-01 14:05. */
export function localTime(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
