/**
 * Phase 5, the HTTP edge: the Canvas Kit routes (the sidebar and the submit table: the sidebar's own buttons, the
 * ticket actions, the escalate flow), the webhook intake in front of the processor, uninstall, install and OAuth,
 * the settings page, and the probes (/healthz, /metrics).
 */
import type { Router } from 'express';
import { allTickets, sidebar } from '../flows/sidebar';
import { dispatchSubmit } from '../flows/submit-table';
import { escalationHandlers } from '../flows/escalation';
import { ticketActions } from '../flows/ticket-actions';
import type { CanvasRequest } from '../flows/types';
import { type AfterReply, createAfterReply } from '../http/after-reply';
import { createApp } from '../http/app';
import type { HttpApp, MachineRoute } from '../http/front-door';
import { createInitializeReuse } from '../http/initialize-reuse';
import { installRoutes } from '../http/install-routes';
import { METRIC_DEFS } from '../http/metric-defs';
import { createMetricsEndpoint } from '../http/metrics';
import { oauthCallbackRoutes } from '../http/oauth-callback';
import type { SettingsPageDeps } from '../http/settings/page-deps';
import { settingsRoutes } from '../http/settings/routes';
import { uninstallRoute } from '../http/uninstall-routes';
import { countingIntercomCalls, countReusedView, createViewCounters, viewMetrics } from '../http/view-metrics';
import { webhookRoute } from '../http/webhook-routes';
import { createWebhookIntake } from '../jobs/webhook-intake';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { intercomCallTotals } from '../util/request-context';
import type { IntercomAccess } from './intercom-access';
import type { Jobs } from './jobs';
import type { BuildOptions } from './options';
import type { Services } from './services';
import type { Storage } from './storage';

export interface HttpEdge {
  app: HttpApp;
  afterReply: AfterReply;
}

export function buildHttpEdge(
  options: BuildOptions,
  { store }: Storage,
  { install, settings }: IntercomAccess,
  { deps, sync, escalation, triageAiSettings, triageAiCounters }: Services,
  { webhookProcessor }: Jobs,
  clock: Clock,
  logger: Logger,
): HttpEdge {
  const { config } = options;
  const ticketActionHandlers = ticketActions({ flow: deps, sync });
  const submitTable = {
    refresh: (request: CanvasRequest) => sidebar(deps, request),
    back: (request: CanvasRequest) => sidebar(deps, request),
    tickets_all: (request: CanvasRequest) => allTickets(deps, request),
    ...escalationHandlers(escalation, ticketActionHandlers.ticket_note_open),
    ...ticketActionHandlers,
  };
  const intake = createWebhookIntake({
    store,
    clock,
    processor: webhookProcessor,
    onStored: () => webhookProcessor.poke(),
    maxQueued: config.webhookIntakeMaxQueued,
  });
  const machineRoutes: MachineRoute[] = [uninstallRoute(install), webhookRoute({ store, clock, logger, intake })];
  const settingsPages: SettingsPageDeps = {
    install,
    store,
    clock,
    settings,
    triageAi: triageAiSettings,
    logger: logger.child({ component: 'install' }),
  };
  const routers: Router[] = [
    ...(options.routers ?? []),
    installRoutes(install),
    oauthCallbackRoutes(settingsPages),
    settingsRoutes(settingsPages),
  ];
  // Intercom calls per sidebar view, on /metrics (a warm view makes none).
  const sidebarViews = createViewCounters();
  const afterReply = options.afterReply ?? createAfterReply(logger.child({ component: 'after-reply' }));
  const app = createApp({
    logger,
    afterReply,
    clientSecrets: config.intercom.clientSecrets,
    canvas: {
      initialize: countingIntercomCalls((request, ctx) => sidebar(deps, request, ctx), sidebarViews),
      submit: dispatchSubmit(submitTable),
    },
    initializeReuse: {
      reuse: createInitializeReuse({ changes: store.changes, clock }),
      onReused: () => countReusedView(sidebarViews),
    },
    health: async () => {
      try {
        await store.ping();
        return { ok: true, checks: { database: 'ok' } };
      } catch {
        return { ok: false, checks: { database: 'unreachable' } };
      }
    },
    metrics: createMetricsEndpoint(METRIC_DEFS, [
      async () => ({ intercom_api_calls_total: intercomCallTotals.calls, ...viewMetrics(sidebarViews) }),
      async () => {
        const outboxCounts = await store.outbox.counts();
        return {
          outbox_pending: outboxCounts.open,
          outbox_dead: outboxCounts.dead,
          outbox_dead_lettered_total: outboxCounts.deadLetteredTotal,
        };
      },
      async () => triageAiCounters.snapshot(),
    ]),
    routers,
    machineRoutes,
  });
  return { app, afterReply };
}
