/**
 * The promise behind reusing a rendered sidebar (src/http/initialize-reuse.ts): before `stableUntil`, rendering
 * again would print exactly the same. Checked on the clock lines over random business hours, event scripts and
 * instants, by rendering at many instants inside the window; and checked not to be vacuous (the window ends
 * where the line really changes, to the millisecond, for a plain calendar countdown).
 */
import fc from 'fast-check';
import { clockLine } from '../../../canvases/shared-blocks';
import { applyTicketState, changeTarget, startClock } from '../../../src/domain/sla';
import type { ClockState } from '../../../src/domain/sla/clock-state';
import { defaultSettings, type WorkspaceSettings } from '../../../src/domain/settings';
import { renewalStableUntil } from '../../../src/flows/sidebar';
import { clockView } from '../../../src/flows/ticket-card-model';
import type { SlaClock } from '../../../src/store';
import { durationArb, instantArb, openHoursArb, type ScriptEvent, scriptArb, targetArb } from '../../domain/sla/arbitraries';

const MIN = 60_000;
const TZ = { zone: 'UTC', source: 'workspace' } as const;
const RUNS = { numRuns: 200, seed: 20261121 };

function stored(state: ClockState): SlaClock {
  return {
    workspaceId: 'w',
    ticketId: 't',
    kind: state.kind,
    cycle: state.cycle,
    state,
    status: 'running',
    nextFireAt: null,
    nextStep: null,
    lockedBy: null,
    lockedUntil: null,
    updatedAt: 0,
  };
}

function play(settings: WorkspaceSettings, start: number, targetMs: number, meterMode: 'business' | 'calendar', script: ScriptEvent[]) {
  let clock = startClock({ kind: 'resolution', ticketCreatedAt: start, targetMs, tightening: null, meterMode, now: start });
  let now = start;
  for (const event of script) {
    now += event.gap;
    if (event.kind === 'state') clock = applyTicketState(clock, event.category, now, settings.sla);
    else if (event.kind === 'target') clock = changeTarget(clock, event.targetMs, now);
  }
  return { clock, now };
}

/** What the sidebar prints for the clock, and what orders the tickets (status, due time). */
function printed(clock: SlaClock, settings: WorkspaceSettings, at: number) {
  const { vm } = clockView(clock, settings, at);
  return { line: clockLine(vm, TZ), status: vm.status, dueAt: vm.dueAt };
}

describe('clockView().stableUntil', () => {
  it('nothing the sidebar prints for a clock changes before stableUntil', () => {
    fc.assert(
      fc.property(
        openHoursArb,
        fc.constantFrom<'business' | 'calendar'>('business', 'calendar'),
        instantArb,
        targetArb,
        scriptArb,
        durationArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (hours, meterMode, start, target, script, wait, fractions) => {
          const settings = defaultSettings('UTC');
          settings.sla = { ...settings.sla, businessHours: hours };
          const { clock, now } = play(settings, start, target, meterMode, script);
          const row = stored(clock);
          const t0 = now + wait;
          const { stableUntil } = clockView(row, settings, t0);
          expect(stableUntil).toBeGreaterThanOrEqual(t0);
          const first = printed(row, settings, t0);
          // Sample inside [t0, stableUntil), always including its last millisecond when the window is finite.
          const span = Math.min(stableUntil, t0 + 30 * 24 * 3_600_000) - t0;
          const instants = fractions.map((f) => t0 + Math.floor(f * Math.max(0, span - 1)));
          if (Number.isFinite(stableUntil) && stableUntil > t0) instants.push(stableUntil - 1);
          for (const at of instants) expect(printed(row, settings, at)).toEqual(first);
        },
      ),
      RUNS,
    );
  });

  it('ends exactly where a calendar countdown drops a minute, and at the warn threshold', () => {
    const settings = defaultSettings('UTC');
    const start = Date.UTC(2026, 10, 18, 10, 0, 0);
    const clock = stored(
      startClock({ kind: 'resolution', ticketCreatedAt: start, targetMs: 100 * MIN, tightening: null, meterMode: 'calendar', now: start }),
    );
    // 20.5 minutes spent: 79.5 left, shown as 1h 19m; it reads 1h 18m from 21 minutes + 1 ms.
    const t0 = start + 20.5 * MIN;
    const { stableUntil } = clockView(clock, settings, t0);
    expect(stableUntil).toBe(start + 21 * MIN);
    expect(printed(clock, settings, stableUntil - 1).line).toContain('1h 19m left');
    expect(printed(clock, settings, stableUntil + 1).line).toContain('1h 18m left');
    // Just before the warn threshold (75 % of 100 min), the status turn comes before the next whole minute.
    const nearWarn = start + 74.9 * MIN;
    expect(clockView(clock, settings, nearWarn).stableUntil).toBe(start + 75 * MIN);
    expect(printed(clock, settings, start + 75 * MIN).status).toBe('at_risk');
  });

  it('a paused clock stays as it is until something is written', () => {
    const settings = defaultSettings('UTC');
    const start = Date.UTC(2026, 10, 18, 10, 0, 0);
    let state = startClock({
      kind: 'resolution',
      ticketCreatedAt: start,
      targetMs: 100 * MIN,
      tightening: null,
      meterMode: 'calendar',
      now: start,
    });
    state = applyTicketState(state, 'waiting_on_customer', start + 5 * MIN, settings.sla);
    expect(clockView(stored(state), settings, start + 10 * MIN).stableUntil).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('renewalStableUntil', () => {
  const DAY = 24 * 3_600_000;
  /** As readRenewal counts: whole days up to a renewal still ahead (or now), else none. */
  const days = (renewalAt: number, at: number) => (renewalAt >= at ? Math.ceil((renewalAt - at) / DAY) : null);

  it('the "Renewal in N days" count holds until the bound and changes right at it', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 90 * DAY }), (now, ahead) => {
        const renewalAt = now + ahead;
        const until = renewalStableUntil(renewalAt, days(renewalAt, now));
        expect(until).toBeGreaterThan(now);
        expect(days(renewalAt, until - 1)).toBe(days(renewalAt, now));
        expect(days(renewalAt, until)).not.toBe(days(renewalAt, now));
      }),
      RUNS,
    );
  });
});
