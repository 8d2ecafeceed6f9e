/**
 * The summary's absolute times are formatted by hand from luxon's offset (time.ts) instead of by luxon's formatter.
 * These tests hold the hand formatting to luxon's own output, byte for byte, around real offset changes (DST,
 * half-hour and 45-minute zones, historic second-precision offsets) and at the edges of luxon's range.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatAbsolute, formatDate, zoned } from '../../../src/domain/summary/time';

/** What time.ts did before: luxon end to end. */
function luxonAbsolute(ms: number, timezone: string): string {
  const zone = DateTime.fromMillis(0, { zone: timezone }).isValid ? timezone : 'UTC';
  const dt = DateTime.fromMillis(ms, { zone, locale: 'en-US' });
  const base = dt.toFormat('LLL d, yyyy, HH:mm');
  return zone === 'UTC' ? `${base} UTC` : `${base} ${zone} (UTC${dt.toFormat('ZZ')})`;
}

function luxonDate(ms: number, timezone: string): string {
  const zone = DateTime.fromMillis(0, { zone: timezone }).isValid ? timezone : 'UTC';
  return DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('LLL d, yyyy');
}

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns', // -03:30, DST to -02:30
  'Australia/Lord_Howe', // +10:30, a 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Apia', // skipped a whole day in 2011
  'Europe/Dublin', // -00:25:21 until 1916: an offset in fractional minutes
  'Africa/Monrovia', // -00:44:30 until 1972
  'Etc/GMT+5',
  'Mars/Olympus', // not a zone: UTC
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instants where a zone's offset changes within [from, to): daily scan, then bisection to the millisecond. */
function transitions(timezone: string, from: number, to: number): number[] {
  const rule = zoned(timezone).rule;
  const found: number[] = [];
  for (let t = from; t + DAY <= to; t += DAY) {
    if (rule.offset(t) === rule.offset(t + DAY)) continue;
    let [lo, hi] = [t, t + DAY];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (rule.offset(mid) === rule.offset(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

const NEAR = [-HOUR, -60_001, -1001, -1000, -999, -1, 0, 1, 999, 1000, 60_000, HOUR];

describe('summary time formatting', () => {
  it('resolves a zone once and falls back to UTC for an unknown one', () => {
    expect(zoned('Europe/Berlin')).toBe(zoned('Europe/Berlin'));
    expect(zoned('Mars/Olympus').zone).toBe('UTC');
  });

  it('formats like luxon around every offset change, recent and historic', () => {
    const spans: [number, number][] = [
      [Date.UTC(2010, 0, 1), Date.UTC(2012, 0, 1)],
      [Date.UTC(2025, 0, 1), Date.UTC(2027, 0, 1)],
      [Date.UTC(1915, 0, 1), Date.UTC(1917, 0, 1)],
      [Date.UTC(1882, 0, 1), Date.UTC(1884, 0, 1)],
      [Date.UTC(1971, 0, 1), Date.UTC(1973, 0, 1)],
    ];
    let checked = 0;
    for (const timezone of ZONES) {
      const tz = zoned(timezone);
      for (const [from, to] of spans) {
        for (const at of transitions(timezone, from, to)) {
          for (const delta of NEAR) {
            expect(formatAbsolute(at + delta, tz)).toBe(luxonAbsolute(at + delta, timezone));
            expect(formatDate(at + delta, tz)).toBe(luxonDate(at + delta, timezone));
            checked++;
          }
        }
      }
    }
    // The zones above change offset dozens of times in these spans; an empty scan would prove nothing.
    expect(checked).toBeGreaterThan(800);
  });

  it('formats like luxon at any instant, including fractions of a millisecond and far years', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }),
      fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
      fc.integer({ min: -62_200_000_000_000, max: -62_000_000_000_000 }), // around year 0
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (timezone, ms) => {
        const tz = zoned(timezone);
        expect(formatAbsolute(ms, tz)).toBe(luxonAbsolute(ms, timezone));
        expect(formatDate(ms, tz)).toBe(luxonDate(ms, timezone));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers as luxon does where luxon has no date (out of range, NaN)', () => {
    for (const ms of [Number.NaN, 8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, Number.POSITIVE_INFINITY]) {
      for (const timezone of ['UTC', 'Pacific/Chatham', 'America/St_Johns']) {
        expect(formatAbsolute(ms, zoned(timezone))).toBe(luxonAbsolute(ms, timezone));
        expect(formatDate(ms, zoned(timezone))).toBe(luxonDate(ms, timezone));
      }
    }
  });
});
