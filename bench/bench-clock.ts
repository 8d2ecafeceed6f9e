/**
 * The benchmark's notion of "now". Seeded clocks, the fake Intercom and the app all agree on it, and it is a
 * Wednesday at 10:00 UTC whatever day the benchmark runs: business-hour SLA clocks are running, so the
 * figures do not depend on the weekday. Time still moves (an offset from the real clock, not a frozen one).
 */
import { OffsetClock } from '../src/util/clock';

export const BENCH_NOW = Date.UTC(2026, 10, 18, 10, 0, 0);

/** A clock `offsetMs` ahead of (or behind) real time; processes given the same offset share one timeline. */
export function offsetClock(offsetMs: number): OffsetClock {
  const clock = new OffsetClock();
  clock.advance(offsetMs);
  return clock;
}
