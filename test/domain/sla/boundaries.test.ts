/**
 * The edges StrykerJS found unpinned (npm run mutate -- sla): the exact instant a clock breaches or turns at risk,
 * a budget used up exactly at the end of a closed run, a running clock on hours that never open, what a paused
 * or running evaluation reports, and a tightened clock's state read back from its JSON.
 */
import { calendarMeter, type TimeMeter } from '../../../src/domain/sla/business-calendar';
import { startClock } from '../../../src/domain/sla/clock';
import { type ClockState, parseClockState } from '../../../src/domain/sla/clock-state';
import { evaluate, instantWhenSpent } from '../../../src/domain/sla/evaluate';
import { ladderSchedule } from '../../../src/domain/sla/ladder';

const T0 = Date.UTC(2026, 10, 18, 9, 0);
const MIN = 60_000;
const TARGET = 100 * MIN;

function running(overrides: Partial<ClockState> = {}): ClockState {
  const clock = startClock({ kind: 'resolution', ticketCreatedAt: T0, targetMs: TARGET, tightening: null, meterMode: 'calendar', now: T0 });
  return { ...clock, ...overrides };
}

/** Hours that never open: no budget is ever spent, so nothing is ever due. */
const neverOpen: TimeMeter = { mode: 'business', elapsed: () => 0, addTo: () => Number.POSITIVE_INFINITY };

describe('evaluate at the edges', () => {
  it('is breached at the very instant the budget is used up, and due then', () => {
    const result = evaluate(running(), T0 + TARGET, calendarMeter);
    expect(result).toMatchObject({ status: 'breached', breachedAt: T0 + TARGET, dueAt: T0 + TARGET, remainingMs: 0 });
  });

  it('turns at risk exactly at the warn fraction, and is on track a millisecond before', () => {
    expect(evaluate(running(), T0 + 75 * MIN, calendarMeter).status).toBe('at_risk');
    expect(evaluate(running(), T0 + 75 * MIN - 1, calendarMeter).status).toBe('on_track');
    expect(evaluate(running(), T0 + 50 * MIN, calendarMeter, 0.5).status).toBe('at_risk');
  });

  it('gives a paused clock no due time, and a running one no pause', () => {
    const paused = running({
      runs: [{ from: T0, to: T0 + 10 * MIN }],
      phase: 'paused',
      pausedSince: T0 + 10 * MIN,
      pausedIn: 'waiting_on_customer',
    });
    expect(evaluate(paused, T0 + 20 * MIN, calendarMeter)).toMatchObject({
      status: 'paused',
      dueAt: null,
      pausedSince: T0 + 10 * MIN,
      pausedIn: 'waiting_on_customer',
    });
    expect(evaluate(running(), T0 + 20 * MIN, calendarMeter)).toMatchObject({ dueAt: T0 + TARGET, pausedSince: null, pausedIn: null });
  });

  it('has no due time when the hours never open, rather than an infinite one', () => {
    expect(evaluate(running(), T0 + 20 * MIN, neverOpen)).toMatchObject({ status: 'on_track', dueAt: null });
  });
});

describe('instantWhenSpent', () => {
  const runs = [
    { from: T0, to: T0 + 10 * MIN },
    { from: T0 + 20 * MIN, to: T0 + 30 * MIN },
    { from: T0 + 40 * MIN, to: null },
  ];

  it('ends inside the closed run that uses the budget up, counting what the earlier runs spent', () => {
    expect(instantWhenSpent(running({ runs }), 15 * MIN, calendarMeter)).toBe(T0 + 25 * MIN);
  });

  it('ends at the close of a run that uses the budget up exactly, not at the start of the next', () => {
    expect(instantWhenSpent(running({ runs }), 10 * MIN, calendarMeter)).toBe(T0 + 10 * MIN);
    expect(instantWhenSpent(running({ runs }), 20 * MIN, calendarMeter)).toBe(T0 + 30 * MIN);
  });
});

describe('ladderSchedule when the hours never open', () => {
  it('lists no step at all', () => {
    expect(ladderSchedule(running(), { warnAt: 0.75, escalateAt: 0.9 }, [], neverOpen)).toEqual([]);
  });
});

describe('the stored clock state', () => {
  it('reads back a tightened business clock as it was written', () => {
    const tightened = running({ meterMode: 'business', tightening: { factor: 0.5, reason: 'renewal in 30 days' } });
    expect(parseClockState(JSON.parse(JSON.stringify(tightened)))).toEqual(tightened);
  });

  it('reads back a paused and a stopped clock', () => {
    const closed = [{ from: T0, to: T0 + 5 * MIN }];
    const paused = running({ runs: closed, phase: 'paused', pausedSince: T0 + 5 * MIN, pausedIn: 'waiting_on_customer' });
    const stopped = running({ runs: closed, phase: 'stopped', stoppedAt: T0 + 5 * MIN, stoppedTargetMs: TARGET });
    for (const clock of [paused, stopped]) expect(parseClockState(JSON.parse(JSON.stringify(clock)))).toEqual(clock);
  });

  it('refuses a tightening that would lengthen the target or has no reason', () => {
    expect(() => parseClockState({ ...running(), tightening: { factor: 1.5, reason: 'x' } })).toThrow();
    expect(() => parseClockState({ ...running(), tightening: { factor: 0.5, reason: '' } })).toThrow();
    expect(() => parseClockState({ ...running(), tightening: { factor: 0.5, reason: 'r'.repeat(201) } })).toThrow();
  });
});
