/**
 * An Intercom `Ticket` (any source: create answer, `GET /tickets/{id}`, a webhook's item once parsed with the
 * ticket schema) → the store's `TicketSnapshot`, the row the sidebar draws from without calling Intercom.
 *
 * `toTicketSnapshot` is pure; `createTicketSnapshotter` adds the two lookups it needs: owner and team names
 * (directory cache) and, when the ticket does not embed its type's attributes, the type from the cache, so list
 * values can be read back whether Intercom returns the item id or the label.
 */
import { isStateCategory, type StateCategory } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import type { Ticket, TicketType } from '../intercom';
import type { TicketSnapshot } from '../store';
import { type DirectoryCache, type DirectoryNames, EMPTY_DIRECTORY } from './directory-cache';
import { priorityFromTicket, queueFromTicket, type TicketTypeCache } from './ticket-types';

export interface SnapshotContext {
  settings: Pick<WorkspaceSettings, 'priorityAttribute' | 'queueAttribute' | 'queues'>;
  names?: DirectoryNames;
  /** Used when the ticket lists no linked conversation (older payloads); a linked one wins. */
  conversationId?: string | null;
  /** Set when the ticket came from one of our escalations. */
  escalationId?: string | null;
  /** The ticket's type with its attributes, when the ticket itself does not carry them. */
  ticketType?: TicketType | null;
}

export function linkedConversationId(ticket: Pick<Ticket, 'linked_objects'>): string | null {
  return ticket.linked_objects.data.find((o) => o.type === 'conversation')?.id ?? null;
}

/** A category we do not know (a future one) keeps the clock running rather than pausing or stopping it. */
function categoryOf(ticket: Ticket): StateCategory {
  const category = ticket.ticket_state?.category;
  return isStateCategory(category) ? category : 'in_progress';
}

function typeWithAttributes(ticket: Ticket, fallback: TicketType | null | undefined): TicketType | null {
  const embedded = ticket.ticket_type ?? null;
  if (embedded && embedded.ticket_type_attributes.length > 0) return embedded;
  return fallback ?? embedded;
}

/** Null when no conversation is known: a ticket not linked to a chat is not something the sidebar shows. */
export function toTicketSnapshot(ticket: Ticket, context: SnapshotContext): TicketSnapshot | null {
  const conversationId = linkedConversationId(ticket) ?? context.conversationId ?? null;
  if (conversationId === null) return null;
  const names = context.names ?? EMPTY_DIRECTORY;
  const type = typeWithAttributes(ticket, context.ticketType);
  const attributes = ticket.ticket_attributes;
  const category = categoryOf(ticket);
  const rawTitle = attributes['_default_title_'];
  const title = typeof rawTitle === 'string' && rawTitle.trim() !== '' ? rawTitle.trim() : `Ticket #${ticket.ticket_id ?? ticket.id}`;
  const updatedAt = ticket.updated_at ?? ticket.created_at ?? 0;
  return {
    ticketId: ticket.id,
    ticketNumber: ticket.ticket_id,
    conversationId,
    contactId: ticket.contacts.contacts[0]?.id ?? null,
    title,
    ticketTypeId: ticket.ticket_type?.id ?? null,
    stateCategory: category,
    stateLabel: ticket.ticket_state?.internal_label ?? null,
    priority: priorityFromTicket(type, context.settings, attributes),
    queue: queueFromTicket(type, context.settings, attributes),
    teamId: ticket.team_assignee_id,
    adminAssigneeId: ticket.admin_assignee_id,
    ownerName: names.adminName(ticket.admin_assignee_id),
    teamName: names.teamName(ticket.team_assignee_id),
    // A resolved ticket is done even if Intercom still reports it open for a moment.
    isOpen: category !== 'resolved' && ticket.open !== false,
    intercomUpdatedAt: updatedAt * 1000,
    ...(context.escalationId ? { escalationId: context.escalationId } : {}),
  };
}

export interface TicketSnapshotter {
  snapshot(workspaceId: string, ticket: Ticket, context: Omit<SnapshotContext, 'names' | 'ticketType'>): Promise<TicketSnapshot | null>;
  /** Starts loading the workspace's names now, so a snapshot taken later (after a create) does not wait for them. */
  warm(workspaceId: string): void;
}

export function createTicketSnapshotter(deps: { directory: DirectoryCache; ticketTypes: TicketTypeCache }): TicketSnapshotter {
  return {
    async snapshot(workspaceId, ticket, context) {
      const typeId = ticket.ticket_type?.id ?? null;
      const needsType = typeId !== null && (ticket.ticket_type?.ticket_type_attributes.length ?? 0) === 0;
      const [names, ticketType] = await Promise.all([
        deps.directory.names(workspaceId),
        // The type only helps read list values back; without it they are simply read as labels.
        needsType ? deps.ticketTypes.find(workspaceId, typeId).catch(() => null) : Promise.resolve(null),
      ]);
      return toTicketSnapshot(ticket, { ...context, names, ticketType });
    },
    warm(workspaceId) {
      void deps.directory.names(workspaceId);
    },
  };
}
