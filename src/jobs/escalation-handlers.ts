/**
 * Outbox handlers for escalations: create the ticket, post the conversation note, share the ticket. The work
 * lives in src/services/escalation/jobs.ts; this maps job kinds to it for the worker's handler table.
 */
import type { Clock } from '../util/clock';
import {
  type EscalationDeps,
  giveUpCreateTicket,
  JOB_CREATE_TICKET,
  JOB_POST_NOTE,
  JOB_SHARE_TICKET,
  runCreateTicket,
  runPostNote,
  runShareTicket,
} from '../services/escalation';
import type { DeadLetterHandler, OutboxHandler } from './outbox-worker';

export function createEscalationHandlers(deps: EscalationDeps): Record<string, OutboxHandler> {
  return {
    [JOB_CREATE_TICKET]: (job) => runCreateTicket(deps, job.workspaceId, job.payload),
    [JOB_POST_NOTE]: (job) => runPostNote(deps, job.workspaceId, job.payload),
    [JOB_SHARE_TICKET]: (job) => runShareTicket(deps, job.workspaceId, job.payload),
  };
}

/** A create job that dies leaves its escalation failed, not queued for ever (see giveUpCreateTicket). */
export function escalationDeadLetterHandlers(clock: Clock): Record<string, DeadLetterHandler> {
  return {
    [JOB_CREATE_TICKET]: (tx, job, error) => giveUpCreateTicket(tx, clock, job.workspaceId, job.payload, error),
  };
}
