/**
 * A shared case's ticket resolved: its attached conversations' fan-out job, in the transaction that records the
 * resolution (src/services/sync/apply-ticket.ts), after the ticket row was written and so locked. An attachment
 * either committed before it and is counted here, or waited for the lock, found the ticket resolved and was
 * refused (attach.ts). Only a ticket with attachments costs a job. Kept apart from follow-ups.ts, which sends
 * through sync's Intercom writes: sync imports this file, so this file imports nothing of sync's.
 */
import type { Store } from '../../store';
import { CASE_JOB_KINDS, caseFanOutPayload, caseKeys } from './jobs';

/** Returns 1 when the ticket has attached conversations and the fan-out job is new. */
export async function enqueueCaseFanOut(
  tx: Store,
  workspaceId: string,
  ticketId: string,
  resolvedAt: number,
  now: number,
): Promise<number> {
  if ((await tx.caseAttachments.countAttached(workspaceId, ticketId)) === 0) return 0;
  const { created } = await tx.outbox.enqueue(workspaceId, {
    kind: CASE_JOB_KINDS.fanOut,
    dedupeKey: caseKeys.fanOut(ticketId, resolvedAt),
    payload: caseFanOutPayload.parse({ ticketId, resolvedAt }),
    now,
  });
  return created ? 1 : 0;
}
