/**
 * The composition root, built top to bottom in the order things depend on each other: storage → Intercom access →
 * installing (with the private install, when configured) → services → background jobs → routes. Nothing is used
 * before it is built; the one loop in the graph (services enqueue outbox jobs whose worker runs those services) goes
 * through a wake-up the worker answers once it exists. `src/server.ts` calls it and listens; tests call it with a
 * memory database, a manual clock and the fake Intercom's URL.
 */
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { Config } from './config';
import type { FlowDeps } from './flows/deps';
import type { CanvasRequest } from './flows/types';
import { allTickets, sidebar } from './flows/sidebar';
import { dispatchSubmit } from './flows/submit-table';
import { createApp } from './http/app';
import { installRoutes } from './http/install-routes';
import { oauthCallbackRoutes } from './http/oauth-callback';
import type { SettingsPageDeps } from './http/settings/page-deps';
import { settingsRoutes } from './http/settings/routes';
import { type AfterReply, createAfterReply } from './http/after-reply';
import type { HttpApp, MachineRoute } from './http/front-door';
import { uninstallRoute } from './http/uninstall-routes';
import { createWebhookIntake } from './jobs/webhook-intake';
import type { BackgroundJob } from './jobs/background-job';
import { createLadderHandlers } from './jobs/ladder-handlers';
import { createOutboxWorker, type OutboxWorker } from './jobs/outbox-worker';
import { createSlaScheduler } from './jobs/sla-scheduler';
import { createReconciler } from './jobs/reconciler';
import { createSyncHandlers } from './jobs/sync-handlers';
import { createWebhookProcessor } from './jobs/webhook-processor';
import { webhookRoute } from './http/webhook-routes';
import { ticketActions } from './flows/ticket-actions';
import { applyTicket, createSyncDeps } from './services/sync';
import { countingIntercomCalls, countReusedView, createViewCounters, viewMetrics } from './http/view-metrics';
import { createInitializeReuse } from './http/initialize-reuse';
import { METRIC_DEFS } from './http/metric-defs';
import { createMetricsEndpoint } from './http/metrics';
import { intercomAnswerCounts, intercomCallTotals } from './util/request-context';
import { createRequestMetrics } from './http/request-metrics';
import { createTokenCipher, type TokenCipher } from './security/token-cipher';
import { createInstallServices, type InstallServices } from './services/install';
import { createDirectoryCache } from './services/directory-cache';
import { createDeadWorkCache } from './services/dead-work-cache';
import { escalationHandlers } from './flows/escalation';
import { createEscalationHandlers, escalationDeadLetterHandlers } from './jobs/escalation-handlers';
import { DEFAULT_BUDGETS, type EscalationBudgets, type EscalationDeps } from './services/escalation';
import { intercomInboxUrl } from './services/inbox-url';
import { createTicketSnapshotter } from './services/ticket-snapshot';
import { createTicketTypeCache } from './services/ticket-types';
import { createSettingsService } from './services/settings-service';
import { createPolicyCache } from './services/sla/policy-cache';
import { createSlaService } from './services/sla/sla-service';
import { createTriageService } from './services/triage';
import { createTriageAiCounters, createTriageAiService, providerClients, resealAiKeys, withAiAnswers } from './services/triage-ai';
import { createTriageAiSettings, type TriageAiSettingsService } from './services/triage-ai/ai-settings';
import { createTriageAiHandlers } from './jobs/triage-ai-handlers';
import { createWorkspaceDirectory } from './services/workspace-directory';
import { installPrivateWorkspace } from './services/private-install';
import { createStore, type Database, migrateToLatest, openDatabase, type Store, type Workspace } from './store';
import { type Clock, systemClock } from './util/clock';
import { createLogger, type Logger } from './util/logger';
import { createWakeup } from './util/wakeup';

/** /metrics counts the webhook backlog only this far: beyond it the figure says "at least", at a bounded cost. */
const WEBHOOK_BACKLOG_COUNTED = 10_000;

