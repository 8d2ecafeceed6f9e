/**
 * The customer-facing update for one conversation of a ticket many conversations share, when that ticket
 * resolves: an incident's tracker (incident-update.ts) or a shared case's back-office ticket (shared-case-update.ts).
 * Each source's follow-up job enqueues it in the transaction that marks the conversation followed up, so the note
 * and the reopen come first. It is due once the collapse window has passed after that follow-up: the follow-ups'
 * pace carries over to the replies, and a resolution undone within the window is never told (the ticket reads as
 * not resolved, or resolved later: superseded). Keyed by ticket, conversation and resolution, so a redelivered
 * resolve, a re-run follow-up or a restart finds the first row.
 */
import type { WorkspaceSettings } from '../../domain/settings';
import type { Store } from '../../store';
import { CUSTOMER_UPDATE_JOB_KIND, type CustomerUpdatePayload, customerUpdateKey, memberCaseKey } from './jobs';

export interface MemberResolution {
  workspaceId: string;
  ticketId: string;
  conversationId: string;
  resolvedAt: number;
  /** The conversation's standing tie to the ticket, checked again when the job runs. */
  member: { linkId: string } | { attachmentId: string };
}

/** Returns how many outbox jobs were new (0 or 1). Inside the caller's transaction; the caller decided it is enabled. */
export async function enqueueMemberUpdate(
  tx: Store,
  settings: WorkspaceSettings,
  resolution: MemberResolution,
  now: number,
): Promise<number> {
  const { workspaceId, ticketId, conversationId, resolvedAt } = resolution;
  const payload: CustomerUpdatePayload = { ticketId, conversationId, state: 'resolved', enteredAt: resolvedAt, ...resolution.member };
  const { created } = await tx.outbox.enqueue(workspaceId, {
    kind: CUSTOMER_UPDATE_JOB_KIND,
    dedupeKey: customerUpdateKey(memberCaseKey(ticketId, conversationId), 'resolved', resolvedAt),
    payload,
    now,
    runAt: now + settings.customer.collapseMinutes * 60_000,
  });
  return created ? 1 : 0;
}
