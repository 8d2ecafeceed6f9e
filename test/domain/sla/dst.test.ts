/**
 * DST changes. Europe/Berlin 2026: clocks go 02:00 → 03:00 on Sun 29 March and 03:00 → 02:00 on Sun 25 October.
 * America/New_York 2026: 02:00 → 03:00 on Sun 8 March, 02:00 → 01:00 on Sun 1 November.
 */
import { addBusinessMs, businessMsBetween } from '../../../src/domain/sla/business-calendar';
import { everyDay, HOUR, local, MIN, sundays, wall, weekdays } from './fixtures';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const berlin = (iso: string) => wall(iso, BERLIN);
const ny = (iso: string) => wall(iso, NY);

describe('Europe/Berlin, spring forward', () => {
  const allDay = everyDay(BERLIN);

  it('a 24/7 Sunday is 23 h long', () => {
    expect(businessMsBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), allDay)).toBe(23 * HOUR);
    expect(businessMsBetween(berlin('2026-03-28T12:00'), berlin('2026-03-29T12:00'), allDay)).toBe(23 * HOUR);
  });

  it('24 h of 24/7 time from Saturday noon ends at 13:00 on Sunday', () => {
    expect(local(addBusinessMs(berlin('2026-03-28T12:00'), 24 * HOUR, allDay), BERLIN)).toBe('2026-03-29T13:00+02:00');
  });

  it('office hours are unaffected by a change over the weekend, but the instants move by an hour', () => {
    const office = weekdays(BERLIN);
    const due = addBusinessMs(berlin('2026-03-27T17:00'), 2 * HOUR, office);
    expect(local(due, BERLIN)).toBe('2026-03-30T10:00+02:00');
    expect(new Date(due).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(businessMsBetween(berlin('2026-03-23T00:00'), berlin('2026-03-30T00:00'), office)).toBe(45 * HOUR);
  });

  it('an interval spanning the jump counts real time: Sunday 01:00–05:00 is 3 h', () => {
    const night = sundays(BERLIN, [{ start: '01:00', end: '05:00' }]);
    expect(businessMsBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), night)).toBe(3 * HOUR);
    expect(local(addBusinessMs(berlin('2026-03-29T00:00'), 2 * HOUR, night), BERLIN)).toBe('2026-03-29T04:00+02:00');
  });

  it('a bound inside the skipped hour is the instant of the jump: 01:30–02:30 is 30 minutes', () => {
    const odd = sundays(BERLIN, [{ start: '01:30', end: '02:30' }]);
    expect(businessMsBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), odd)).toBe(30 * MIN);
    // A week earlier the same span is the full hour.
    expect(businessMsBetween(berlin('2026-03-22T00:00'), berlin('2026-03-23T00:00'), odd)).toBe(HOUR);
  });
});

describe('Europe/Berlin, fall back', () => {
  it('a 24/7 Sunday is 25 h long (the repeated hour is open twice)', () => {
    expect(businessMsBetween(berlin('2026-10-25T00:00'), berlin('2026-10-26T00:00'), everyDay(BERLIN))).toBe(25 * HOUR);
  });

  it('02:00–03:00 on the fall-back night is 2 h of real time', () => {
    const night = sundays(BERLIN, [{ start: '02:00', end: '03:00' }]);
    expect(businessMsBetween(berlin('2026-10-25T00:00'), berlin('2026-10-26T00:00'), night)).toBe(2 * HOUR);
  });

  it('a due time across the change keeps local opening hours', () => {
    const due = addBusinessMs(berlin('2026-10-23T17:00'), 2 * HOUR, weekdays(BERLIN));
    expect(local(due, BERLIN)).toBe('2026-10-26T10:00+01:00');
  });
});

describe('America/New_York', () => {
  const office = weekdays(NY, [{ start: '09:00', end: '17:00' }]);

  it('two weeks across the March change are 80 office hours', () => {
    expect(businessMsBetween(ny('2026-03-02T09:00'), ny('2026-03-16T09:00'), office)).toBe(80 * HOUR);
  });

  it('adding 80 office hours from Monday 09:00 lands on Friday 17:00 two weeks later, local time', () => {
    expect(local(addBusinessMs(ny('2026-03-02T09:00'), 80 * HOUR, office), NY)).toBe('2026-03-13T17:00-04:00');
  });

  it('a 24/7 Saturday→Sunday across the November change is 25 h', () => {
    expect(businessMsBetween(ny('2026-10-31T12:00'), ny('2026-11-01T12:00'), everyDay(NY))).toBe(25 * HOUR);
  });
});
