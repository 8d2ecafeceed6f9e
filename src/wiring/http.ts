/**
 * Phase 5, the HTTP edge: the Canvas Kit routes (the sidebar and the submit table: the sidebar's own buttons, the
 * ticket actions, the escalate flow), the webhook intake in front of the processor, uninstall, install and OAuth,
 * the settings page, and the probes (/healthz, /metrics).
 */
import type { Router } from 'express';
import { allTickets, sidebar } from '../flows/sidebar';
import { dispatchSubmit } from '../flows/submit-table';
import { escalationHandlers } from '../flows/escalation';
import { incidentHandlers } from '../flows/incidents';
import { sharedCaseHandlers } from '../flows/shared-cases';
import { ticketActions } from '../flows/ticket-actions';
import type { CanvasRequest } from '../flows/types';
import { type AfterReply, createAfterReply } from '../http/after-reply';
import { createApp } from '../http/app';
import type { HttpApp, MachineRoute } from '../http/front-door';
import { createEmbedRoutes } from '../http/embed-routes';
import { createInitializeReuse } from '../http/initialize-reuse';
import { installRoutes } from '../http/install-routes';
import { messengerRoutes } from '../http/messenger-routes';
import { METRIC_DEFS } from '../http/metric-defs';
import { createMetricsEndpoint } from '../http/metrics';
import { oauthCallbackRoutes } from '../http/oauth-callback';
import { reportsRoutes } from '../http/reports/routes';
import type { SettingsPageDeps } from '../http/settings/page-deps';
import { settingsRoutes } from '../http/settings/routes';
import { uninstallRoute } from '../http/uninstall-routes';
import { countingIntercomCalls, countReusedView, createViewCounters, viewMetrics } from '../http/view-metrics';
import { webhookRoute } from '../http/webhook-routes';
import { createWebhookIntake } from '../jobs/webhook-intake';
import { createMessengerSecrets } from '../services/customer-cases/messenger-secret';
import { createReportService } from '../services/reports/report-service';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { intercomAnswerCounts, intercomCallTotals } from '../util/request-context';
import { createRequestMetrics } from '../http/request-metrics';
import type { IntercomAccess } from './intercom-access';
import type { Jobs } from './jobs';
import type { BuildOptions } from './options';
import type { Services } from './services';
import type { Storage } from './storage';

export interface HttpEdge {
  app: HttpApp;
  afterReply: AfterReply;
}

/** /metrics counts the webhook backlog only this far: beyond it the figure says "at least", at a bounded cost. */
const WEBHOOK_BACKLOG_COUNTED = 10_000;

export function buildHttpEdge(
  options: BuildOptions,
  { store, cipher }: Storage,
  { install, settings }: IntercomAccess,
  { deps, sync, escalation, incidents, sharedCases, trackerSearch, triageAiSettings, triageAiCounters, outboxWakeup }: Services,
  { webhookProcessor, slaScheduler }: Jobs,
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
    ...incidentHandlers({ flow: deps, incidents, search: trackerSearch }),
    ...sharedCaseHandlers({ flow: deps, cases: sharedCases }),
  };
  const intake = createWebhookIntake({
    store,
    clock,
    processor: webhookProcessor,
    onStored: () => webhookProcessor.poke(),
    maxQueued: config.webhookIntakeMaxQueued,
  });
  const machineRoutes: MachineRoute[] = [
    uninstallRoute(install),
    webhookRoute({ store, clock, logger, intake }),
    // The customer's side: the Messenger's "Your requests" card.
    ...messengerRoutes({ ...deps, pokeOutbox: outboxWakeup.ring }, logger),
  ];
  const settingsPages: SettingsPageDeps = {
    install,
    store,
    clock,
    settings,
    triageAi: triageAiSettings,
    messengerSecret: createMessengerSecrets({ store, cipher, now: () => clock.now() }),
    logger: logger.child({ component: 'install' }),
  };
  const routers: Router[] = [
    ...(options.routers ?? []),
    installRoutes(install),
    oauthCallbackRoutes(settingsPages),
    settingsRoutes(settingsPages),
    reportsRoutes({ page: settingsPages, reports: createReportService({ store, clock, settings }), ticketUrl: deps.ticketUrl }),
    // The customer's side: the case-status embed for the company's own site.
    createEmbedRoutes({ services: { ...deps, cipher }, logger }),
  ];
  // Intercom calls per sidebar view, on /metrics (a warm view makes none).
  const sidebarViews = createViewCounters();
  const initializeReuse = createInitializeReuse({ changes: store.changes, clock });
  const requestMetrics = createRequestMetrics();
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
      reuse: initializeReuse,
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
    requestMetrics,
    metrics: createMetricsEndpoint(
      METRIC_DEFS,
      [
        async () => ({
          intercom_api_calls_total: intercomCallTotals.calls,
          intercom_requests_total: intercomAnswerCounts().map(({ count, ...labels }) => ({ labels, value: count })),
          ...viewMetrics(sidebarViews),
          sidebar_reuse_misses_total: Object.entries(initializeReuse.misses()).map(([reason, value]) => ({ labels: { reason }, value })),
          sidebar_views_reused_shared_total: initializeReuse.sharedHits(),
          sla_scheduler_lag_seconds: slaScheduler.lagMs() / 1000,
        }),
        async () => {
          const backlog = await store.webhooks.backlog(WEBHOOK_BACKLOG_COUNTED);
          const lagMs = backlog.nextReceivedAt === null ? 0 : Math.max(0, clock.now() - backlog.nextReceivedAt);
          return { webhook_backlog: backlog.pending, webhook_lag_seconds: lagMs / 1000 };
        },
        async () => {
          const outboxCounts = await store.outbox.counts();
          return {
            outbox_pending: outboxCounts.open,
            outbox_dead: outboxCounts.dead,
            outbox_dead_lettered_total: outboxCounts.deadLetteredTotal,
          };
        },
        async () => triageAiCounters.snapshot(),
      ],
      [requestMetrics.registry],
    ),
    routers,
    machineRoutes,
  });
  return { app, afterReply };
}
