/**
 * The escalation's outbox jobs. Each is safe to repeat: it first looks at what already happened (our store, then
 * Intercom's side by the references in markers.ts) and only then acts.
 *
 * - create_ticket: skip a linked or failed escalation; wait while an inline attempt may still be in flight; find
 *   the ticket by its reference or create it; link. A 4xx marks the escalation failed (the sidebar says so).
 * - post_note: the summary with the ticket number as an internal note, unless the conversation already has it.
 * - share_ticket: `is_shared: true` on the ticket (a PUT converges, so repeating it is harmless).
 */
import { z } from 'zod';
import { summaryToNoteHtml } from '../../domain/summary';
import { escapeHtml } from '../../domain/text';
import { PermanentJobError, RetryJobError } from '../job-outcomes';
import type { Escalation, Store } from '../../store';
import type { Clock } from '../../util/clock';
import type { EscalationDeps } from './deps';
import { classify, toJobError } from './failures';
import { createTicketInput, linkTicket } from './link';
import { carriesNoteReference, findEscalationTicket, noteReference } from './markers';
import { type EscalationPayload, readPayload } from './payload';

const jobPayloadSchema = z.object({ escalationId: z.string().min(1) });

async function load(
  deps: EscalationDeps,
  workspaceId: string,
  raw: unknown,
): Promise<{ escalation: Escalation; payload: EscalationPayload }> {
  const parsed = jobPayloadSchema.safeParse(raw);
  if (!parsed.success) throw new PermanentJobError('escalation job without an escalation id');
  const escalation = await deps.store.escalations.get(workspaceId, parsed.data.escalationId);
  if (!escalation) throw new PermanentJobError('escalation not found');
  const payload = readPayload(escalation.request);
  if (!payload) throw new PermanentJobError('escalation request unreadable');
  return { escalation, payload };
}

async function markFailed(deps: EscalationDeps, escalation: Escalation, message: string): Promise<void> {
  await deps.store.escalations.updateStatus(
    escalation.workspaceId,
    escalation.id,
    { status: 'failed', lastError: message },
    deps.clock.now(),
  );
  deps.logger.warn({ workspaceId: escalation.workspaceId, escalationId: escalation.id, reason: message }, 'escalation failed');
}

export async function runCreateTicket(deps: EscalationDeps, workspaceId: string, raw: unknown): Promise<unknown> {
  const { escalation, payload } = await load(deps, workspaceId, raw);
  if (escalation.status === 'linked' || escalation.status === 'failed') return { skipped: escalation.status };
  const settledAt = escalation.updatedAt + deps.budgets.settleMs;
  if (escalation.status === 'creating' && deps.clock.now() < settledAt) {
    throw new RetryJobError('the inline create may still be in flight', settledAt);
  }
  try {
    const client = await deps.directory.clientFor(workspaceId);
    const others = await deps.store.tickets.listByConversation(workspaceId, escalation.conversationId);
    const skip = new Set(others.filter((t) => t.escalationId !== null && t.escalationId !== escalation.id).map((t) => t.ticketId));
    const found = await findEscalationTicket(client, escalation.conversationId, escalation.id, skip);
    const ticket = found ?? (await client.tickets.create(createTicketInput(escalation, payload)));
    await linkTicket(deps, escalation, payload, ticket);
    return { ticketId: ticket.id, found: found !== null };
  } catch (error) {
    const failure = classify(error);
    if (failure?.kind === 'rejected') await markFailed(deps, escalation, failure.message);
    throw toJobError(error, failure);
  }
}

/**
 * The create job was dead-lettered (Intercom kept failing, or it could not run at all): the escalation will not
 * become a ticket by itself, so it stops showing as queued and the sidebar says what to do. Runs in the
 * dead-lettering's transaction. The ticket may exist all the same (an answer lost after Intercom acted), hence
 * the advice to look before escalating again.
 */
export async function giveUpCreateTicket(tx: Store, clock: Clock, workspaceId: string, raw: unknown, reason: string): Promise<void> {
  const parsed = jobPayloadSchema.safeParse(raw);
  if (!parsed.success) return;
  const escalation = await tx.escalations.get(workspaceId, parsed.data.escalationId);
  if (!escalation || (escalation.status !== 'queued' && escalation.status !== 'creating')) return;
  // The sidebar shows about 90 characters: the advice comes first, the cause after it for whoever reads the row.
  const lastError = `Intercom kept failing; check Intercom for the ticket before escalating again. (${reason})`;
  await tx.escalations.updateStatus(workspaceId, escalation.id, { status: 'failed', lastError }, clock.now());
}

export async function runPostNote(deps: EscalationDeps, workspaceId: string, raw: unknown): Promise<unknown> {
  const { escalation, payload } = await load(deps, workspaceId, raw);
  if (escalation.ticketId === null || escalation.adminId === null) throw new PermanentJobError('escalation has no ticket or admin');
  const ticket = await deps.store.tickets.get(workspaceId, escalation.ticketId);
  const ticketNumber = ticket?.ticketNumber ?? escalation.ticketId;
  try {
    const client = await deps.directory.clientFor(workspaceId);
    const conversation = await client.conversations.get(escalation.conversationId);
    if (carriesNoteReference(conversation, escalation.id)) return { alreadyPosted: true };
    const summary = { text: payload.summary, sections: payload.sections };
    const url = deps.ticketUrl(workspaceId, escalation.ticketId);
    const body = `${summaryToNoteHtml(summary, ticketNumber, url)}<p>${escapeHtml(noteReference(escalation.id))}</p>`;
    await client.conversations.reply(escalation.conversationId, { adminId: escalation.adminId, body, messageType: 'note' });
    return { posted: true };
  } catch (error) {
    throw toJobError(error, classify(error));
  }
}

export async function runShareTicket(deps: EscalationDeps, workspaceId: string, raw: unknown): Promise<unknown> {
  const { escalation } = await load(deps, workspaceId, raw);
  if (escalation.ticketId === null) throw new PermanentJobError('escalation has no ticket');
  try {
    const client = await deps.directory.clientFor(workspaceId);
    await client.tickets.update(escalation.ticketId, { isShared: true });
    return { shared: true };
  } catch (error) {
    throw toJobError(error, classify(error));
  }
}
