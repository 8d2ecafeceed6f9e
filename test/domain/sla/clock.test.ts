import { calendarMeter } from '../../../src/domain/sla/business-calendar';
import { applyTicketState, applyTightening, changeTarget, startClock } from '../../../src/domain/sla/clock';
import { parseClockState, readShownClockState } from '../../../src/domain/sla/clock-state';
import { evaluate } from '../../../src/domain/sla/evaluate';
import { HOUR, MIN, policy } from './fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const pausing = policy({ pauseStates: ['waiting_on_customer'] });
const twoPauseStates = policy({ pauseStates: ['waiting_on_customer', 'submitted'] });

function resolution(targetMs = 8 * HOUR) {
  return startClock({ kind: 'resolution', ticketCreatedAt: T0, targetMs, tightening: null, meterMode: 'calendar', now: T0 });
}

const at = (clock: ReturnType<typeof resolution>, now: number) => evaluate(clock, now, calendarMeter);

describe('startClock', () => {
  it('starts running at the ticket creation, with a due time one target later', () => {
    const e = at(resolution(), T0 + 2 * HOUR);
    expect(e).toMatchObject({ status: 'on_track', spentMs: 2 * HOUR, remainingMs: 6 * HOUR, dueAt: T0 + 8 * HOUR, fraction: 0.25 });
  });

  it('never starts in the future when the ticket time is ahead of our clock', () => {
    const clock = startClock({
      kind: 'resolution',
      ticketCreatedAt: T0 + MIN,
      targetMs: HOUR,
      tightening: null,
      meterMode: 'calendar',
      now: T0,
    });
    expect(clock.startedAt).toBe(T0);
  });

  it('is plain versioned JSON that parses back to the same clock', () => {
    const clock = applyTicketState(resolution(), 'waiting_on_customer', T0 + HOUR, pausing);
    const restored = parseClockState(JSON.parse(JSON.stringify(clock)));
    expect(restored).toEqual(clock);
    expect(restored.v).toBe(1);
    expect(() => parseClockState({ ...clock, v: 2 })).toThrow();
  });

  it('is read for showing by its version and kind alone; another format goes through the full schema and fails there', () => {
    const stored = JSON.parse(JSON.stringify(applyTicketState(resolution(), 'waiting_on_customer', T0 + HOUR, pausing)));
    expect(readShownClockState(stored)).toBe(stored);
    expect(() => readShownClockState({ ...stored, v: 2 })).toThrow(/v/);
    expect(() => readShownClockState({ ...stored, kind: 'first_reply' })).toThrow(/kind/);
    expect(() => readShownClockState({ ...stored, runs: undefined })).toThrow(/runs/);
    expect(() => readShownClockState(null)).toThrow();
  });
});

describe('pause and resume', () => {
  it('consumes no budget while waiting on the customer, and the due time moves by the pause', () => {
    const paused = applyTicketState(resolution(), 'waiting_on_customer', T0 + 2 * HOUR, pausing);
    expect(at(paused, T0 + 5 * HOUR)).toMatchObject({
      status: 'paused',
      spentMs: 2 * HOUR,
      dueAt: null,
      pausedSince: T0 + 2 * HOUR,
      pausedIn: 'waiting_on_customer',
    });
    const resumed = applyTicketState(paused, 'in_progress', T0 + 5 * HOUR, pausing);
    expect(at(resumed, T0 + 6 * HOUR)).toMatchObject({ status: 'on_track', spentMs: 3 * HOUR, dueAt: T0 + 11 * HOUR, pausedSince: null });
  });

  it('moving between two paused states keeps the first pause start and counts nothing twice', () => {
    let clock = applyTicketState(resolution(), 'waiting_on_customer', T0 + HOUR, twoPauseStates);
    clock = applyTicketState(clock, 'submitted', T0 + 2 * HOUR, twoPauseStates);
    expect(at(clock, T0 + 3 * HOUR)).toMatchObject({ spentMs: HOUR, pausedSince: T0 + HOUR, pausedIn: 'submitted' });
    clock = applyTicketState(clock, 'in_progress', T0 + 3 * HOUR, twoPauseStates);
    expect(at(clock, T0 + 4 * HOUR).spentMs).toBe(2 * HOUR);
    expect(clock.runs).toEqual([
      { from: T0, to: T0 + HOUR },
      { from: T0 + 3 * HOUR, to: null },
    ]);
  });

  it('does not pause in states the policy does not list', () => {
    const noPause = policy({ pauseStates: [] });
    const clock = applyTicketState(resolution(), 'waiting_on_customer', T0 + HOUR, noPause);
    expect(at(clock, T0 + 3 * HOUR)).toMatchObject({ status: 'on_track', spentMs: 3 * HOUR });
  });
});

