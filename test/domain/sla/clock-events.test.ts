/** Event delivery: duplicates, out-of-order timestamps, the response clock, and clocks measured in business hours. */
import { businessMeter, calendarMeter } from '../../../src/domain/sla/business-calendar';
import { applyTicketState, applyTightening, changeTarget, markFirstResponse, startClock } from '../../../src/domain/sla/clock';
import type { ClockState } from '../../../src/domain/sla/clock-state';
import { evaluate } from '../../../src/domain/sla/evaluate';
import { HOUR, MIN, policy, wall, weekdays } from './fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const pausing = policy({ pauseStates: ['waiting_on_customer'] });

function clockOf(kind: 'response' | 'resolution', targetMs: number, start = T0, meterMode: 'business' | 'calendar' = 'calendar') {
  return startClock({ kind, ticketCreatedAt: start, targetMs, tightening: null, meterMode, now: start });
}

describe('duplicates and out-of-order events', () => {
  it('applying the same event twice is the same as once', () => {
    const once = applyTicketState(clockOf('resolution', 8 * HOUR), 'waiting_on_customer', T0 + HOUR, pausing);
    expect(applyTicketState(once, 'waiting_on_customer', T0 + HOUR, pausing)).toEqual(once);
    const retargeted = changeTarget(once, 4 * HOUR, T0 + 2 * HOUR);
    expect(changeTarget(retargeted, 4 * HOUR, T0 + 2 * HOUR)).toEqual(retargeted);
    const tight = applyTightening(once, { factor: 0.5, reason: 'high-risk account' }, T0 + 2 * HOUR);
    expect(applyTightening(tight, { factor: 0.5, reason: 'high-risk account' }, T0 + 2 * HOUR)).toEqual(tight);
  });

  it('ignores a state event older than the last one applied, so spent time is not rewritten', () => {
    let clock = applyTicketState(clockOf('resolution', 8 * HOUR), 'waiting_on_customer', T0 + 3 * HOUR, pausing);
    const before = clock;
    // A delayed "in progress" from 2 h ago: the ticket has been waiting on the customer since, so nothing changes.
    clock = applyTicketState(clock, 'in_progress', T0 + 2 * HOUR, pausing);
    expect(clock).toBe(before);
    expect(evaluate(clock, T0 + 5 * HOUR, calendarMeter)).toMatchObject({ status: 'paused', spentMs: 3 * HOUR });
  });

  it('keeps separate watermarks per stream: a priority change is not lost behind a newer state change', () => {
    let clock = applyTicketState(clockOf('resolution', 8 * HOUR), 'in_progress', T0 + 3 * HOUR, pausing);
    clock = changeTarget(clock, 4 * HOUR, T0 + 2 * HOUR);
    expect(clock.baseTargetMs).toBe(4 * HOUR);
    // ...but an older priority change than the last one applied is ignored.
    expect(changeTarget(clock, 16 * HOUR, T0 + HOUR).baseTargetMs).toBe(4 * HOUR);
  });

  it('reads an event stamped before the ticket existed as happening at its creation', () => {
    const clock = applyTicketState(clockOf('resolution', 8 * HOUR), 'waiting_on_customer', T0 - HOUR, pausing);
    expect(clock.pausedSince).toBe(T0);
    expect(evaluate(clock, T0 + HOUR, calendarMeter).spentMs).toBe(0);
  });
});