export interface BuildOptions {
  config: Readonly<Config>;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests share one); default: opened from config. */
  database?: Database;
  /** Send every workspace's API calls here (sandbox and tests: the fake Intercom). */
  apiBaseUrlOverride?: string;
  /** Retry waits of the Intercom client; tests make them instant. */
  intercomSleep?: (ms: number) => Promise<void>;
  intercomMaxRetries?: number;
  /** Identifies this process in row leases (outbox, SLA timers). */
  instanceId?: string;
  /** Runs the work requests do after answering; default: at once (tests hold it to see the answer come first). */
  afterReply?: AfterReply;
  /** Extra routers mounted before the 404 handler (the sandbox's Inbox simulator). */
  routers?: readonly Router[];
  /** Where a ticket's "Open" link points (the sandbox points it at its simulator). */
  ticketUrl?: (workspaceId: string, ticketId: string) => string;
  /**
   * Recorded as a private install at start (GET /me with it). Default: INTERCOM_ACCESS_TOKEN when the config is in
   * private mode; the sandbox passes its demo workspace's token.
   */
  privateInstallToken?: string;
  /** Where the handoff summary links back to the conversation (the sandbox points it at its simulator). */
  conversationUrl?: (workspaceId: string, conversationId: string) => string;
  /** Time budgets of the escalate submit (tests shorten them); see src/services/escalation/deps.ts. */
  escalationBudgets?: Partial<EscalationBudgets>;
}

export interface Application {
  app: HttpApp;
  store: Store;
  deps: FlowDeps;
  cipher: TokenCipher;
  logger: Logger;
  outbox: OutboxWorker;
  jobs: readonly BackgroundJob[];
  /** Install, uninstall, OAuth and the settings page (src/services/install). */
  install: InstallServices;
  /** The workspace recorded by the private install at start, or null when there was none. */
  privateWorkspace: Workspace | null;
  /** The optional AI provider's per-workspace settings (the settings page's "AI triage" form). */
  triageAiSettings: TriageAiSettingsService;
  /** Starts every background loop. Tests usually drive `runOnce` instead. */
  startJobs(): void;
  /** Resolves once the work requests left to do after answering (linking a created ticket) has finished. */
  settled(): Promise<void>;
  /** Stops the loops, waits for work in flight, closes the database. */
  stop(): Promise<void>;
}

