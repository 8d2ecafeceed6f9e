/**
 * `dayOf` guesses an instant's local day from the last offset it saw and confirms the guess against the day's
 * resolved window. Whatever order instants come in (a clock walks forward, then the next clock starts years
 * earlier, across DST changes and half-hour zones), it must give the day plain offset arithmetic gives.
 */
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { compileHours, DAY_MS, dayOf, dayWindow } from '../../../src/domain/sla/business-days';
import { businessHoursArb, ZONES } from './arbitraries';

const MINUTE = 60_000;
const plainDay = (zone: string, t: number) => Math.floor((t + IANAZone.create(zone).offset(t) * MINUTE) / DAY_MS);

/** Instants within a day of 2026's DST changes in Berlin, New York and Lord Howe, and anywhere in 2025–2027. */
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
  fc
    .constantFrom(
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(2026, 9, 25, 1),
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
      Date.UTC(2026, 3, 4, 15),
    )
    .chain((change) => fc.integer({ min: change - DAY_MS, max: change + DAY_MS })),
);

it('gives the local day plain offset arithmetic gives, in any order, with the day windows cached or not', () => {
  fc.assert(
    fc.property(
      businessHoursArb,
      fc.constantFrom(...ZONES),
      fc.array(fc.tuple(instantArb, fc.boolean()), { minLength: 1, maxLength: 40 }),
      (hours, zone, instants) => {
        const compiled = compileHours({ ...hours, timezone: zone });
        for (const [t, resolveWindowFirst] of instants) {
          // Resolving the window of a neighbouring day puts a cached window next to the guess.
          if (resolveWindowFirst) dayWindow(compiled, plainDay(zone, t) + (t % 2 === 0 ? 0 : -1));
          expect(dayOf(compiled, t)).toBe(plainDay(zone, t));
        }
      },
    ),
    { numRuns: 300 },
  );
});

it('near local midnights, with the windows of the days either side already resolved', () => {
  const first = Math.floor(Date.UTC(2025, 0, 1) / DAY_MS);
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.array(fc.tuple(fc.integer({ min: first, max: first + 3 * 365 }), fc.integer({ min: -150, max: 150 })), {
        minLength: 2,
        maxLength: 30,
      }),
      (zone, points) => {
        const compiled = compileHours({ ...fc.sample(businessHoursArb, { numRuns: 1, seed: 1 })[0]!, timezone: zone });
        for (const [day, minutes] of points) {
          for (const d of [day - 1, day, day + 1]) dayWindow(compiled, d);
          const t = dayWindow(compiled, day).start + minutes * MINUTE;
          expect(dayOf(compiled, t)).toBe(plainDay(zone, t));
        }
      },
    ),
    { numRuns: 300 },
  );
});

it('exactly at a day boundary and a millisecond before it', () => {
  const compiled = compileHours({ ...fc.sample(businessHoursArb, { numRuns: 1, seed: 3 })[0]!, timezone: 'Europe/Berlin' });
  for (const day of [20_541, 20_541 + 207, 20_541 + 208]) {
    const { start } = dayWindow(compiled, day);
    expect([dayOf(compiled, start), dayOf(compiled, start - 1)]).toEqual([day, day - 1]);
  }
});
