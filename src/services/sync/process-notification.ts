/**
 * One stored webhook notification → its effect, by topic. The outcome tells the processor how to mark the inbox
 * row: done, ignored (understood, nothing to do) or failed (permanently: retrying the same bytes cannot help).
 * Anything thrown is transient (Intercom or the database unavailable) and retried.
 */
import type { InboxNotification, Store } from '../../store';
import { applyPrepared, prepareView } from './apply-ticket';
import type { BatchLookups } from './batch-lookups';
import { enqueueTriageAi, TRIAGE_AI_TOPICS, triageAiWanted } from '../triage-ai/jobs';
import { expectTicketUpdate } from './expect-update';
import { prepareIncidentNotification } from '../incidents/webhook';
import type { SyncDeps } from './sync-deps';
import { parseConversationItem, parseTicketItem } from './webhook-payloads';

export type NotificationOutcome = { status: 'done' } | { status: 'ignored'; reason: string } | { status: 'failed'; error: string };

export const TICKET_TOPICS: ReadonlySet<string> = new Set([
  'ticket.created',
  'ticket.state.updated',
  'ticket.admin.assigned',
  'ticket.team.assigned',
  'ticket.attribute.updated',
  'ticket.note.created',
  'ticket.admin.snoozed',
  'ticket.admin.unsnoozed',
  'ticket.closed',
]);

export const CONVERSATION_TOPICS: ReadonlySet<string> = new Set(['conversation.user.replied', 'conversation.admin.closed']);

/** How soon a linked ticket is re-read after its conversation moved, unless a ticket webhook arrives first. */
export const CONVERSATION_RECHECK_MS = 2 * 60_000;

const ignored = (reason: string): NotificationOutcome => ({ status: 'ignored', reason });

/**
 * A notification made ready outside any transaction (item parsed, Intercom read if the payload is partial, names
 * and settings looked up): either its outcome is already known, or `commit` writes its effect inside the caller's
 * transaction and says how it ended. The processor records the outcome in that same transaction.
 */
export type PreparedNotification =
  | { outcome: NotificationOutcome }
  | {
      /** What the commit writes to: commits with the same key must run in arrival order, others may overlap. */
      key: string;
      /**
       * The one linked ticket the commit writes, when that is all it writes: such commits may share a transaction
       * (it locks all their tickets up front, in one order). Without it (several tickets, a tracker) a commit on
       * PostgreSQL has a transaction of its own.
       */
      ticket?: { workspaceId: string; ticketId: string };
      commit(tx: Store): Promise<Committed>;
    };

export interface Committed {
  outcome: NotificationOutcome;
  /** Outbox jobs written: the caller pokes the outbox once the transaction has committed. */
  enqueued: number;
}

const settled = (outcome: NotificationOutcome): PreparedNotification => ({ outcome });

export async function prepareNotification(
  sync: SyncDeps,
  notification: InboxNotification,
  lookups: BatchLookups,
): Promise<PreparedNotification> {
  if (!(await lookups.isInstalled(notification.workspaceId))) return settled(ignored('workspace not installed'));
  if (TICKET_TOPICS.has(notification.topic)) return ticketTopic(sync, notification, lookups);
  if (CONVERSATION_TOPICS.has(notification.topic) || TRIAGE_AI_TOPICS.has(notification.topic)) return conversationTopic(sync, notification);
  return settled(ignored(`topic ${notification.topic.slice(0, 60)} is not one Handoff uses`));
}

async function ticketTopic(sync: SyncDeps, notification: InboxNotification, lookups: BatchLookups): Promise<PreparedNotification> {
  const item = parseTicketItem(notification.payload);
  if (!item.ok) return settled({ status: 'failed', error: `malformed ${notification.topic} item: ${item.problem}` });
  const { workspaceId } = notification;
  let { ticket } = item.value;
  const known = await lookups.linkedTicket(workspaceId, ticket.id);
  // Not a linked ticket: maybe a tracker a conversation was linked to through Handoff (an incident).
  if (!known)
    return (await prepareIncidentNotification(sync, workspaceId, ticket)) ?? settled(ignored('ticket is not linked through Handoff'));
  if (ticket.updated_at === null || ticket.ticket_state === null) {
    // Older or partial shapes cannot be ordered or mapped: read the ticket itself (rare; never on the ingest path).
    const client = await sync.directory.clientFor(workspaceId);
    ticket = await client.tickets.get(ticket.id);
  }
  const view = await prepareView(sync, workspaceId, ticket, { source: 'webhook', part: item.value.part, known });
  if (!view) return settled(ignored('ticket is not linked through Handoff'));
  return {
    key: `ticket:${workspaceId}:${ticket.id}`,
    ticket: { workspaceId, ticketId: ticket.id },
    async commit(tx) {
      const result = await applyPrepared(sync, tx, view);
      const stale = !result.applied && result.events.firstResponseAt === null;
      return { outcome: stale ? ignored('older than the stored snapshot') : { status: 'done' }, enqueued: result.enqueued };
    },
  };
}

async function conversationTopic(sync: SyncDeps, notification: InboxNotification): Promise<PreparedNotification> {
  const item = parseConversationItem(notification.payload);
  if (!item.ok) return settled({ status: 'failed', error: `malformed ${notification.topic} item: ${item.problem}` });
  const { workspaceId } = notification;
  const { conversationId } = item.value;
  // A new message is worth a fresh AI recommendation when the workspace switched its AI provider on.
  const askAi = TRIAGE_AI_TOPICS.has(notification.topic) && (await triageAiWanted(sync.store, workspaceId));
  if (!CONVERSATION_TOPICS.has(notification.topic) && !askAi) return settled(ignored('AI triage is off in this workspace'));
  const settings = await sync.settings.get(workspaceId);
  return {
    // Several tickets at once: one key for all of them, so two such commits never lock tickets in opposite orders.
    key: 'conversation',
    async commit(tx) {
      const now = sync.clock.now();
      const enqueued = askAi ? await enqueueTriageAi(tx, workspaceId, { conversationId, cause: notification.notificationId, now }) : 0;
      // Read in the transaction: an earlier notification of the same batch may just have moved these tickets.
      const linked = CONVERSATION_TOPICS.has(notification.topic) ? await tx.tickets.listByConversation(workspaceId, conversationId) : [];
      // A customer reply matters to tickets waiting on the customer; a closed chat to every open ticket of it.
      const affected = linked.filter((ticket) =>
        notification.topic === 'conversation.user.replied'
          ? ticket.isOpen && ticket.stateCategory === 'waiting_on_customer'
          : ticket.isOpen,
      );
      if (affected.length === 0)
        return { outcome: enqueued > 0 ? { status: 'done' } : ignored('no open linked ticket affected'), enqueued };
      const timing = { withinMs: CONVERSATION_RECHECK_MS, maxAgeMs: settings.snapshotMaxAgeMinutes * 60_000, now };
      for (const ticket of affected) await expectTicketUpdate(tx, workspaceId, ticket, timing);
      return { outcome: { status: 'done' }, enqueued };
    },
  };
}
