/**
 * Closing the loop on a shared case: when its ticket resolves, the conversation that opened it gets the resolve
 * follow-ups it always got (src/services/sync/resolve-follow-ups.ts), and every attached conversation gets the same,
 * exactly once, paced, through the shared fan-out (src/services/resolve-fan-out.ts).
 *
 * - The fan-out job is enqueued with the resolution (resolve.ts).
 * - The fan-out job enqueues one follow-up per attached conversation, keyed by ticket, conversation and resolution.
 * - A follow-up job skips a conversation detached since, sends the note and reopen, and records the resolution,
 *   enqueueing in the same transaction the customer-facing update when the ticket's queue tells customers
 *   (src/services/customer-updates/shared-case-update.ts), as the ticket's own conversation is told.
 */
import type { CaseAttachment, TicketLink } from '../../store';
import { enqueueSharedCaseUpdate } from '../customer-updates/shared-case-update';
import { runPacedFanOut, sendResolveFollowUp } from '../resolve-fan-out';
import { resolveNoteHtml } from '../sync/resolve-follow-ups';
import type { Attempt } from '../sync/intercom-writes';
import type { SharedCaseDeps } from './deps';
import { CASE_JOB_KINDS, type CaseFollowUpPayload, caseFollowUpPayload, caseKeys } from './jobs';

export function runCaseFanOut(deps: SharedCaseDeps, workspaceId: string, ticketId: string, resolvedAt: number) {
  const { store } = deps.sync;
  return runPacedFanOut({ ...deps.sync, pacing: deps.pacing }, resolvedAt, {
    page: (afterId, limit) => store.caseAttachments.listAttached(workspaceId, ticketId, { ...(afterId ? { afterId } : {}), limit }),
    enqueue: async (tx, attachment, now, runAt) => {
      const payload = caseFollowUpPayload.parse({
        attachmentId: attachment.id,
        ticketId,
        conversationId: attachment.conversationId,
        resolvedAt,
      });
      const { created } = await tx.outbox.enqueue(workspaceId, {
        kind: CASE_JOB_KINDS.followUp,
        dedupeKey: caseKeys.followUp(ticketId, attachment.conversationId, resolvedAt),
        payload,
        now,
        runAt,
      });
      return created ? 1 : 0;
    },
    describe: { workspaceId, ticketId, source: 'shared case' },
  });
}

export async function runCaseFollowUp(
  deps: SharedCaseDeps,
  workspaceId: string,
  job: CaseFollowUpPayload,
  attempt: Attempt,
): Promise<unknown> {
  const { store } = deps.sync;
  const [attachment, ticket] = await Promise.all([
    store.caseAttachments.get(workspaceId, job.attachmentId),
    store.tickets.get(workspaceId, job.ticketId),
  ]);
  // Detached since, or already done: the conversation is no longer this case's to follow up.
  if (!attachment?.attached || attachment.ticketId !== job.ticketId) return { skipped: 'not attached' };
  if (attachment.followedUpFor === job.resolvedAt) return { skipped: 'done' };
  const body = resolveNoteHtml(ticket ?? placeholder(job.ticketId));
  const sent = await sendResolveFollowUp(
    deps.sync,
    workspaceId,
    { conversationId: job.conversationId, ticketId: job.ticketId, body },
    attempt,
  );
  const told = await markFollowedUp(deps, attachment, ticket, job.resolvedAt);
  return { ...sent, customerUpdate: told > 0 ? 'enqueued' : 'none' };
}

/** The follow-up is done: its progress, and the customer's update when the ticket's queue sends them, in one transaction. */
async function markFollowedUp(deps: SharedCaseDeps, attachment: CaseAttachment, ticket: TicketLink | null, resolvedAt: number) {
  const { store, settings } = deps.sync;
  const workspaceSettings = await settings.get(attachment.workspaceId);
  const now = deps.clock.now();
  const enqueued = await store.transaction(async (tx) => {
    await tx.caseAttachments.markFollowedUp(attachment.workspaceId, attachment, resolvedAt);
    return enqueueSharedCaseUpdate(tx, workspaceSettings, attachment, ticket, resolvedAt, now);
  });
  if (enqueued > 0) deps.sync.pokeOutbox();
  return enqueued;
}

/** The note's wording when the snapshot is gone (the workspace's data purged meanwhile): still a true sentence. */
function placeholder(ticketId: string): Pick<TicketLink, 'ticketNumber' | 'ticketId' | 'title' | 'ownerName' | 'teamName'> {
  return { ticketNumber: null, ticketId, title: 'the shared case', ownerName: null, teamName: null };
}
