/** Small builders for the SLA tests: business hours, local wall times as epoch ms, and a policy with overrides. */
import { DateTime } from 'luxon';
import { type BusinessHours, defaultSettings, type SlaPolicy } from '../../../src/domain/settings';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

type Day = { start: string; end: string }[];

/** Mon–Fri with the given spans (09:00–18:00 by default), weekend closed. */
export function weekdays(timezone: string, spans: Day = [{ start: '09:00', end: '18:00' }], holidays: string[] = []): BusinessHours {
  return { timezone, weekly: { mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: [], sun: [] }, holidays };
}

/** Every day with the same spans (00:00–24:00 by default). */
export function everyDay(timezone: string, spans: Day = [{ start: '00:00', end: '24:00' }]): BusinessHours {
  return { timezone, weekly: { mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: spans, sun: spans }, holidays: [] };
}

/** Open only on Sundays: isolates what a DST night does to one interval. */
export function sundays(timezone: string, spans: Day): BusinessHours {
  return { timezone, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: spans }, holidays: [] };
}

/** A local wall time in `zone` ("2026-03-27T17:00") as epoch ms. */
export function wall(iso: string, zone: string): number {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad fixture time ${iso}`);
  return dt.toMillis();
}

/** Epoch ms shown as a local ISO time without seconds, for readable assertions. */
export function local(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

export function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return { ...defaultSettings('Europe/Berlin').sla, ...overrides };
}

export const LADDER = { warnAt: 0.75, escalateAt: 0.9 };