describe('resolve and reopen', () => {
  it('stops at resolved as met, and stays met however late it is read', () => {
    const done = applyTicketState(resolution(), 'resolved', T0 + 3 * HOUR, pausing);
    expect(at(done, T0 + 100 * HOUR)).toMatchObject({ status: 'met', spentMs: 3 * HOUR, stoppedAt: T0 + 3 * HOUR, dueAt: null });
  });

  it('a ticket resolved after its breach stays breached, with when it breached', () => {
    const done = applyTicketState(resolution(), 'resolved', T0 + 10 * HOUR, pausing);
    expect(at(done, T0 + 20 * HOUR)).toMatchObject({ status: 'breached', breachedAt: T0 + 8 * HOUR, remainingMs: -2 * HOUR });
  });

  it('resolving from a pause adds nothing for the paused time', () => {
    let clock = applyTicketState(resolution(), 'waiting_on_customer', T0 + HOUR, pausing);
    clock = applyTicketState(clock, 'resolved', T0 + 9 * HOUR, pausing);
    expect(at(clock, T0 + 10 * HOUR)).toMatchObject({ status: 'met', spentMs: HOUR });
  });

  it('reopening resumes with the time already spent, in the same ladder cycle', () => {
    let clock = applyTicketState(resolution(), 'resolved', T0 + 3 * HOUR, pausing);
    clock = applyTicketState(clock, 'in_progress', T0 + 24 * HOUR, pausing);
    expect(clock.cycle).toBe(0);
    expect(at(clock, T0 + 25 * HOUR)).toMatchObject({ status: 'on_track', spentMs: 4 * HOUR, dueAt: T0 + 29 * HOUR, stoppedAt: null });
  });

  it('reopening straight into waiting on customer reopens paused', () => {
    let clock = applyTicketState(resolution(), 'resolved', T0 + 3 * HOUR, pausing);
    clock = applyTicketState(clock, 'waiting_on_customer', T0 + 24 * HOUR, pausing);
    expect(at(clock, T0 + 30 * HOUR)).toMatchObject({ status: 'paused', spentMs: 3 * HOUR, pausedSince: T0 + 24 * HOUR });
  });
});

describe('priority changes and tightening', () => {
  it('a raised priority recomputes the due time from the time already spent', () => {
    // 8 h target, 2 h spent; P1 gives 4 h, so 2 h are left from the change, not 4 h from the start.
    const clock = changeTarget(resolution(), 4 * HOUR, T0 + 2 * HOUR);
    expect(at(clock, T0 + 2 * HOUR)).toMatchObject({ dueAt: T0 + 4 * HOUR, remainingMs: 2 * HOUR, effectiveTargetMs: 4 * HOUR });
    expect(clock.cycle).toBe(0);
  });

  it('a change below the time already spent breaches at once', () => {
    const clock = changeTarget(resolution(), HOUR, T0 + 2 * HOUR);
    expect(at(clock, T0 + 2 * HOUR)).toMatchObject({ status: 'breached', remainingMs: -HOUR, breachedAt: T0 + HOUR });
  });

  it('a lowered priority moves the due time out and starts a new ladder cycle', () => {
    const clock = changeTarget(resolution(), 16 * HOUR, T0 + 2 * HOUR);
    expect(at(clock, T0 + 2 * HOUR).dueAt).toBe(T0 + 16 * HOUR);
    expect(clock).toMatchObject({ cycle: 1, cycleStartedAt: T0 + 2 * HOUR });
  });

  it('tightening halves the target and says why; lifting it restores the target in a new cycle', () => {
    const tight = applyTightening(resolution(), { factor: 0.5, reason: 'renewal in 30 days' }, T0 + HOUR);
    expect(at(tight, T0 + HOUR)).toMatchObject({
      effectiveTargetMs: 4 * HOUR,
      dueAt: T0 + 4 * HOUR,
      tightenedReason: 'renewal in 30 days',
    });
    const lifted = applyTightening(tight, null, T0 + 2 * HOUR);
    expect(at(lifted, T0 + 2 * HOUR)).toMatchObject({ effectiveTargetMs: 8 * HOUR, tightenedReason: null });
    expect(lifted.cycle).toBe(1);
  });

  it('a target change while resolved applies on reopen but does not rewrite the outcome', () => {
    let clock = applyTicketState(resolution(), 'resolved', T0 + 3 * HOUR, pausing);
    clock = changeTarget(clock, 2 * HOUR, T0 + 4 * HOUR);
    expect(at(clock, T0 + 5 * HOUR)).toMatchObject({ status: 'met', effectiveTargetMs: 8 * HOUR });
    clock = applyTicketState(clock, 'in_progress', T0 + 5 * HOUR, pausing);
    expect(at(clock, T0 + 5 * HOUR)).toMatchObject({ status: 'breached', effectiveTargetMs: 2 * HOUR });
  });

  it('rejects a target that is not a positive number', () => {
    expect(() => changeTarget(resolution(), 0, T0)).toThrow(RangeError);
    expect(() => changeTarget(resolution(), Number.NaN, T0)).toThrow(RangeError);
  });
});
