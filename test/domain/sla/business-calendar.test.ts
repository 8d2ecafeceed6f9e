import { addBusinessMs, businessMeter, businessMsBetween, calendarMeter } from '../../../src/domain/sla/business-calendar';
import { HOUR, local, MIN, wall, weekdays } from './fixtures';

const BERLIN = 'Europe/Berlin';
const berlin = (iso: string) => wall(iso, BERLIN);
const office = weekdays(BERLIN);

describe('businessMsBetween', () => {
  it('skips the night: Mon 17:00 → Tue 10:00 is 2 h', () => {
    expect(businessMsBetween(berlin('2026-01-05T17:00'), berlin('2026-01-06T10:00'), office)).toBe(2 * HOUR);
  });

  it('skips the weekend: Fri 17:00 → Mon 10:00 is 2 h', () => {
    expect(businessMsBetween(berlin('2026-01-09T17:00'), berlin('2026-01-12T10:00'), office)).toBe(2 * HOUR);
  });

  it('skips holidays (local dates)', () => {
    const withHoliday = weekdays(BERLIN, undefined, ['2026-01-12']);
    expect(businessMsBetween(berlin('2026-01-09T17:00'), berlin('2026-01-13T10:00'), withHoliday)).toBe(2 * HOUR);
  });

  it('counts nothing inside closed hours and never goes negative', () => {
    expect(businessMsBetween(berlin('2026-01-10T09:00'), berlin('2026-01-11T20:00'), office)).toBe(0);
    expect(businessMsBetween(berlin('2026-01-06T12:00'), berlin('2026-01-05T12:00'), office)).toBe(0);
  });

  it('counts a whole regular week as its nominal 45 h, and 52 of them as 52 × 45 h across both DST changes', () => {
    const monday = berlin('2026-01-05T00:00');
    expect(businessMsBetween(monday, berlin('2026-01-12T00:00'), office)).toBe(45 * HOUR);
    expect(businessMsBetween(monday, berlin('2027-01-04T00:00'), office)).toBe(52 * 45 * HOUR);
  });

  it('merges overlapping spans and ignores a span that ends before it starts', () => {
    const odd = weekdays(BERLIN, [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '14:00' },
      { start: '22:00', end: '06:00' },
    ]);
    expect(businessMsBetween(berlin('2026-01-05T00:00'), berlin('2026-01-06T00:00'), odd)).toBe(5 * HOUR);
  });

  it('reads 24:00 as the end of the day, so 20:00–24:00 then 00:00–02:00 runs through midnight', () => {
    const late = weekdays(BERLIN, [
      { start: '00:00', end: '02:00' },
      { start: '20:00', end: '24:00' },
    ]);
    expect(businessMsBetween(berlin('2026-01-05T23:00'), berlin('2026-01-06T01:30'), late)).toBe(2.5 * HOUR);
  });
});

describe('addBusinessMs', () => {
  it('carries over the night and the weekend', () => {
    expect(local(addBusinessMs(berlin('2026-01-05T17:00'), 2 * HOUR, office), BERLIN)).toBe('2026-01-06T10:00+01:00');
    expect(local(addBusinessMs(berlin('2026-01-09T17:00'), 2 * HOUR, office), BERLIN)).toBe('2026-01-12T10:00+01:00');
  });

  it('starts counting at opening time when started while closed', () => {
    expect(local(addBusinessMs(berlin('2026-01-10T15:00'), 30 * MIN, office), BERLIN)).toBe('2026-01-12T09:30+01:00');
  });

  it('lands on closing time, not the next opening, when the budget ends exactly at close', () => {
    expect(local(addBusinessMs(berlin('2026-01-05T09:00'), 9 * HOUR, office), BERLIN)).toBe('2026-01-05T18:00+01:00');
    expect(local(addBusinessMs(berlin('2026-01-05T00:00'), 45 * HOUR, office), BERLIN)).toBe('2026-01-09T18:00+01:00');
  });

  it('jumps over a holiday', () => {
    const withHoliday = weekdays(BERLIN, undefined, ['2026-01-12']);
    expect(local(addBusinessMs(berlin('2026-01-09T17:00'), 2 * HOUR, withHoliday), BERLIN)).toBe('2026-01-13T10:00+01:00');
  });

  it('returns the start for a zero or negative budget, even while closed', () => {
    const saturday = berlin('2026-01-10T12:00');
    expect(addBusinessMs(saturday, 0, office)).toBe(saturday);
    expect(addBusinessMs(saturday, -5 * MIN, office)).toBe(saturday);
  });

  it('returns Infinity (never) when the week has no open hours, instead of looping', () => {
    const closed = weekdays(BERLIN, []);
    expect(addBusinessMs(berlin('2026-01-05T09:00'), MIN, closed)).toBe(Infinity);
    expect(businessMsBetween(berlin('2026-01-05T09:00'), berlin('2026-02-05T09:00'), closed)).toBe(0);
  });

  it('handles the largest target the settings allow (a year of business time) with whole-week steps', () => {
    const start = berlin('2026-01-05T09:00');
    const hours = weekdays(BERLIN, undefined, ['2026-12-25', '2027-12-24']);
    const due = addBusinessMs(start, 525_600 * MIN, hours);
    // 8760 h plus two 9 h holidays = 195 weeks of 45 h and 3 h more: Monday 1 Oct 2029, 12:00.
    expect(local(due, BERLIN)).toBe('2029-10-01T12:00+02:00');
    expect(businessMsBetween(start, due, hours)).toBe(525_600 * MIN);
  });

  it('rejects an unknown time zone and a non-finite start', () => {
    expect(() => addBusinessMs(0, HOUR, weekdays('Mars/Olympus'))).toThrow(RangeError);
    expect(() => businessMsBetween(Number.NaN, 0, office)).toThrow(RangeError);
  });
});

describe('meters', () => {
  it('calendar meter counts every ms and never goes negative', () => {
    expect(calendarMeter.elapsed(1_000, 61_000)).toBe(60_000);
    expect(calendarMeter.elapsed(61_000, 1_000)).toBe(0);
    expect(calendarMeter.addTo(1_000, 60_000)).toBe(61_000);
    expect(calendarMeter.addTo(1_000, -1)).toBe(1_000);
  });

  it('business meter delegates to the business calendar', () => {
    const meter = businessMeter(office);
    expect(meter.mode).toBe('business');
    expect(meter.elapsed(berlin('2026-01-09T17:00'), berlin('2026-01-12T10:00'))).toBe(2 * HOUR);
    expect(meter.addTo(berlin('2026-01-09T17:00'), 2 * HOUR)).toBe(berlin('2026-01-12T10:00'));
  });
});
