import { businessMeter, calendarMeter } from '../../../src/domain/sla/business-calendar';
import { applyTicketState, applyTightening, changeTarget, startClock } from '../../../src/domain/sla/clock';
import { dueLadderSteps, ladderFractions, nextLadderStep } from '../../../src/domain/sla/ladder';
import { HOUR, LADDER, MIN, policy, wall, weekdays } from './fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const pausing = policy({ pauseStates: ['waiting_on_customer'] });
const m = (minutes: number) => T0 + minutes * MIN;
const clock100 = () =>
  startClock({ kind: 'resolution', ticketCreatedAt: T0, targetMs: 100 * MIN, tightening: null, meterMode: 'calendar', now: T0 });
const next = (clock: ReturnType<typeof clock100>, fired: ('warn' | 'escalate' | 'breach')[] = []) =>
  nextLadderStep(clock, LADDER, fired, calendarMeter);

describe('nextLadderStep', () => {
  it('walks warn → escalate → breach at 75 / 90 / 100 % of the target, then nothing', () => {
    const clock = clock100();
    expect(next(clock)).toEqual({ step: 'warn', dueAt: m(75) });
    expect(next(clock, ['warn'])).toEqual({ step: 'escalate', dueAt: m(90) });
    expect(next(clock, ['warn', 'escalate'])).toEqual({ step: 'breach', dueAt: m(100) });
    expect(next(clock, ['warn', 'escalate', 'breach'])).toBeNull();
  });

  it('a pause pushes every step back by its length', () => {
    let clock = applyTicketState(clock100(), 'waiting_on_customer', m(60), pausing);
    expect(next(clock)).toBeNull();
    clock = applyTicketState(clock, 'in_progress', m(100), pausing);
    expect(next(clock)).toEqual({ step: 'warn', dueAt: m(115) });
  });

  it('while paused, only a step that fell due before the pause is returned', () => {
    const clock = applyTicketState(clock100(), 'waiting_on_customer', m(80), pausing);
    expect(next(clock)).toEqual({ step: 'warn', dueAt: m(75) });
    expect(next(clock, ['warn'])).toBeNull();
  });

  it('a stopped clock schedules nothing, even with steps unfired', () => {
    const clock = applyTicketState(clock100(), 'resolved', m(95), pausing);
    expect(next(clock)).toBeNull();
    expect(dueLadderSteps(clock, LADDER, [], m(200), calendarMeter)).toEqual([]);
  });

  it('reopening keeps the cycle: a step fired before resolving does not fire again', () => {
    let clock = applyTicketState(clock100(), 'resolved', m(80), pausing);
    clock = applyTicketState(clock, 'in_progress', m(200), pausing);
    expect(clock.cycle).toBe(0);
    expect(next(clock, ['warn'])).toEqual({ step: 'escalate', dueAt: m(210) });
  });

  it('respects business hours: 75 % of 4 h from Friday 16:00 in Berlin falls on Monday 10:00', () => {
    const start = wall('2026-01-09T16:00', 'Europe/Berlin');
    const clock = startClock({
      kind: 'resolution',
      ticketCreatedAt: start,
      targetMs: 4 * HOUR,
      tightening: null,
      meterMode: 'business',
      now: start,
    });
    const fire = nextLadderStep(clock, LADDER, [], businessMeter(weekdays('Europe/Berlin')));
    expect(fire).toEqual({ step: 'warn', dueAt: wall('2026-01-12T10:00', 'Europe/Berlin') });
  });
});

describe('dueLadderSteps (catch-up after downtime)', () => {
  it('returns every step that fell due, in order, with its original due time', () => {
    expect(dueLadderSteps(clock100(), LADDER, [], m(120), calendarMeter)).toEqual([
      { step: 'warn', dueAt: m(75) },
      { step: 'escalate', dueAt: m(90) },
      { step: 'breach', dueAt: m(100) },
    ]);
    expect(dueLadderSteps(clock100(), LADDER, ['warn'], m(95), calendarMeter)).toEqual([{ step: 'escalate', dueAt: m(90) }]);
    expect(dueLadderSteps(clock100(), LADDER, [], m(70), calendarMeter)).toEqual([]);
  });
});

describe('target changes and the ladder', () => {
  it('a raise that jumps past thresholds makes them due at the raise, not in the past', () => {
    const clock = changeTarget(clock100(), 60 * MIN, m(50));
    expect(dueLadderSteps(clock, LADDER, [], m(50), calendarMeter)).toEqual([{ step: 'warn', dueAt: m(50) }]);
    expect(next(clock, ['warn'])).toEqual({ step: 'escalate', dueAt: m(54) });
  });

  it('tightening behaves like a raise', () => {
    const clock = applyTightening(clock100(), { factor: 0.5, reason: 'high-risk account' }, m(40));
    expect(dueLadderSteps(clock, LADDER, [], m(40), calendarMeter)).toEqual([{ step: 'warn', dueAt: m(40) }]);
    expect(next(clock, ['warn'])).toEqual({ step: 'escalate', dueAt: m(45) });
  });

  it('a lowered priority starts a new cycle that re-arms the steps the clock fell back below', () => {
    // At 95 min warn and escalate have fired (cycle 0). 200 min target: 47.5 %, so all three are ahead again.
    const clock = changeTarget(clock100(), 200 * MIN, m(95));
    expect(clock.cycle).toBe(1);
    expect(next(clock)).toEqual({ step: 'warn', dueAt: m(150) });
  });

  it('in the new cycle, steps the clock is still past are carried, not repeated', () => {
    // 120 min target at 95 min: 79 %, past warn (90 min) but not escalate (108 min).
    const clock = changeTarget(clock100(), 120 * MIN, m(95));
    expect(next(clock)).toEqual({ step: 'escalate', dueAt: m(108) });
    expect(dueLadderSteps(clock, LADDER, [], m(100), calendarMeter)).toEqual([]);
  });
});

describe('ladderFractions', () => {
  it('keeps the steps in order when escalateAt is configured below warnAt', () => {
    expect(ladderFractions({ warnAt: 0.8, escalateAt: 0.5 }).map((s) => s.fraction)).toEqual([0.8, 0.8, 1]);
  });
});
