/**
 * Outbox handler for the automatic case updates (issue 20): parses the payload and runs the service
 * (src/services/customer-updates/send.ts); an Intercom failure is translated once, a wait for the conversation's
 * update interval comes back as the time to run again.
 */
import { CUSTOMER_UPDATE_JOB_KIND, customerUpdatePayload } from '../services/customer-updates/jobs';
import { sendCaseUpdate } from '../services/customer-updates/send';
import { asOutboxJob } from '../services/intercom-failure';
import { parsePayload } from '../services/sync/parse-payload';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { OutboxHandler } from './outbox-worker';
import { attemptOf } from './sync-handlers';

export function createCustomerUpdateHandlers(sync: SyncDeps): Record<string, OutboxHandler> {
  return {
    [CUSTOMER_UPDATE_JOB_KIND]: (job) =>
      asOutboxJob(() => sendCaseUpdate(sync, job.workspaceId, parsePayload(customerUpdatePayload, job.payload), attemptOf(job))),
  };
}
