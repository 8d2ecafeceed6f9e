/**
 * Section 4: time to first response and to resolution, in business time as the SLA clocks count it (time paused
 * waiting on the customer excluded). First response: the response clock's spent time when it stopped, counted in
 * the period it stopped in. Resolution: the resolution clock's spent time at the ticket's first resolution, counted
 * in the period of that resolution (a reopened ticket is not counted again; see outcomes for reopenings).
 */
import { PRIORITIES, QUEUE_KEYS } from '../model';
import type { TicketFact } from './facts';
import { weeksOf } from './period';
import type { Scope } from './scope';
import { groupBy, percentiles, within } from './stats';
import { type Cell, hours, type ReportTable } from './table';

export interface Sample {
  ticket: TicketFact;
  at: number;
  ms: number;
}

export interface Speed {
  response: readonly Sample[];
  resolution: readonly Sample[];
  byPriority: ReportTable;
  byQueue: ReportTable;
  weekly: ReportTable;
}

export function responseSamples(scope: Scope): Sample[] {
  const samples: Sample[] = [];
  for (const ticket of scope.tickets) {
    const clock = ticket.response;
    if (!clock || clock.stoppedAt === null || !within(clock.stoppedAt, scope.period)) continue;
    samples.push({ ticket, at: clock.stoppedAt, ms: clock.spentMs });
  }
  return samples;
}

export function resolutionSamples(scope: Scope): Sample[] {
  const samples: Sample[] = [];
  for (const ticket of scope.tickets) {
    const first = ticket.events.find((e) => e.kind === 'resolved');
    if (ticket.resolvedSpentMs === null || !first || !within(first.at, scope.period)) continue;
    samples.push({ ticket, at: first.at, ms: ticket.resolvedSpentMs });
  }
  return samples;
}

const stats = (samples: readonly Sample[]): Cell[] => {
  const [p50, p90] = percentiles(
    samples.map((s) => s.ms),
    [0.5, 0.9],
  );
  return [samples.length, hours(p50 ?? null), hours(p90 ?? null)];
};

const COLUMNS = ['First responses', 'Response median h', 'Response p90 h', 'Resolutions', 'Resolution median h', 'Resolution p90 h'];

export function speed(scope: Scope): Speed {
  const response = responseSamples(scope);
  const resolution = resolutionSamples(scope);
  // Samples grouped once per key (and per week) rather than filtered again for every row of every table.
  const rowsBy = <K extends string>(keys: readonly K[], keyOf: (t: TicketFact) => K | null) => {
    const responses = groupBy(response, (s) => String(keyOf(s.ticket)));
    const resolutions = groupBy(resolution, (s) => String(keyOf(s.ticket)));
    return keys
      .map((k) => [k, ...stats(responses.get(k) ?? []), ...stats(resolutions.get(k) ?? [])])
      .filter((row) => row[1] !== 0 || row[4] !== 0);
  };
  const weeks = weeksOf(scope.period, scope.input.zone);
  const weekOf = (s: Sample) => String(weeks.findIndex((w) => within(s.at, { from: w.start, to: w.end })));
  const responsesByWeek = groupBy(response, weekOf);
  const resolutionsByWeek = groupBy(resolution, weekOf);
  const weekly = weeks.map((w, i) => [
    w.label,
    ...stats(responsesByWeek.get(String(i)) ?? []),
    ...stats(resolutionsByWeek.get(String(i)) ?? []),
  ]);
  return {
    response,
    resolution,
    byPriority: {
      id: 'speed-by-priority',
      title: 'Speed by priority',
      columns: ['Priority', ...COLUMNS],
      rows: rowsBy(PRIORITIES, (t) => t.priority),
    },
    byQueue: { id: 'speed-by-queue', title: 'Speed by queue', columns: ['Queue', ...COLUMNS], rows: rowsBy(QUEUE_KEYS, (t) => t.queue) },
    weekly: { id: 'speed-weekly', title: 'Speed per week', columns: ['Week of', ...COLUMNS], rows: weekly },
  };
}
