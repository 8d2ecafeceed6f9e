/**
 * Outbox handlers for incidents: link, unlink, start, the fan-out of a resolution and each conversation's
 * follow-up. The work lives in src/services/incidents/; failures are translated once (a 4xx is final, a 429 says
 * when to retry). A link or start job that dies leaves its link failed, not "on its way" for ever.
 */
import {
  fanOutJobPayload,
  followUpJobPayload,
  giveUpLink,
  INCIDENT_JOB_KINDS,
  type IncidentDeps,
  linkJobPayload,
  runFanOut,
  runFollowUp,
  runLink,
  runStart,
  runUnlink,
  startJobPayload,
} from '../services/incidents';
import { asOutboxJob } from '../services/intercom-failure';
import { parsePayload } from '../services/sync/parse-payload';
import type { Clock } from '../util/clock';
import type { DeadLetterHandler, OutboxHandler } from './outbox-worker';
import { attemptOf } from './sync-handlers';

export function createIncidentHandlers(deps: IncidentDeps): Record<string, OutboxHandler> {
  return {
    [INCIDENT_JOB_KINDS.link]: (job) => asOutboxJob(() => runLink(deps, job.workspaceId, parsePayload(linkJobPayload, job.payload).linkId)),
    [INCIDENT_JOB_KINDS.unlink]: (job) =>
      asOutboxJob(() => runUnlink(deps, job.workspaceId, parsePayload(linkJobPayload, job.payload).linkId)),
    [INCIDENT_JOB_KINDS.start]: (job) => asOutboxJob(() => runStart(deps, job.workspaceId, parsePayload(startJobPayload, job.payload))),
    [INCIDENT_JOB_KINDS.fanOut]: (job) => {
      const { trackerId, resolvedAt } = parsePayload(fanOutJobPayload, job.payload);
      return runFanOut(deps, job.workspaceId, trackerId, resolvedAt);
    },
    [INCIDENT_JOB_KINDS.followUp]: (job) =>
      asOutboxJob(() => runFollowUp(deps, job.workspaceId, parsePayload(followUpJobPayload, job.payload), attemptOf(job))),
  };
}

export function incidentDeadLetterHandlers(clock: Clock): Record<string, DeadLetterHandler> {
  const giveUp: DeadLetterHandler = (tx, job, error) => {
    const parsed = linkJobPayload.safeParse(job.payload);
    return parsed.success ? giveUpLink(tx, clock.now(), job.workspaceId, parsed.data.linkId, error) : Promise.resolve();
  };
  return { [INCIDENT_JOB_KINDS.link]: giveUp, [INCIDENT_JOB_KINDS.start]: giveUp };
}
