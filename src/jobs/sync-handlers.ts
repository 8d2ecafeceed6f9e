/**
 * Outbox handlers for sync's jobs: notes and priority changes from the sidebar, the conversation follow-ups
 * of a resolved ticket, and re-reads of a ticket whose views from one second disagreed. Each parses its payload, runs the Intercom side (src/services/sync/intercom-writes.ts) and lets
 * the worker record the outcome; failures are translated once (a 4xx is final, a 429 says when to retry).
 */
import { asOutboxJob } from '../services/intercom-failure';
import { parsePayload } from '../services/sync/parse-payload';
import { postConversationNote, postTicketNote, reopenConversation, sendTicketPriority } from '../services/sync/intercom-writes';
import type { SyncDeps } from '../services/sync/sync-deps';
import {
  conversationNotePayload,
  conversationReopenPayload,
  SYNC_JOB_KINDS,
  ticketNotePayload,
  ticketPriorityPayload,
  ticketRereadPayload,
} from '../services/sync/sync-jobs';
import { refreshTicket } from '../services/sync/refresh-ticket';
import type { OutboxJob } from '../store';
import type { OutboxHandler } from './outbox-worker';

/**
 * Whether an earlier try may have posted: a claim that never recorded an answer (crash, lost lease), a failed
 * try, or a job enqueued to run later than it was created — the sidebar does that when it tries the job inline
 * first (flows/ticket-actions/inline.ts), and that try's outcome may not have been recorded.
 */
export function attemptOf(job: OutboxJob) {
  const deferred = job.nextAttemptAt !== null && job.nextAttemptAt > job.createdAt;
  return { mayHavePosted: job.attempts > 1 || job.lastError !== null || deferred, notBefore: job.createdAt };
}

export function createSyncHandlers(sync: SyncDeps): Record<string, OutboxHandler> {
  return {
    [SYNC_JOB_KINDS.ticketNote]: (job) =>
      asOutboxJob(() => postTicketNote(sync, job.workspaceId, parsePayload(ticketNotePayload, job.payload), attemptOf(job))),
    [SYNC_JOB_KINDS.ticketPriority]: (job) =>
      asOutboxJob(() => sendTicketPriority(sync, job.workspaceId, parsePayload(ticketPriorityPayload, job.payload))),
    [SYNC_JOB_KINDS.conversationNote]: (job) =>
      asOutboxJob(() => postConversationNote(sync, job.workspaceId, parsePayload(conversationNotePayload, job.payload), attemptOf(job))),
    [SYNC_JOB_KINDS.conversationReopen]: (job) =>
      asOutboxJob(() => reopenConversation(sync, job.workspaceId, parsePayload(conversationReopenPayload, job.payload))),
    // A read, safe to repeat; applied as reconciliation would, whether the ticket is open or not.
    [SYNC_JOB_KINDS.ticketReread]: (job) =>
      asOutboxJob(async () => {
        await refreshTicket(sync, job.workspaceId, parsePayload(ticketRereadPayload, job.payload).ticketId, 'reconcile');
      }),
  };
}
