/**
 * "Add to an existing case": attach this conversation to a back-office ticket another conversation opened, exactly
 * once. Intercom links back-office tickets to a conversation only when it creates them, so the attachment lives in
 * Handoff (src/store/repos/case-attachments.ts). One transaction checks the ticket (this workspace's, linked through
 * Handoff, open, not this conversation's own), reserves the attachment (one per conversation and ticket, one row
 * per form nonce) and enqueues the note on the ticket: the case was also reported here, with this conversation's
 * summary. The flow then tries the note once inline.
 */
import { sharedCaseNoteHtml } from '../../domain/summary';
import type { CaseAttachment, OutboxJob } from '../../store';
import { type EscalationContext, summaryFor } from '../escalation';
import { SYNC_JOB_KINDS, type TicketNotePayload } from '../sync/sync-jobs';
import type { SharedCaseDeps } from './deps';
import { caseKeys } from './jobs';

export const ATTACHED_REASON = 'The same case as this ticket: attached from another conversation with Handoff.';

export interface AttachInput {
  context: EscalationContext;
  adminId: string;
  ticketId: string;
  note: string | null;
  nonce: string;
  /** When the outbox may take the note over from the inline try. */
  runAt: number;
}

export type AttachOutcome =
  | { kind: 'new'; attachment: CaseAttachment; job: OutboxJob }
  | { kind: 'duplicate'; attachment: CaseAttachment; job: OutboxJob | null }
  | { kind: 'refused'; message: string };

export const REFUSED = {
  unknown: 'That is not a back-office ticket Handoff knows in this workspace. Pick one from the search.',
  own: 'This conversation opened that ticket: it already shows it.',
  closed: 'That case is resolved or closed. Escalate this conversation instead, or pick an open case.',
  already: 'This conversation already has that ticket.',
} as const;

export async function attachToCase(deps: SharedCaseDeps, input: AttachInput): Promise<AttachOutcome> {
  const { workspaceId, conversationId } = input.context;
  const summary = summaryFor(deps.escalation, input.context, ATTACHED_REASON);
  const body = sharedCaseNoteHtml(summary, deps.escalation.conversationUrl(workspaceId, conversationId), input.note);
  const now = deps.clock.now();
  const outcome = await deps.sync.store
    .transaction(async (tx): Promise<AttachOutcome> => {
      const ticket = await tx.caseAttachments.getTicketForUpdate(workspaceId, input.ticketId);
      if (!ticket) return { kind: 'refused', message: REFUSED.unknown };
      if (ticket.conversationId === conversationId) return { kind: 'refused', message: REFUSED.own };
      const reserved = await tx.caseAttachments.reserve(workspaceId, {
        requestKey: `${conversationId}:${input.nonce}`,
        ticketId: ticket.ticketId,
        conversationId,
        adminId: input.adminId,
        note: input.note,
        now,
      });
      if (reserved.kind === 'duplicate')
        return { ...reserved, job: await tx.outbox.getByDedupeKey(workspaceId, caseKeys.note(reserved.attachment.id)) };
      if (reserved.kind === 'already_attached') return { kind: 'refused', message: REFUSED.already };
      // After the reservation, so a replayed submit is answered as before; thrown, so the new row goes with the transaction.
      if (!ticket.isOpen) throw new Refusal(REFUSED.closed);
      const payload: TicketNotePayload = { ticketId: ticket.ticketId, adminId: input.adminId, body, crossPost: false };
      const { job } = await tx.outbox.enqueue(workspaceId, {
        kind: SYNC_JOB_KINDS.ticketNote,
        dedupeKey: caseKeys.note(reserved.attachment.id),
        payload,
        now,
        runAt: input.runAt,
      });
      return { kind: 'new', attachment: reserved.attachment, job };
    })
    .catch((error: unknown) => {
      if (error instanceof Refusal) return { kind: 'refused' as const, message: error.message };
      throw error;
    });
  if (outcome.kind === 'new')
    deps.sync.logger.info(
      { workspaceId, ticketId: input.ticketId, attachmentId: outcome.attachment.id },
      'conversation attached to a case',
    );
  return outcome;
}

/** Rolls the attach transaction back and becomes the teammate's message. */
class Refusal extends Error {}
