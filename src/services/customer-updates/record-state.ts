/**
 * Called by ticket sync (src/services/sync/apply-ticket.ts) inside the transaction that stores a view in which the
 * ticket's state changed: the case's customer-facing state is recorded, and, when the ticket's queue opted in, the
 * update job is enqueued to run once the collapse window has passed (a state that flaps away by then is not told).
 */
import type { StateCategory } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import type { Store, TicketLink } from '../../store';
import { CUSTOMER_UPDATE_JOB_KIND, type CustomerUpdatePayload, customerUpdateKey } from './jobs';

export interface StateChange {
  category: StateCategory;
  at: number;
  /** The state's `external_label` in the view that reported the change. */
  externalLabel: string | null;
}

export function updatesEnabled(settings: WorkspaceSettings, ticket: Pick<TicketLink, 'queue'>): boolean {
  return settings.customer.updateQueues.includes(ticket.queue ?? 'default');
}

/** Returns how many outbox jobs were new (0 or 1). */
export async function recordCaseState(
  tx: Store,
  workspaceId: string,
  ticket: TicketLink,
  change: StateChange,
  settings: WorkspaceSettings,
  now: number,
): Promise<number> {
  const stored = await tx.customerSide.recordState(workspaceId, {
    ticketId: ticket.ticketId,
    conversationId: ticket.conversationId,
    state: change.category,
    externalLabel: change.externalLabel,
    changedAt: change.at,
  });
  // An older transition than the one recorded (a late delivery) is history: the later one is told, not this.
  if (!stored || !updatesEnabled(settings, ticket)) return 0;
  const payload: CustomerUpdatePayload = {
    ticketId: ticket.ticketId,
    conversationId: ticket.conversationId,
    state: change.category,
    enteredAt: change.at,
  };
  const runAt = Math.max(now, change.at + settings.customer.collapseMinutes * 60_000);
  const { created } = await tx.outbox.enqueue(workspaceId, {
    kind: CUSTOMER_UPDATE_JOB_KIND,
    dedupeKey: customerUpdateKey(ticket.ticketId, change.category, change.at),
    payload,
    now,
    runAt,
  });
  return created ? 1 : 0;
}
