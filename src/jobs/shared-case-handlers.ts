/**
 * Outbox handlers for shared cases: the fan-out of a resolution to the attached conversations and each one's
 * follow-up. The work lives in src/services/shared-cases/; failures are translated once (a 4xx is final, a 429
 * says when to retry). The note on the ticket is a plain sync ticket note (src/jobs/sync-handlers.ts).
 */
import { asOutboxJob } from '../services/intercom-failure';
import {
  CASE_JOB_KINDS,
  caseFanOutPayload,
  caseFollowUpPayload,
  runCaseFanOut,
  runCaseFollowUp,
  type SharedCaseDeps,
} from '../services/shared-cases';
import { parsePayload } from '../services/sync/parse-payload';
import type { OutboxHandler } from './outbox-worker';
import { attemptOf } from './sync-handlers';

export function createSharedCaseHandlers(deps: SharedCaseDeps): Record<string, OutboxHandler> {
  return {
    [CASE_JOB_KINDS.fanOut]: (job) => {
      const { ticketId, resolvedAt } = parsePayload(caseFanOutPayload, job.payload);
      return runCaseFanOut(deps, job.workspaceId, ticketId, resolvedAt);
    },
    [CASE_JOB_KINDS.followUp]: (job) =>
      asOutboxJob(() => runCaseFollowUp(deps, job.workspaceId, parsePayload(caseFollowUpPayload, job.payload), attemptOf(job))),
  };
}
