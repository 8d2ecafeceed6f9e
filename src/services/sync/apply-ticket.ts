/**
 * The one way a view of an Intercom ticket reaches our store, whether it came from a webhook, a sidebar Refresh,
 * the reconciliation job or the answer to our own update. In one transaction: the snapshot (only if at least as
 * new as the stored one — the ticket's `updated_at` decides, so delivery order does not matter), the SLA clocks
 * (state, first response, priority), on resolution the conversation follow-ups in the outbox, and on any state
 * change the customer's side (src/services/customer-updates/record-state.ts). A shared case's attached
 * conversations get their follow-ups through a fan-out job (src/services/shared-cases/resolve.ts).
 *
 * Two steps, so a caller can put many views in one transaction: `prepareView` does what may wait (names,
 * settings) and `applyPrepared` only the store work, inside the caller's transaction. `applyTicket` does both.
 */
import type { WorkspaceSettings } from '../../domain/settings';
import type { Ticket, TicketPart } from '../../intercom';
import type { Store, TicketLink, TicketSnapshot } from '../../store';
import { recordCaseState } from '../customer-updates/record-state';
import { recordStateChange } from '../reports/state-events';
import { enqueueCaseFanOut } from '../shared-cases/resolve';
import { isContested, scheduleReread } from './contested-view';
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
      /** Outbox jobs this view created (resolution follow-ups, a re-read of a contested second). */
      enqueued: number;
    };

export interface ApplyOptions {
  source: ApplySource;
  part?: TicketPart | null;
  /** The stored snapshot, when the caller has just read it (saves a query; it is re-read under the lock anyway). */
  known?: TicketLink;
}

/** Everything a view needs from outside the transaction, so the transaction itself only touches the store. */
export interface PreparedView {
  workspaceId: string;
  ticket: Ticket;
  snapshot: TicketSnapshot;
  settings: WorkspaceSettings;
  known: TicketLink;
  options: ApplyOptions;
}

export async function applyTicket(sync: SyncDeps, workspaceId: string, ticket: Ticket, options: ApplyOptions): Promise<ApplyResult> {
  const prepared = await prepareView(sync, workspaceId, ticket, options);
  if (!prepared) return { tracked: false };
  const result = await sync.store.transaction((tx) => applyPrepared(sync, tx, prepared));
  if (result.enqueued > 0) sync.pokeOutbox();
  return result;
}

/** The part of a view that may wait on Intercom (owner/team names, cached) or the settings; null = not ours. */
export async function prepareView(
  sync: SyncDeps,
  workspaceId: string,
  ticket: Ticket,
  options: ApplyOptions,
): Promise<PreparedView | null> {
  const known = options.known ?? (await sync.store.tickets.get(workspaceId, ticket.id));
  // Only tickets linked through Handoff are ours to mirror; the rest of the workspace's tickets are not.
  if (!known) return null;
  // Outside the transaction: owner/team names may need a (cached) directory read from Intercom.
  const [snapshot, settings] = await Promise.all([sync.toSnapshot(workspaceId, ticket, known), sync.settings.get(workspaceId)]);
  return { workspaceId, ticket, snapshot, settings, known, options };
}

/**
 * The store side of a view, inside the caller's transaction (the webhook processor applies a whole batch in one).
 * The caller pokes the outbox once it has committed, when `enqueued` > 0.
 */
export async function applyPrepared(sync: SyncDeps, tx: Store, view: PreparedView): Promise<ApplyResult & { tracked: true }> {
  const { workspaceId, ticket, snapshot, settings, options } = view;
  const now = sync.clock.now();
  // The snapshot's row lock serialises views of one ticket on PostgreSQL, so two views cannot both see the same
  // "before" and both conclude the ticket just resolved. SQLite transactions already hold the only write lock.
  const before = (await tx.tickets.getForUpdate(workspaceId, ticket.id)) ?? view.known;
  const written = await tx.tickets.upsert(workspaceId, snapshot, now);
  const events = ticketEvents({
    before,
    after: written.applied ? written.ticket : null,
    ticket,
    part: options.part ?? null,
    source: options.source,
    now,
  });
  await recordStateChange(tx, workspaceId, ticket.id, before.stateCategory, events.stateChange, settings.sla, now);
  if (events.stateChange) await sync.sla.onTicketState(tx, workspaceId, ticket.id, events.stateChange.category, events.stateChange.at);
  if (events.firstResponseAt !== null) await sync.sla.onFirstResponse(tx, workspaceId, ticket.id, events.firstResponseAt);
  if (events.priorityChange)
    await sync.sla.onPriorityChange(tx, workspaceId, ticket.id, events.priorityChange.priority, events.priorityChange.at);
  let enqueued = 0;
  if (events.resolvedAt !== null) {
    enqueued += await enqueueResolveFollowUps(tx, workspaceId, written.ticket, events.resolvedAt, settings, now);
    // The conversations attached to this ticket as a shared case get theirs too, paced (src/services/shared-cases/).
    enqueued += await enqueueCaseFanOut(tx, workspaceId, ticket.id, events.resolvedAt, now);
  }
  // The customer's side of the same change: their case's state, and the update they may be told (issue 20).
  if (events.stateChange) {
    const change = { ...events.stateChange, externalLabel: ticket.ticket_state?.external_label ?? null };
    enqueued += await recordCaseState(tx, workspaceId, written.ticket, change, settings, now);
  }
  // A webhook from the same second as the stored view that says something else: let Intercom settle which is right.
  if (isContested(options.source, before, written.applied ? written.ticket : null))
    enqueued += await scheduleReread(tx, workspaceId, written.ticket, now);
  return { tracked: true, applied: written.applied, ticket: written.ticket, events, enqueued };
}