export async function buildApplication(options: BuildOptions): Promise<Application> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const instanceId = options.instanceId ?? `handoff-${randomUUID().slice(0, 8)}`;

  // Storage.
  const database =
    options.database ??
    openDatabase({
      ...config.database,
      // A dropped connection (restart, failover) is replaced on next use; requests meanwhile answer "unavailable".
      onConnectionError: (error) => logger.warn({ err: error.message }, 'database connection lost'),
    });
  await migrateToLatest(database);
  const store = createStore(database);
  const cipher = createTokenCipher(config.encryption.current, config.encryption.previous);

  // Intercom access: each workspace's client and its settings.
  // An explicit INTERCOM_API_BASE_URL wins over every workspace's regional host (the test override over both).
  const pinnedApiBaseUrl = options.apiBaseUrlOverride ?? config.intercom.pinnedApiBaseUrl;
  const directory = createWorkspaceDirectory({
    store,
    cipher,
    clock,
    timeoutMs: config.intercom.timeoutMs,
    ...(pinnedApiBaseUrl ? { apiBaseUrlOverride: pinnedApiBaseUrl } : {}),
    ...(options.intercomSleep ? { sleep: options.intercomSleep } : {}),
    ...(options.intercomMaxRetries === undefined ? {} : { maxRetries: options.intercomMaxRetries }),
  });
  const settings = createSettingsService(store, clock);

  // Installing and administering: OAuth, uninstall, the settings page and the sidebar's Settings link.
  const apiBaseUrl = options.apiBaseUrlOverride ?? config.intercom.apiBaseUrl;
  const install = createInstallServices({ config, store, cipher, clock, directory, settings, logger, apiBaseUrl });
  // Tokens sealed under a previous encryption key are re-sealed under the current one before any request is served.
  await install.resealTokens();
  await resealAiKeys(store, cipher, logger.child({ component: 'triage-ai' }));
  const privateToken = options.privateInstallToken ?? (config.installMode === 'private' ? config.intercom.accessToken : undefined);
  const privateWorkspace = privateToken
    ? await installPrivateWorkspace({
        token: privateToken,
        apiBaseUrl,
        // Stored as the workspace's host: the configured (or overridden) one when pinned, else the region's.
        pinBaseUrl: pinnedApiBaseUrl !== undefined,
        timeoutMs: config.intercom.timeoutMs,
        store,
        cipher,
        clock,
      })
    : null;

  // Services: what the sidebar, escalation and sync share, then escalation and sync themselves.
  // One settings/meter cache for the SLA service and the scheduler (see src/services/sla/policy-cache.ts).
  const slaPolicies = createPolicyCache();
  // Triage: the local engine with learnt adjustments, and in front of it the optional AI provider's cached answer.
  // The background AI job judges with the local service itself (its answer must not read its own cache).
  const localTriage = createTriageService(store);
  const triageAiCounters = createTriageAiCounters();
  const triageAiSettings = createTriageAiSettings({ store, cipher, now: () => clock.now() });
  const triageAi = createTriageAiService({
    store,
    directory,
    settings,
    triage: localTriage,
    cipher,
    clock,
    logger: logger.child({ job: 'triage-ai' }),
    providers: providerClients(config.triageAi.baseUrl),
    counters: triageAiCounters,
    limits: { timeoutMs: config.triageAi.timeoutMs, maxTranscriptChars: config.triageAi.maxTranscriptChars },
  });
  const deps: FlowDeps = {
    store,
    clock,
    settings,
    directory,
    sla: createSlaService({ clock, policies: slaPolicies }),
    triage: withAiAnswers(localTriage, triageAi),
    ticketUrl: options.ticketUrl ?? intercomInboxUrl,
    deadWork: createDeadWorkCache(store),
    settingsUrlFor: (workspaceId, admin) => install.settingsUrlFor(workspaceId, admin),
  };
  const clientFor = (workspaceId: string) => directory.clientFor(workspaceId);
  const names = createDirectoryCache({ clientFor, clock });
  const ticketTypes = createTicketTypeCache({ clientFor, clock });
  // Services enqueue outbox jobs and ring; the worker, built below, answers.
  const outboxWakeup = createWakeup('outbox');
  // Two-way ticket sync (src/services/sync): webhooks in, sidebar note/priority/refresh out, reconciliation.
  const sync = createSyncDeps({ deps, names, ticketTypes, logger: logger.child({ job: 'sync' }), pokeOutbox: outboxWakeup.ring });
  // Escalation (src/services/escalation): the escalate form, reserve + inline create, and its outbox jobs.
  const escalation: EscalationDeps = {
    store,
    clock,
    settings,
    directory,
    ticketTypes,
    snapshots: createTicketSnapshotter({ directory: names, ticketTypes }),
    sla: deps.sla,
    triage: deps.triage,
    ticketUrl: deps.ticketUrl,
    conversationUrl: options.conversationUrl ?? intercomInboxUrl,
    pokeOutbox: outboxWakeup.ring,
    // The job waits out the client's own timeout, so a create we stopped waiting for has settled first.
    budgets: { ...DEFAULT_BUDGETS, settleMs: config.intercom.timeoutMs + 1_000, ...options.escalationBudgets },
    logger: logger.child({ flow: 'escalation' }),
  };

  // Background jobs. SLA ladder actions share the escalations' outbox, so an Intercom outage delays them and loses none.
  const ladderHandlers = createLadderHandlers({
    store,
    clientFor,
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
      ...createTriageAiHandlers(triageAi),
    },
    onDeadLettered: escalationDeadLetterHandlers(clock),
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
  const jobs: readonly BackgroundJob[] = [
    { name: 'outbox', runOnce: () => outbox.runOnce(), start: () => outbox.start(config.jobs.outboxPollMs), stop: () => outbox.stop() },
    slaScheduler,
    webhookProcessor,
    createReconciler({ sync, intervalMs: config.jobs.reconcileIntervalMs }),
  ];

  // Routes. The submit table: the sidebar's own buttons, the ticket actions, the escalate flow.
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
    requestMetrics,
    metrics: createMetricsEndpoint(
      METRIC_DEFS,
      [
        async () => ({
          intercom_api_calls_total: intercomCallTotals.calls,
          intercom_requests_total: intercomAnswerCounts().map(({ count, ...labels }) => ({ labels, value: count })),
          ...viewMetrics(sidebarViews),
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

  let stopped = false;
  return {
    app,
    store,
    deps,
    cipher,
    logger,
    outbox,
    jobs,
    install,
    privateWorkspace,
    triageAiSettings,
    startJobs: () => {
      for (const job of jobs) job.start();
    },
    settled: () => afterReply.settled(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await afterReply.settled();
      await Promise.all(jobs.map((job) => job.stop()));
      await store.close();
    },
  };
}
