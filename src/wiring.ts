/**
 * The composition root: config → store, Intercom directory, services, flows,
 * routes and background jobs. `src/server.ts` calls it and listens; tests call
 * it with a memory database, a manual clock and the fake Intercom's URL.
 */
import { randomUUID } from 'node:crypto';
import type { Express, Router } from 'express';
import type { Config } from './config';
import { type FlowDeps, intercomTicketUrl } from './flows/deps';
import { allTickets, sidebar } from './flows/sidebar';
import { dispatchSubmit, type SubmitTable } from './flows/submit-table';
import { createApp } from './http/app';
import type { BackgroundJob } from './jobs/background-job';
import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from './jobs/outbox-worker';
import { createTokenCipher, type TokenCipher } from './security/token-cipher';
import { createSettingsService } from './services/settings-service';
import { createWorkspaceDirectory } from './services/workspace-directory';
import { createStore, type Database, migrateToLatest, openDatabase, type Store } from './store';
import { type Clock, systemClock } from './util/clock';
import { createLogger, type Logger } from './util/logger';

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
}

export interface Application {
  app: Express;
  store: Store;
  deps: FlowDeps;
  cipher: TokenCipher;
  logger: Logger;
  outbox: OutboxWorker;
  jobs: readonly BackgroundJob[];
  /** Starts every background loop. Tests usually drive `runOnce` instead. */
  startJobs(): void;
  /** Stops the loops, waits for work in flight, closes the database. */
  stop(): Promise<void>;
}

export async function buildApplication(options: BuildOptions): Promise<Application> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const instanceId = options.instanceId ?? `handoff-${randomUUID().slice(0, 8)}`;
  const database = options.database ?? openDatabase({ url: config.database.url, sqlitePath: config.database.sqlitePath });
  await migrateToLatest(database);
  const store = createStore(database);
  const cipher = createTokenCipher(config.encryption.current, config.encryption.previous);
  const directory = createWorkspaceDirectory({
    store,
    cipher,
    clock,
    timeoutMs: config.intercom.timeoutMs,
    ...(options.apiBaseUrlOverride ? { apiBaseUrlOverride: options.apiBaseUrlOverride } : {}),
    ...(options.intercomSleep ? { sleep: options.intercomSleep } : {}),
    ...(options.intercomMaxRetries === undefined ? {} : { maxRetries: options.intercomMaxRetries }),
  });
  const deps: FlowDeps = {
    store,
    clock,
    settings: createSettingsService(store, clock),
    directory,
    ticketUrl: intercomTicketUrl,
    settingsUrlFor: async () => null,
  };

  const submitTable: SubmitTable = {
    refresh: (request) => sidebar(deps, request),
    back: (request) => sidebar(deps, request),
    tickets_all: (request) => allTickets(deps, request),
  };
  const outboxHandlers: Record<string, OutboxHandler> = {};
  const routers: Router[] = [];

  const outbox = createOutboxWorker({
    store,
    clock,
    handlers: outboxHandlers,
    workerId: instanceId,
    logger: logger.child({ job: 'outbox' }),
  });
  const jobs: BackgroundJob[] = [
    { name: 'outbox', runOnce: () => outbox.runOnce(), start: () => outbox.start(config.jobs.outboxPollMs), stop: () => outbox.stop() },
  ];

  const app = createApp({
    logger,
    clientSecrets: config.intercom.clientSecrets,
    canvas: { initialize: (request) => sidebar(deps, request), submit: dispatchSubmit(submitTable) },
    health: async () => {
      try {
        await store.outbox.pendingCount(null);
        return { ok: true, checks: { database: 'ok' } };
      } catch {
        return { ok: false, checks: { database: 'unreachable' } };
      }
    },
    metrics: async () => ({ outbox_pending: await store.outbox.pendingCount(null) }),
    routers,
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
    startJobs: () => {
      for (const job of jobs) job.start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await Promise.all(jobs.map((job) => job.stop()));
      await store.close();
    },
  };
}
