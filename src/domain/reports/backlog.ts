/**
 * Section 3: the open tickets now, by state and queue; their ages in calendar and in business days; the oldest.
 * A business day is the workspace's nominal open time per open weekday (8 h for 09:00–17:00, Monday to Friday), so
 * "3 business days" reads the same in a team open 24/7 and in one open office hours.
 */
import { QUEUE_KEYS, STATE_CATEGORIES, STATE_LABELS } from '../model';
import type { BusinessHours } from '../settings';
import { businessMsBetween } from '../sla';
import type { TicketFact } from './facts';
import type { Scope } from './scope';
import type { Cell, ReportTable } from './table';

const DAY_MS = 86_400_000;
export const AGE_BUCKETS = [
  { label: 'under 1 day', upTo: 1 },
  { label: '1–3 days', upTo: 3 },
  { label: '3–7 days', upTo: 7 },
  { label: '7–30 days', upTo: 30 },
  { label: 'over 30 days', upTo: Number.POSITIVE_INFINITY },
] as const;
const OLDEST_SHOWN = 10;

export interface Backlog {
  openNow: number;
  openAtStart: number;
  byState: ReportTable;
  byQueue: ReportTable;
  aging: ReportTable;
  oldest: readonly TicketFact[];
}

/** Milliseconds of one business day: the week's open time over its open weekdays; null when never open. */
export function businessDayMs(hours: BusinessHours): number | null {
  const days = Object.values(hours.weekly).filter((spans) => spans.length > 0);
  const minutes = Object.values(hours.weekly)
    .flat()
    .reduce((sum, span) => sum + Math.max(0, toMinutes(span.end) - toMinutes(span.start)), 0);
  return days.length === 0 || minutes === 0 ? null : (minutes / days.length) * 60_000;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Math.min(1440, h * 60 + m);
}

/** Open at instant `at`: created by then, and not resolved at that moment (its latest event by then is no resolution). */
export function openAt(ticket: TicketFact, at: number): boolean {
  if (ticket.createdAt > at) return false;
  let resolved = false;
  for (const event of ticket.events) if (event.at <= at) resolved = event.kind === 'resolved';
  return !resolved;
}

function bucketOf(days: number): number {
  return AGE_BUCKETS.findIndex((b) => days < b.upTo);
}

export function backlog(scope: Scope): Backlog {
  const { now, policy } = scope.input;
  const open = scope.tickets.filter((t) => t.isOpen);
  const dayMs = businessDayMs(policy.businessHours);
  const calendar = AGE_BUCKETS.map(() => 0);
  const business = AGE_BUCKETS.map(() => 0);
  for (const t of open) {
    calendar[bucketOf((now - t.createdAt) / DAY_MS)]! += 1;
    if (dayMs !== null) business[bucketOf(businessMsBetween(t.createdAt, now, policy.businessHours) / dayMs)]! += 1;
  }
  const byState = STATE_CATEGORIES.filter((s) => s !== 'resolved').map((s) => [STATE_LABELS[s], open.filter((t) => t.state === s).length]);
  const byQueue: Cell[][] = QUEUE_KEYS.map((q) => [q, open.filter((t) => t.queue === q).length]);
  const unqueued = open.filter((t) => t.queue === null).length;
  if (unqueued > 0) byQueue.push(['(none)', unqueued]);
  return {
    openNow: open.length,
    openAtStart: scope.tickets.filter((t) => openAt(t, scope.period.from)).length,
    byState: { id: 'backlog-by-state', title: 'Open tickets by state', columns: ['State', 'Open'], rows: byState },
    byQueue: { id: 'backlog-by-queue', title: 'Open tickets by queue', columns: ['Queue', 'Open'], rows: byQueue },
    aging: {
      id: 'aging',
      title: 'Age of open tickets',
      columns: ['Age', 'Calendar days', 'Business days'],
      rows: AGE_BUCKETS.map((b, i) => [b.label, calendar[i]!, dayMs === null ? null : business[i]!]),
    },
    oldest: [...open].sort((a, b) => a.createdAt - b.createdAt || a.ticketId.localeCompare(b.ticketId)).slice(0, OLDEST_SHOWN),
  };
}
