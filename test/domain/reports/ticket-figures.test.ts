/**
 * The stored figures give exactly what replaying the clocks gives: for random clock histories (pauses, resolutions,
 * reopenings, first responses, priority changes) the outcome at random instants, the spent times and the paused
 * time in random ranges equal the replay of the runs through the business calendar, and survive packing.
 */
import type { StateCategory } from '../../../src/domain/model';
import { clockOutcome, pausedWithin, spentBefore } from '../../../src/domain/reports/clock-time';
import type { StateEvent } from '../../../src/domain/reports/facts';
import { readFigures, storeFigures } from '../../../src/domain/reports/figures-codec';
import { resolvedSpans, ticketFigures } from '../../../src/domain/reports/ticket-figures';
import { applyTicketState, type ClockState, changeTarget, effectiveTargetMs, markFirstResponse, startClock } from '../../../src/domain/sla';
import { seededRandom } from '../../../src/util/seeded-random';
import { at, HOUR, policy } from './history';

/** The replay the report did before figures were stored: the reference the figures must equal. */
function replayOutcome(clock: ClockState, now: number) {
  const stopped = clock.phase === 'stopped' && clock.stoppedAt !== null;
  const target = stopped ? (clock.stoppedTargetMs ?? effectiveTargetMs(clock)) : effectiveTargetMs(clock);
  const spent = spentBefore(clock, stopped ? (clock.stoppedAt as number) : now, policy);
  return spent >= target ? 'breached' : stopped ? 'met' : 'running';
}

function replayPaused(clock: ClockState, events: readonly StateEvent[], range: { from: number; to: number }, now: number) {
  const end = Math.min(range.to, now);
  const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));
  const gaps: [number, number][] = [];
  clock.runs.forEach((run, i) => {
    const next = clock.runs[i + 1];
    if (run.to !== null && next) gaps.push([run.to, next.from]);
  });
  if (clock.phase === 'paused' && clock.pausedSince !== null) gaps.push([clock.pausedSince, now]);
  let total = 0;
  for (const [a, b] of gaps) {
    total += overlap(a, b, range.from, end);
    for (const [r0, r1] of resolvedSpans(events)) total -= overlap(Math.max(a, r0), Math.min(b, r1), range.from, end);
  }
  return Math.max(0, total);
}

const STATES: StateCategory[] = ['in_progress', 'waiting_on_customer', 'resolved', 'in_progress', 'resolved'];

it('outcomes, spent times and paused time from stored figures equal the replay of random clocks', () => {
  const random = seededRandom(42);
  const start = at('2026-03-20T08:00');
  for (let n = 0; n < 300; n += 1) {
    const created = start + Math.floor(random() * 200) * HOUR;
    const make = (kind: 'response' | 'resolution') =>
      startClock({
        kind,
        ticketCreatedAt: created,
        targetMs: (1 + Math.floor(random() * 30)) * HOUR,
        tightening: null,
        meterMode: 'business',
        now: created,
      });
    let response = make('response');
    let resolution = make('resolution');
    const events: StateEvent[] = [];
    let state: StateCategory = 'submitted';
    let t = created;
    for (let k = Math.floor(random() * 8); k > 0; k -= 1) {
      t += Math.floor(random() * 50 * HOUR);
      const roll = random();
      if (roll < 0.15) response = markFirstResponse(response, t);
      else if (roll < 0.25) resolution = changeTarget(resolution, (1 + Math.floor(random() * 30)) * HOUR, t);
      else {
        const next = STATES[Math.floor(random() * STATES.length)]!;
        if (next !== state && next === 'resolved') events.push({ kind: 'resolved', at: t });
        else if (next !== state && state === 'resolved') events.push({ kind: 'reopened', at: t });
        state = next;
        response = applyTicketState(response, next, t, policy);
        resolution = applyTicketState(resolution, next, t, policy);
      }
    }
    const figures = readFigures(
      JSON.parse(JSON.stringify(storeFigures(ticketFigures({ response, resolution, tier: 'pro' }, events, policy)))),
    );
    expect(figures).not.toBeNull();
    const now = t + Math.floor(random() * 100 * HOUR);
    expect([n, clockOutcome(figures!.response!, now, policy)]).toEqual([n, replayOutcome(response, now)]);
    expect([n, clockOutcome(figures!.resolution!, now, policy)]).toEqual([n, replayOutcome(resolution, now)]);
    const first = events.find((e) => e.kind === 'resolved');
    expect(figures!.resolvedSpentMs).toBe(first ? spentBefore(resolution, first.at, policy) : null);
    if (response.phase === 'stopped') expect(figures!.response!.spentMs).toBe(spentBefore(response, response.stoppedAt!, policy));
    const from = created + Math.floor(random() * 100) * HOUR;
    const range = { from, to: from + Math.floor(random() * 300) * HOUR };
    expect([n, pausedWithin(figures!.pausedSpans, range, now)]).toEqual([n, replayPaused(resolution, events, range, now)]);
  }
});
