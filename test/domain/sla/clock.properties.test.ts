/** Properties of clocks driven by random event scripts, measured on random business hours. */
import fc from 'fast-check';
import { LADDER_STEPS, type LadderStep } from '../../../src/domain/model';
import { businessMeter, type TimeMeter } from '../../../src/domain/sla/business-calendar';
import { applyTicketState, applyTightening, changeTarget, startClock } from '../../../src/domain/sla/clock';
import type { ClockState } from '../../../src/domain/sla/clock-state';
import { evaluate } from '../../../src/domain/sla/evaluate';
import { dueLadderSteps } from '../../../src/domain/sla/ladder';
import { durationArb, instantArb, openHoursArb, type ScriptEvent, scriptArb, targetArb } from './arbitraries';
import { LADDER, policy } from './fixtures';

const RUNS = { numRuns: 150, seed: 20260329 };
const pausing = policy({ pauseStates: ['waiting_on_customer'] });

/** Applies a script from `start`; calls `beforeEach(now, clock)` before every event (the scheduler's chance to run). */
function play(start: number, targetMs: number, script: ScriptEvent[], beforeEach?: (now: number, clock: ClockState) => void) {
  let clock = startClock({ kind: 'resolution', ticketCreatedAt: start, targetMs, tightening: null, meterMode: 'business', now: start });
  let now = start;
  for (const event of script) {
    now += event.gap;
    beforeEach?.(now, clock);
    if (event.kind === 'state') clock = applyTicketState(clock, event.category, now, pausing);
    else if (event.kind === 'target') clock = changeTarget(clock, event.targetMs, now);
    else clock = applyTightening(clock, event.factor === null ? null : { factor: event.factor, reason: 'high-risk account' }, now);
  }
  return { clock, now };
}

describe('clock properties', () => {
  it('remaining never grows as time passes without events', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, targetArb, scriptArb, durationArb, durationArb, (hours, start, target, script, d1, d2) => {
        const meter = businessMeter(hours);
        const { clock, now } = play(start, target, script);
        const earlier = evaluate(clock, now + d1, meter);
        const later = evaluate(clock, now + d1 + d2, meter);
        expect(later.remainingMs).toBeLessThanOrEqual(earlier.remainingMs);
        if (clock.phase === 'running' && earlier.dueAt !== null) expect(later.dueAt).toBe(earlier.dueAt);
      }),
      RUNS,
    );
  });

  it('a pause consumes no budget, however long and whenever it ends', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, targetArb, scriptArb, durationArb, durationArb, (hours, start, target, script, d1, d2) => {
        const meter = businessMeter(hours);
        const { clock, now } = play(start, target, script);
        const paused = applyTicketState(clock, 'waiting_on_customer', now, pausing);
        const spentAtPause = evaluate(paused, now, meter).spentMs;
        expect(evaluate(paused, now + d1, meter).spentMs).toBe(spentAtPause);
        const resumed = applyTicketState(paused, 'in_progress', now + d1, pausing);
        expect(evaluate(resumed, now + d1, meter).spentMs).toBe(spentAtPause);
        expect(evaluate(resumed, now + d1 + d2, meter).spentMs).toBe(spentAtPause + meter.elapsed(now + d1, now + d1 + d2));
      }),
      RUNS,
    );
  });

  it('the due time is monotone in the target', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, targetArb, scriptArb, targetArb, targetArb, (hours, start, target, script, a, b) => {
        const meter = businessMeter(hours);
        const { clock, now } = play(start, target, script);
        fc.pre(clock.phase === 'running');
        const [small, large] = a <= b ? [a, b] : [b, a];
        const dueSmall = evaluate(changeTarget(clock, small, now), now, meter).dueAt;
        const dueLarge = evaluate(changeTarget(clock, large, now), now, meter).dueAt;
        expect(dueSmall).not.toBeNull();
        expect(dueSmall!).toBeLessThanOrEqual(dueLarge!);
      }),
      RUNS,
    );
  });

  it('ladder steps fire in order, at most once per cycle, never before they fall due', () => {
    fc.assert(
      fc.property(openHoursArb, instantArb, targetArb, scriptArb, durationArb, (hours, start, target, script, tail) => {
        const meter: TimeMeter = businessMeter(hours);
        const fired = new Map<number, { step: LadderStep; dueAt: number }[]>();
        const tick = (now: number, clock: ClockState) => {
          const inCycle = fired.get(clock.cycle) ?? [];
          const due = dueLadderSteps(
            clock,
            LADDER,
            inCycle.map((f) => f.step),
            now,
            meter,
          );
          for (const fire of due) expect(fire.dueAt).toBeLessThanOrEqual(now);
          fired.set(clock.cycle, [...inCycle, ...due]);
        };
        const { clock, now } = play(start, target, script, tick);
        tick(now + tail, clock);
        for (const fires of fired.values()) {
          const order = fires.map((f) => LADDER_STEPS.indexOf(f.step));
          expect(new Set(order).size).toBe(order.length);
          expect([...order].sort((x, y) => x - y)).toEqual(order);
          for (let i = 1; i < fires.length; i += 1) expect(fires[i]!.dueAt).toBeGreaterThanOrEqual(fires[i - 1]!.dueAt);
        }
      }),
      RUNS,
    );
  });
});
