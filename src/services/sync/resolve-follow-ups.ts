/**
 * When a linked ticket resolves, the chat owner must hear about it in the conversation: an internal note and,
 * per the workspace's `resolveBehaviour`, the conversation reopened or unsnoozed. Both are outbox jobs written
 * in the transaction that records the resolution, keyed by the resolution instant: exactly once per resolution,
 * however many webhooks, refreshes or reconciliations report it.
 */
import type { WorkspaceSettings } from '../../domain/settings';
import { escapeHtml } from '../../domain/text';
import type { Store, TicketLink } from '../../store';
import { HANDOFF_NOTE_MARK } from './ticket-events';
import { type ConversationNotePayload, type ConversationReopenPayload, dedupeKeys, SYNC_JOB_KINDS } from './sync-jobs';

export function resolveNoteHtml(ticket: Pick<TicketLink, 'ticketNumber' | 'ticketId' | 'title' | 'ownerName' | 'teamName'>): string {
  const number = ticket.ticketNumber ?? ticket.ticketId;
  const owner = ticket.ownerName ?? ticket.teamName ?? 'the back-office team';
  return [
    `<p>✅ Ticket #${escapeHtml(number)} resolved: ${escapeHtml(ticket.title)}</p>`,
    `<p>Resolved by ${escapeHtml(owner)}. Let the customer know, then close this conversation.</p>`,
    `<p><em>${HANDOFF_NOTE_MARK}</em></p>`,
  ].join('');
}

/** Enqueues the follow-ups of one resolution; returns how many jobs were new. */
export async function enqueueResolveFollowUps(
  tx: Store,
  workspaceId: string,
  ticket: TicketLink,
  resolvedAt: number,
  settings: WorkspaceSettings,
  now: number,
): Promise<number> {
  const note: ConversationNotePayload = {
    conversationId: ticket.conversationId,
    ticketId: ticket.ticketId,
    body: resolveNoteHtml(ticket),
    adminId: null,
  };
  let created = 0;
  const first = await tx.outbox.enqueue(workspaceId, {
    kind: SYNC_JOB_KINDS.conversationNote,
    dedupeKey: dedupeKeys.resolveNote(ticket.ticketId, resolvedAt),
    payload: note,
    now,
  });
  if (first.created) created += 1;
  if (settings.resolveBehaviour === 'note_only') return created;
  const reopen: ConversationReopenPayload = {
    conversationId: ticket.conversationId,
    ticketId: ticket.ticketId,
    mode: settings.resolveBehaviour,
    adminId: null,
  };
  const second = await tx.outbox.enqueue(workspaceId, {
    kind: SYNC_JOB_KINDS.conversationReopen,
    dedupeKey: dedupeKeys.resolveReopen(ticket.ticketId, resolvedAt),
    payload: reopen,
    now,
  });
  if (second.created) created += 1;
  return created;
}
