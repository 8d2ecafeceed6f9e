/**
 * The persistence mapping of a clock: property tests over generated event sequences. Whatever happened to the
 * clock, the row's derived columns agree with the pure state, the state reads back unchanged, and `basis`
 * rides along without disturbing the pure parser.
 */
import fc from 'fast-check';
import { defaultSettings } from '../../../src/domain/settings';
import { applyTicketState, calendarMeter, changeTarget, type ClockState, nextLadderStep, startClock } from '../../../src/domain/sla';
import { basisOf, clockWrite, readClock } from '../../../src/services/sla/clock-record';

const T0 = Date.UTC(2026, 10, 18, 10, 0);
const settings = defaultSettings('UTC');
const ladder = settings.ladder;

const eventArb = fc.oneof(
  fc.record({
    type: fc.constant('state' as const),
    category: fc.constantFrom('in_progress', 'waiting_on_customer', 'resolved' as const),
    dt: fc.integer({ min: 0, max: 8 * 3_600_000 }),
  }),
  fc.record({
    type: fc.constant('target' as const),
    minutes: fc.integer({ min: 1, max: 3_000 }),
    dt: fc.integer({ min: 0, max: 8 * 3_600_000 }),
  }),
);

type Event = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;

function replay(events: readonly Event[]): ClockState {
  let at = T0;
  let state = startClock({
    kind: 'resolution',
    ticketCreatedAt: T0,
    targetMs: 240 * 60_000,
    tightening: null,
    meterMode: 'calendar',
    now: T0,
  });
  for (const event of events) {
    at += event.dt;
    state =
      event.type === 'state' ? applyTicketState(state, event.category, at, settings.sla) : changeTarget(state, event.minutes * 60_000, at);
  }
  return state;
}

describe('clock persistence mapping', () => {
  it('derives status, cycle and next fire from the state, and reads back the same state and basis', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), fc.subarray(['warn', 'escalate', 'breach'] as const), (events, fired) => {
        const state = replay(events);
        const basis = { priority: 'P2' as const, tier: 'pro' as const };
        const row = clockWrite('t1', { state, basis }, ladder, fired, calendarMeter);
        const next = nextLadderStep(state, ladder, fired, calendarMeter);
        expect(row).toMatchObject({ ticketId: 't1', kind: 'resolution', cycle: state.cycle, status: state.phase });
        expect(row.nextFireAt).toBe(next?.dueAt ?? null);
        expect(row.nextStep).toBe(next?.step ?? null);
        // Stopped: nothing armed. Paused: only steps that fell due before the pause (or at a target change).
        if (state.phase === 'stopped') expect(row.nextFireAt).toBeNull();
        const lastRun = Math.max(T0, state.targetChangedAt, ...state.runs.map((r) => r.to ?? T0));
        if (state.phase === 'paused') expect(row.nextFireAt === null || row.nextFireAt <= lastRun).toBe(true);
        const back = readClock(JSON.parse(JSON.stringify({ state: row.state })));
        expect(back).toEqual({ state, basis });
      }),
    );
  });

  it('recovers the tier of a row written without a basis from the matrix, else falls back to standard', () => {
    const state = startClock({
      kind: 'resolution',
      ticketCreatedAt: T0,
      targetMs: 2_400 * 60_000,
      tightening: null,
      meterMode: 'business',
      now: T0,
    });
    expect(basisOf(readClock({ state }), settings)).toEqual({ priority: 'P3', tier: 'pro' });
    const odd = { ...state, baseTargetMs: 7 * 60_000 };
    expect(basisOf(readClock({ state: odd }), settings)).toEqual({ priority: 'P3', tier: 'standard' });
  });
});
