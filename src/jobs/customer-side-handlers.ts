/**
 * Outbox handlers of the customer's side (issue 20): the automatic case updates (src/services/customer-updates/
 * send.ts; a wait for the conversation's update interval comes back as the time to run again) and the details a
 * customer adds from the Messenger card (src/services/customer-cases/details.ts). Intercom failures are translated once.
 */
import { CUSTOMER_DETAILS_JOB_KIND, customerDetailsPayload } from '../services/customer-cases/jobs';
import { postDetails } from '../services/customer-cases/details';
import { CUSTOMER_UPDATE_JOB_KIND, customerUpdatePayload } from '../services/customer-updates/jobs';
import { sendCaseUpdate } from '../services/customer-updates/send';
import { asOutboxJob } from '../services/intercom-failure';
import { parsePayload } from '../services/sync/parse-payload';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { OutboxHandler } from './outbox-worker';
import { attemptOf } from './sync-handlers';

export function createCustomerSideHandlers(sync: SyncDeps): Record<string, OutboxHandler> {
  return {
    [CUSTOMER_UPDATE_JOB_KIND]: (job) =>
      asOutboxJob(() => sendCaseUpdate(sync, job.workspaceId, parsePayload(customerUpdatePayload, job.payload), attemptOf(job))),
    [CUSTOMER_DETAILS_JOB_KIND]: (job) =>
      asOutboxJob(() => postDetails(sync, job.workspaceId, parsePayload(customerDetailsPayload, job.payload), attemptOf(job))),
  };
}
