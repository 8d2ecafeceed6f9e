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
import { median, percentile, within } from './stats';
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
  const ms = samples.map((s) => s.ms);
  return [samples.length, hours(median(ms)), hours(percentile(ms, 0.9))];
};

const COLUMNS = ['First responses', 'Response median h', 'Response p90 h', 'Resolutions', 'Resolution median h', 'Resolution p90 h'];

export function speed(scope: Scope): Speed {
  const response = responseSamples(scope);
  const resolution = resolutionSamples(scope);
  const rowsBy = <K extends string>(keys: readonly K[], keyOf: (t: TicketFact) => K | null) =>
    keys
      .map((k) => [k, ...stats(response.filter((s) => keyOf(s.ticket) === k)), ...stats(resolution.filter((s) => keyOf(s.ticket) === k))])
      .filter((row) => row[1] !== 0 || row[4] !== 0);
  const weekly = weeksOf(scope.period, scope.input.zone).map((w) => {
    const inWeek = (s: Sample) => within(s.at, { from: w.start, to: w.end });
    return [w.label, ...stats(response.filter(inWeek)), ...stats(resolution.filter(inWeek))];
  });
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
