/**
 * The one way a view of an Intercom ticket reaches our store, whether it came from a webhook, a sidebar Refresh,
 * the reconciliation job or the answer to our own update. In one transaction: the snapshot (only if at least as
 * new as the stored one — the ticket's `updated_at` decides, so delivery order does not matter), the SLA clocks
 * (state, first response, priority) and, on resolution, the conversation follow-ups in the outbox.
 */
import type { Ticket, TicketPart } from '../../intercom';
import type { TicketLink } from '../../store';
import { enqueueResolveFollowUps } from './resolve-follow-ups';
import type { SyncDeps } from './sync-deps';
import { type ApplySource, type TicketEvents, ticketEvents } from './ticket-events';

export type ApplyResult =
  | { tracked: false }
  | {
      tracked: true;
      /** False when the stored snapshot was newer (a late or reordered delivery): nothing but a first response applied. */
      applied: boolean;
      ticket: TicketLink;
      events: TicketEvents;
      /** Outbox jobs this view created (resolution follow-ups). */
      enqueued: number;
    };

export interface ApplyOptions {
  source: ApplySource;
  part?: TicketPart | null;
  /** The stored snapshot, when the caller has just read it (saves a query; it is re-read under the lock anyway). */
  known?: TicketLink;
}

export async function applyTicket(sync: SyncDeps, workspaceId: string, ticket: Ticket, options: ApplyOptions): Promise<ApplyResult> {
  const known = options.known ?? (await sync.store.tickets.get(workspaceId, ticket.id));
  // Only tickets linked through Handoff are ours to mirror; the rest of the workspace's tickets are not.
  if (!known) return { tracked: false };
  // Outside the transaction: owner/team names may need a (cached) directory read from Intercom.
  const [snapshot, settings] = await Promise.all([sync.toSnapshot(workspaceId, ticket, known), sync.settings.get(workspaceId)]);
  const now = sync.clock.now();
  const result = await sync.store.transaction(async (tx) => {
    // Serialises views of one ticket on PostgreSQL, so two views cannot both see the same "before" and both conclude
    // the ticket just resolved. SQLite transactions already hold the only write lock.
    if (tx.dialect === 'postgres') await tx.clocks.getForUpdate(workspaceId, ticket.id, 'resolution');
    const before = (await tx.tickets.get(workspaceId, ticket.id)) ?? known;
    const written = await tx.tickets.upsert(workspaceId, snapshot, now);
    const events = ticketEvents({
      before,
      after: written.applied ? written.ticket : null,
      ticket,
      part: options.part ?? null,
      source: options.source,
      now,
    });
    if (events.stateChange) await sync.sla.onTicketState(tx, workspaceId, ticket.id, events.stateChange.category, events.stateChange.at);
    if (events.firstResponseAt !== null) await sync.sla.onFirstResponse(tx, workspaceId, ticket.id, events.firstResponseAt);
    if (events.priorityChange)
      await sync.sla.onPriorityChange(tx, workspaceId, ticket.id, events.priorityChange.priority, events.priorityChange.at);
    const enqueued =
      events.resolvedAt === null ? 0 : await enqueueResolveFollowUps(tx, workspaceId, written.ticket, events.resolvedAt, settings, now);
    return { tracked: true as const, applied: written.applied, ticket: written.ticket, events, enqueued };
  });
  if (result.enqueued > 0) sync.pokeOutbox();
  return result;
}
