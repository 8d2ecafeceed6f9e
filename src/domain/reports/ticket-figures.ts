/**
 * A ticket's report figures, worked out once from its SLA clocks and state events instead of on every report read.
 * Replaying a clock's runs through the business calendar is what made the report slow (each of ~10,000 clocks, for
 * both periods); what the sections need from a clock is fixed once it stops, and for a clock still going a sum of
 * its closed runs plus the open run's start. The write side (src/services/reports/ticket-figures.ts) stores these
 * in the transaction that saves the clock or records the event; the report reads them back.
 *
 * They depend on the business hours they were measured with: `calendarKey` names them, and figures stored under
 * another calendar are worked out again from the clocks when a report reads them.
 */
import type { Tier } from '../model';
import type { BusinessHours, SlaPolicy } from '../settings';
import { type ClockState, effectiveTargetMs, meterForClock } from '../sla';
import { spentBefore } from './clock-time';
import type { StateEvent } from './facts';

export interface ClockFigures {
  meterMode: ClockState['meterMode'];
  /** When the clock stopped (first response given, ticket resolved); null while it runs or is paused. */
  stoppedAt: number | null;
  /** Budget spent: up to the stop for a stopped clock, otherwise in its closed runs. */
  spentMs: number;
  /** Start of the run still open (the clock is running now), else null. */
  runningSince: number | null;
  /** The target it is judged against: the one it stopped under, else the one in force. */
  targetMs: number;
}

/** A calendar span [from, to); `to` null while it is still going (read as "until now"). */
export type OpenSpan = readonly [from: number, to: number | null];

export interface TicketFigures {
  /** The tier its SLA targets came from; null for a ticket without clocks. */
  tier: Tier | null;
  response: ClockFigures | null;
  resolution: ClockFigures | null;
  /** The resolution clock's spent time at the ticket's first resolution; null before one (or without the clock). */
  resolvedSpentMs: number | null;
  /** When the resolution clock stood still while the ticket was not resolved: time paused waiting on the customer. */
  pausedSpans: readonly OpenSpan[];
  /** Resolutions and reopenings, oldest first. */
  events: readonly StateEvent[];
}

/** Names the business hours figures were measured with (a change of hours or holidays changes the key). */
export function calendarKey(hours: BusinessHours): string {
  return JSON.stringify(hours);
}

export function clockFigures(clock: ClockState, policy: SlaPolicy): ClockFigures {
  const stopped = clock.phase === 'stopped' && clock.stoppedAt !== null;
  const open = clock.runs.find((run) => run.to === null);
  const meter = meterForClock(policy, clock);
  const closed = clock.runs.reduce((sum, run) => (run.to === null ? sum : sum + meter.elapsed(run.from, run.to)), 0);
  return {
    meterMode: clock.meterMode,
    stoppedAt: stopped ? clock.stoppedAt : null,
    spentMs: stopped ? spentBefore(clock, clock.stoppedAt as number, policy) : closed,
    runningSince: stopped ? null : (open?.from ?? null),
    targetMs: stopped ? (clock.stoppedTargetMs ?? effectiveTargetMs(clock)) : effectiveTargetMs(clock),
  };
}

/** The spans [from, to) a ticket spent resolved (to = Infinity while it still is). */
export function resolvedSpans(events: readonly StateEvent[]): [number, number][] {
  const spans: [number, number][] = [];
  let since: number | null = null;
  for (const event of events) {
    if (event.kind === 'resolved' && since === null) since = event.at;
    else if (event.kind === 'reopened' && since !== null) {
      spans.push([since, event.at]);
      since = null;
    }
  }
  if (since !== null) spans.push([since, Number.POSITIVE_INFINITY]);
  return spans;
}

/** The gaps between the clock's runs (and its open pause), less the time the ticket spent resolved. */
export function pausedSpans(clock: ClockState, events: readonly StateEvent[]): OpenSpan[] {
  const gaps: [number, number][] = [];
  clock.runs.forEach((run, i) => {
    const next = clock.runs[i + 1];
    if (run.to !== null && next) gaps.push([run.to, next.from]);
  });
  if (clock.phase === 'paused' && clock.pausedSince !== null) gaps.push([clock.pausedSince, Number.POSITIVE_INFINITY]);
  const resolved = resolvedSpans(events);
  const out: OpenSpan[] = [];
  for (const [a, b] of gaps) {
    let from = a;
    for (const [r0, r1] of resolved) {
      if (r1 <= from || r0 >= b) continue;
      if (r0 > from) out.push([from, r0]);
      from = Math.max(from, r1);
    }
    if (from < b) out.push([from, Number.isFinite(b) ? b : null]);
  }
  return out;
}

export function ticketFigures(
  clocks: { response: ClockState | null; resolution: ClockState | null; tier: Tier | null },
  events: readonly StateEvent[],
  policy: SlaPolicy,
): TicketFigures {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const { resolution } = clocks;
  const first = sorted.find((e) => e.kind === 'resolved');
  return {
    tier: clocks.tier,
    response: clocks.response ? clockFigures(clocks.response, policy) : null,
    resolution: resolution ? clockFigures(resolution, policy) : null,
    resolvedSpentMs: resolution && first ? spentBefore(resolution, first.at, policy) : null,
    pausedSpans: resolution ? pausedSpans(resolution, sorted) : [],
    events: sorted,
  };
}
