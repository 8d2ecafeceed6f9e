/**
 * The Intercom side of each sync job. The outbox handlers run these, and the sidebar actions try them once
 * inline (so a teammate usually sees "done" at once) before leaving the job to the outbox. Each is safe to run
 * again: notes look for themselves before a retry posts, the priority is a PUT of a value, reopening reads first.
 */
import { AppError } from '../../util/app-error';
import { applyTicket } from './apply-ticket';
import { noteOnConversation, noteOnTicket } from './already-posted';
import type { SyncDeps } from './sync-deps';
import type { ConversationNotePayload, ConversationReopenPayload, TicketNotePayload, TicketPriorityPayload } from './sync-jobs';
import { priorityValue } from '../ticket-types';

export interface Attempt {
  /** An earlier try may have reached Intercom (it failed without a clear "no"): look before posting again. */
  mayHavePosted: boolean;
  /** When the job was created (epoch ms): a matching note older than this is someone else's. */
  notBefore: number;
}

export async function postTicketNote(sync: SyncDeps, workspaceId: string, job: TicketNotePayload, attempt: Attempt) {
  const client = await sync.directory.clientFor(workspaceId);
  const note = { adminId: job.adminId, body: job.body, notBefore: attempt.notBefore };
  if (attempt.mayHavePosted && (await noteOnTicket(client, job.ticketId, note))) return { partId: null, alreadyPosted: true };
  const part = await client.tickets.reply(job.ticketId, {
    adminId: job.adminId,
    body: job.body,
    messageType: 'note',
    crossPost: job.crossPost,
  });
  return { partId: part.id, alreadyPosted: false };
}

/** PUTs the priority list item and applies the ticket Intercom answers with (fresh snapshot, same SLA path). */
export async function sendTicketPriority(sync: SyncDeps, workspaceId: string, job: TicketPriorityPayload) {
  const [client, settings, stored] = await Promise.all([
    sync.directory.clientFor(workspaceId),
    sync.settings.get(workspaceId),
    sync.store.tickets.get(workspaceId, job.ticketId),
  ]);
  if (!stored) throw new AppError('not_found', 'That ticket is no longer linked to this conversation.');
  const type = stored.ticketTypeId ? await sync.ticketTypes.find(workspaceId, stored.ticketTypeId) : null;
  const value = type ? priorityValue(type, settings, job.priority) : null;
  // Without a priority attribute on the type the priority lives only in Handoff (sidebar and SLA); nothing to send.
  if (!value) return { sent: false as const };
  const updated = await client.tickets.update(job.ticketId, {
    // The acting admin is attribution only, and 2.16 wants it as an integer: leave it out rather than fail.
    ...(/^\d+$/.test(job.adminId) ? { actingAdminId: job.adminId } : {}),
    attributes: { [value.name]: value.value },
  });
  await applyTicket(sync, workspaceId, updated, { source: 'action' });
  return { sent: true as const };
}

export async function actingAdmin(sync: SyncDeps, workspaceId: string, explicit: string | null): Promise<string> {
  if (explicit) return explicit;
  const workspace = await sync.store.workspaces.get(workspaceId);
  if (!workspace?.installedByAdminId) throw new AppError('not_installed', 'No admin to act as in this workspace.');
  return workspace.installedByAdminId;
}

export async function postConversationNote(sync: SyncDeps, workspaceId: string, job: ConversationNotePayload, attempt: Attempt) {
  const [client, adminId] = await Promise.all([sync.directory.clientFor(workspaceId), actingAdmin(sync, workspaceId, job.adminId)]);
  const note = { adminId, body: job.body, notBefore: attempt.notBefore };
  if (attempt.mayHavePosted && (await noteOnConversation(client, job.conversationId, note))) return { alreadyPosted: true };
  await client.conversations.reply(job.conversationId, { adminId, body: job.body, messageType: 'note' });
  return { alreadyPosted: false };
}

/** Reopen: open unless already open. Unsnooze: open only if snoozed (a closed chat stays closed). */
export async function reopenConversation(sync: SyncDeps, workspaceId: string, job: ConversationReopenPayload) {
  const [client, adminId] = await Promise.all([sync.directory.clientFor(workspaceId), actingAdmin(sync, workspaceId, job.adminId)]);
  const conversation = await client.conversations.get(job.conversationId);
  const state = conversation.state ?? (conversation.open === false ? 'closed' : 'open');
  const wanted = job.mode === 'unsnooze' ? state === 'snoozed' : state !== 'open';
  if (wanted) await client.conversations.open(job.conversationId, { adminId });
  return { opened: wanted, from: state };
}
