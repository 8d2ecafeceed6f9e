/**
 * Intercom's ticket `updated_at` has one-second resolution, so "the newest view wins" cannot order two views
 * from the same second: a webhook built before an agent's change and delivered after it carries the same
 * `updated_at` as the change's own answer, and whichever is applied last stands. Equal timestamps must still
 * apply (a refresh of an unchanged ticket proves it fresh), so instead a webhook that lands on a stored view from
 * its own second *and differs from it* schedules a re-read of the ticket: Intercom's answer then settles it.
 *
 * A durable outbox job, not a shorter freshness (expect-update.ts): reconciliation only walks open tickets, and
 * a resolved ticket showing a stale priority or owner would never be corrected. One job per ticket and second.
 */
import type { Store, TicketLink, TicketSnapshot } from '../../store';
import { dedupeKeys, SYNC_JOB_KINDS, type TicketRereadPayload } from './sync-jobs';
import type { ApplySource } from './ticket-events';

/** Long enough for the rest of a burst from that second to arrive first; Intercom has long settled by then. */
export const REREAD_DELAY_MS = 5_000;

/** What the sidebar shows of a ticket: two views equal here cannot be told apart by a teammate. */
const VISIBLE: readonly (keyof TicketSnapshot)[] = [
  'ticketNumber',
  'conversationId',
  'contactId',
  'title',
  'ticketTypeId',
  'stateCategory',
  'stateLabel',
  'priority',
  'queue',
  'teamId',
  'adminAssigneeId',
  'ownerName',
  'teamName',
  'isOpen',
];

export function sameView(a: TicketSnapshot, b: TicketSnapshot): boolean {
  return VISIBLE.every((field) => a[field] === b[field]);
}

/**
 * Only a webhook can be the stale one: a read (refresh, reconciliation, the answer to our own update) is
 * Intercom's state when it was made, so when it disagrees with a view from the same second it is the right one.
 */
export function isContested(source: ApplySource, before: TicketLink, after: TicketLink | null): after is TicketLink {
  return source === 'webhook' && after !== null && after.intercomUpdatedAt === before.intercomUpdatedAt && !sameView(before, after);
}

/** In the transaction that applied the contested view; returns 1 when the job is new (the caller pokes the outbox). */
export async function scheduleReread(tx: Store, workspaceId: string, ticket: TicketLink, now: number): Promise<number> {
  const payload: TicketRereadPayload = { ticketId: ticket.ticketId };
  const { created } = await tx.outbox.enqueue(workspaceId, {
    kind: SYNC_JOB_KINDS.ticketReread,
    dedupeKey: dedupeKeys.ticketReread(ticket.ticketId, ticket.intercomUpdatedAt),
    payload,
    now,
    runAt: now + REREAD_DELAY_MS,
  });
  return created ? 1 : 0;
}
