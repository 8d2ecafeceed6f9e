/** Properties of the business calendar over random hours in zones with DST (including Lord Howe's 30-minute shift). */
import fc from 'fast-check';
import { addBusinessMs, businessMsBetween } from '../../../src/domain/sla/business-calendar';
import { compileHours, dayOf, dayWindow } from '../../../src/domain/sla/business-days';
import type { BusinessHours } from '../../../src/domain/settings';
import { businessHoursArb, durationArb, instantArb, openHoursArb } from './arbitraries';

const RUNS = { numRuns: 200, seed: 20260105 };

/** The obvious walk, one local day at a time and no week skipping: the reference the fast walk must agree with. */
function dayByDay(from: number, to: number, hours: BusinessHours): number {
  const c = compileHours(hours);
  let total = 0;
  for (let day = dayOf(c, from); to > from; day += 1) {
    const window = dayWindow(c, day);
    for (const [start, end] of window.open) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    if (window.end >= to) break;
  }
  return total;
}

describe('business calendar properties', () => {
  it('addBusinessMs and businessMsBetween are inverse', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, durationArb, (hours, start, ms) => {
        const due = addBusinessMs(start, ms, hours);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(businessMsBetween(start, due, hours)).toBe(ms);
      }),
      RUNS,
    );
  });

  it('addBusinessMs finds the earliest instant: adding what elapsed up to t lands at or before t', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, durationArb, (hours, start, span) => {
        const elapsed = businessMsBetween(start, start + span, hours);
        const back = addBusinessMs(start, elapsed, hours);
        expect(back).toBeLessThanOrEqual(start + span);
        expect(businessMsBetween(start, back, hours)).toBe(elapsed);
      }),
      RUNS,
    );
  });

  it('skipping whole weeks agrees with walking day by day', () => {
    fc.assert(
      fc.property(businessHoursArb, instantArb, durationArb, (hours, from, span) => {
        expect(businessMsBetween(from, from + span, hours)).toBe(dayByDay(from, from + span, hours));
      }),
      RUNS,
    );
  });

  it('is additive over adjacent spans and never exceeds calendar time', () => {
    fc.assert(
      fc.property(businessHoursArb, instantArb, durationArb, durationArb, (hours, a, d1, d2) => {
        const whole = businessMsBetween(a, a + d1 + d2, hours);
        expect(whole).toBe(businessMsBetween(a, a + d1, hours) + businessMsBetween(a + d1, a + d1 + d2, hours));
        expect(whole).toBeLessThanOrEqual(d1 + d2);
      }),
      RUNS,
    );
  });
});
