/** fast-check generators for the SLA properties: business hours (DST zones included), instants and event scripts. */
import fc from 'fast-check';
import type { StateCategory } from '../../../src/domain/model';
import type { BusinessHours } from '../../../src/domain/settings';
import { HOUR, MIN } from './fixtures';

export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'] as const;

// Templates chosen to hit the edge cases: closed days, 24 h days, split days, bounds inside DST gaps, 24:00 ends.
const DAY_TEMPLATES = [
  [],
  [{ start: '09:00', end: '18:00' }],
  [{ start: '00:00', end: '24:00' }],
  [
    { start: '08:30', end: '12:00' },
    { start: '13:00', end: '17:30' },
  ],
  [
    { start: '01:30', end: '02:30' },
    { start: '22:00', end: '24:00' },
  ],
  [{ start: '02:00', end: '03:00' }],
];

const day = fc.constantFrom(...DAY_TEMPLATES);
const holiday = fc
  .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const businessHoursArb: fc.Arbitrary<BusinessHours> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  weekly: fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  holidays: fc.array(holiday, { maxLength: 20 }),
});

/** Hours with at least one open weekday span, so every budget is reached in finite time. */
export const openHoursArb = businessHoursArb.filter((h) => Object.values(h.weekly).some((spans) => spans.length > 0));

export const instantArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
export const durationArb = fc.integer({ min: 0, max: 60 * 24 * HOUR });

export type ScriptEvent =
  | { kind: 'state'; category: StateCategory; gap: number }
  | { kind: 'target'; targetMs: number; gap: number }
  | { kind: 'tightening'; factor: number | null; gap: number };

const gap = fc.integer({ min: 0, max: 72 * HOUR });
const target = fc.integer({ min: 10, max: 4000 }).map((minutes) => minutes * MIN);

/** Events with non-negative gaps between them (applied in time order). */
export const scriptArb: fc.Arbitrary<ScriptEvent[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('state' as const),
      category: fc.constantFrom<StateCategory>('submitted', 'in_progress', 'waiting_on_customer', 'resolved'),
      gap,
    }),
    fc.record({ kind: fc.constant('target' as const), targetMs: target, gap }),
    fc.record({ kind: fc.constant('tightening' as const), factor: fc.constantFrom(null, 0.5, 0.8), gap }),
  ),
  { maxLength: 8 },
);

export const targetArb = target;
