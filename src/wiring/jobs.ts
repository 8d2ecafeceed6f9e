/**
 * Phase 4, background jobs: the outbox worker with every kind of job's handler (escalation, SLA ladder, sync, AI
 * triage), which answers the services' wake-up from here on; the SLA scheduler; the webhook processor; the
 * reconciler. Ladder actions share the escalations' outbox, so an Intercom outage delays them and loses none.
 */
import type { BackgroundJob } from '../jobs/background-job';
import { createEscalationHandlers, escalationDeadLetterHandlers } from '../jobs/escalation-handlers';
import { createCustomerSideHandlers } from '../jobs/customer-side-handlers';
import { createIncidentHandlers, incidentDeadLetterHandlers } from '../jobs/incident-handlers';
import { createSharedCaseHandlers } from '../jobs/shared-case-handlers';
import { createLadderHandlers } from '../jobs/ladder-handlers';
import { createOutboxWorker, type OutboxWorker } from '../jobs/outbox-worker';
import { createReconciler } from '../jobs/reconciler';
import { createViewNotesJob } from '../jobs/view-notes-flush';
import { createSlaScheduler, type SlaScheduler } from '../jobs/sla-scheduler';
import { createSyncHandlers } from '../jobs/sync-handlers';
import { createTriageAiHandlers } from '../jobs/triage-ai-handlers';
import { createWebhookProcessor, type WebhookProcessor } from '../jobs/webhook-processor';
import { applyTicket } from '../services/sync';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { IntercomAccess } from './intercom-access';
import type { BuildOptions } from './options';
import type { Services } from './services';
import type { Storage } from './storage';

export interface Jobs {
  outbox: OutboxWorker;
  webhookProcessor: WebhookProcessor;
  /** Its lag is on /metrics. */
  slaScheduler: SlaScheduler;
  /** Every loop, in the order they start; `stop` stops them all. */
  all: readonly BackgroundJob[];
}

export function buildJobs(
  { config }: BuildOptions,
  { store }: Storage,
  { directory, settings }: IntercomAccess,
  services: Services,
  clock: Clock,
  logger: Logger,
  instanceId: string,
): Jobs {
  const { sync, escalation, incidents, sharedCases, names, triageAi, slaPolicies, outboxWakeup } = services;
  const ladderHandlers = createLadderHandlers({
    store,
    clientFor: (workspaceId) => directory.clientFor(workspaceId),
    settings: (workspaceId) => settings.get(workspaceId),
    names: (workspaceId) => names.names(workspaceId),
    applyTicket: async (workspaceId, ticket) => {
      await applyTicket(sync, workspaceId, ticket, { source: 'action' });
    },
  });
  const outbox = createOutboxWorker({
    store,
    clock,
    handlers: {
      ...createEscalationHandlers(escalation),
      ...ladderHandlers,
      ...createSyncHandlers(sync),
      ...createCustomerSideHandlers(sync),
      ...createTriageAiHandlers(triageAi),
      ...createIncidentHandlers(incidents),
      ...createSharedCaseHandlers(sharedCases),
    },
    onDeadLettered: { ...escalationDeadLetterHandlers(clock), ...incidentDeadLetterHandlers(clock) },
    workerId: instanceId,
    logger: logger.child({ job: 'outbox' }),
  });
  outboxWakeup.answer(() => outbox.poke());
  const slaScheduler = createSlaScheduler({
    store,
    clock,
    policies: slaPolicies,
    instanceId,
    logger: logger.child({ job: 'sla-scheduler' }),
    intervalMs: config.jobs.slaTickMs,
    onEnqueued: outboxWakeup.ring,
  });
  const webhookProcessor = createWebhookProcessor({ sync, workerId: instanceId, intervalMs: config.jobs.outboxPollMs });
  const all: readonly BackgroundJob[] = [
    { name: 'outbox', runOnce: () => outbox.runOnce(), start: () => outbox.start(config.jobs.outboxPollMs), stop: () => outbox.stop() },
    slaScheduler,
    webhookProcessor,
    createReconciler({ sync, intervalMs: config.jobs.reconcileIntervalMs }),
    createViewNotesJob([services.seen, services.signatures], (error) =>
      logger.warn({ error: String(error) }, 'sidebar notes (conversations seen, problem signatures) not written yet'),
    ),
  ];
  return { outbox, webhookProcessor, slaScheduler, all };
}