describe('response clock', () => {
  it('stops at the first response: met when in time, breached (late) when not', () => {
    const met = markFirstResponse(clockOf('response', HOUR), T0 + 20 * MIN);
    expect(evaluate(met, T0 + 5 * HOUR, calendarMeter)).toMatchObject({ status: 'met', spentMs: 20 * MIN, stoppedAt: T0 + 20 * MIN });
    const late = markFirstResponse(clockOf('response', HOUR), T0 + 90 * MIN);
    expect(evaluate(late, T0 + 5 * HOUR, calendarMeter)).toMatchObject({ status: 'breached', breachedAt: T0 + HOUR });
  });

  it('leaving submitted is a first response; staying submitted is not', () => {
    const still = applyTicketState(clockOf('response', HOUR), 'submitted', T0 + 10 * MIN, pausing);
    expect(still.phase).toBe('running');
    const moved = applyTicketState(still, 'waiting_on_customer', T0 + 30 * MIN, pausing);
    expect(evaluate(moved, T0 + 2 * HOUR, calendarMeter)).toMatchObject({ status: 'met', spentMs: 30 * MIN });
  });

  it('the earliest first action wins, even when it arrives last', () => {
    let clock = applyTicketState(clockOf('response', HOUR), 'in_progress', T0 + 90 * MIN, pausing);
    clock = markFirstResponse(clock, T0 + 40 * MIN);
    clock = markFirstResponse(clock, T0 + 50 * MIN);
    expect(evaluate(clock, T0 + 3 * HOUR, calendarMeter)).toMatchObject({ status: 'met', spentMs: 40 * MIN, stoppedAt: T0 + 40 * MIN });
  });

  it('is not restarted by a reopen, and a first response does not touch a resolution clock', () => {
    let clock = markFirstResponse(clockOf('response', HOUR), T0 + 10 * MIN);
    clock = applyTicketState(clock, 'resolved', T0 + HOUR, pausing);
    clock = applyTicketState(clock, 'in_progress', T0 + 2 * HOUR, pausing);
    expect(clock.phase).toBe('stopped');
    const resolutionClock = clockOf('resolution', HOUR);
    expect(markFirstResponse(resolutionClock, T0 + MIN)).toBe(resolutionClock);
  });
});

describe('business-hour clocks (Berlin, 09:00–18:00 weekdays)', () => {
  const BERLIN = 'Europe/Berlin';
  const meter = businessMeter(weekdays(BERLIN));
  const berlin = (iso: string) => wall(iso, BERLIN);
  const friday = (hhmm: string) => berlin(`2026-01-09T${hhmm}`);
  const start = (): ClockState => clockOf('resolution', 4 * HOUR, friday('16:00'), 'business');

  it('a running clock over the weekend spends nothing while closed', () => {
    expect(evaluate(start(), berlin('2026-01-12T10:00'), meter)).toMatchObject({ spentMs: 3 * HOUR, dueAt: berlin('2026-01-12T11:00') });
  });

  it('a pause across closed hours removes only the open time it covers', () => {
    let clock = applyTicketState(start(), 'waiting_on_customer', friday('17:00'), pausing);
    clock = applyTicketState(clock, 'in_progress', berlin('2026-01-12T10:00'), pausing);
    // Friday 16–17 and Monday from 10:00: 1 h spent at 10:00, due at 13:00 (Monday 09–10 was paused).
    expect(evaluate(clock, berlin('2026-01-12T10:00'), meter)).toMatchObject({ spentMs: HOUR, dueAt: berlin('2026-01-12T13:00') });
  });

  it('a pause entirely inside closed hours changes nothing', () => {
    let clock = applyTicketState(start(), 'waiting_on_customer', berlin('2026-01-10T10:00'), pausing);
    clock = applyTicketState(clock, 'in_progress', berlin('2026-01-11T10:00'), pausing);
    expect(evaluate(clock, berlin('2026-01-12T10:00'), meter)).toMatchObject({ spentMs: 3 * HOUR, dueAt: berlin('2026-01-12T11:00') });
  });

  it('a breach read on a closed weekend reports when it breached', () => {
    const e = evaluate(start(), berlin('2026-01-17T12:00'), meter);
    expect(e).toMatchObject({ status: 'breached', breachedAt: berlin('2026-01-12T11:00'), dueAt: berlin('2026-01-12T11:00') });
    expect(e.remainingMs).toBe(4 * HOUR - e.spentMs);
  });
});
