/**
 * The customer-facing update when a shared case resolves, for each conversation attached to its back-office ticket
 * ("Add to an existing case"): told once per conversation and resolution, through the same job, rules, words and
 * pacing as the ticket's own conversation (send.ts), enqueued by the attachment's follow-up
 * (src/services/shared-cases/follow-ups.ts) through member-update.ts.
 *
 * Which queue's choice applies: the ticket's own, exactly as for the conversation that opened it; the customer-facing
 * title is that queue's too. The state and its label are the ticket's, as ticket sync recorded them.
 *
 * What the customer reads: no reference. The ticket's number was given to the customer who opened the case; the
 * attached customer never heard of it, and it would hint at another customer's report.
 */
import type { WorkspaceSettings } from '../../domain/settings';
import type { CaseAttachment, Store, TicketLink } from '../../store';
import { type CaseFacts, ticketCaseFacts } from './case-facts';
import type { CustomerUpdatePayload } from './jobs';
import { enqueueMemberUpdate } from './member-update';
import { updatesEnabled } from './record-state';

/** Returns how many outbox jobs were new (0 or 1). Inside the caller's transaction. */
export function enqueueSharedCaseUpdate(
  tx: Store,
  settings: WorkspaceSettings,
  attachment: CaseAttachment,
  ticket: Pick<TicketLink, 'queue'> | null,
  resolvedAt: number,
  now: number,
): Promise<number> {
  // A snapshot purged meanwhile has no queue to have opted in: the send would find it disabled, so nothing is queued.
  if (ticket === null || !updatesEnabled(settings, ticket)) return Promise.resolve(0);
  const { workspaceId, ticketId, conversationId, id } = attachment;
  return enqueueMemberUpdate(tx, settings, { workspaceId, ticketId, conversationId, resolvedAt, member: { attachmentId: id } }, now);
}

export async function sharedCaseFacts(
  store: Store,
  workspaceId: string,
  job: Pick<CustomerUpdatePayload, 'ticketId' | 'conversationId' | 'attachmentId'>,
): Promise<CaseFacts> {
  const [attachment, ticket] = await Promise.all([
    job.attachmentId ? store.caseAttachments.get(workspaceId, job.attachmentId) : null,
    ticketCaseFacts(store, workspaceId, job.ticketId),
  ]);
  // Detached since: the ticket is no longer this conversation's case, so it has nothing to tell them.
  const standing =
    attachment?.attached === true && attachment.ticketId === job.ticketId && attachment.conversationId === job.conversationId;
  return { ...ticket, enabled: (settings) => standing && ticket.enabled(settings), ticketNumber: null };
}
