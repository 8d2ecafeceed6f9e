/**
 * The composition root, built in phases in the order things depend on each other, one file a phase:
 * storage → Intercom access and installing → services → background jobs → the HTTP edge. Nothing is used before it
 * is built; the one loop in the graph (services enqueue outbox jobs whose worker runs those services) goes through
 * a wake-up the worker answers once it exists. `src/server.ts` calls it and listens; tests call it with a memory
 * database, a manual clock and the fake Intercom's URL.
 */
import { randomUUID } from 'node:crypto';
import { systemClock } from '../util/clock';
import { createLogger } from '../util/logger';
import { buildHttpEdge } from './http';
import { buildIntercomAccess } from './intercom-access';
import { buildJobs } from './jobs';
import type { Application, BuildOptions } from './options';
import { buildServices } from './services';
import { openStorage } from './storage';

export type { Application, BuildOptions } from './options';

export async function buildApplication(options: BuildOptions): Promise<Application> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const instanceId = options.instanceId ?? `handoff-${randomUUID().slice(0, 8)}`;

  const storage = await openStorage(config, logger, options.database);
  const access = await buildIntercomAccess(options, storage, clock, logger);
  const services = buildServices(options, storage, access, clock, logger);
  const jobs = buildJobs(options, storage, access, services, clock, logger, instanceId);
  const { app, afterReply } = buildHttpEdge(options, storage, access, services, jobs, clock, logger);

  const { store, cipher } = storage;
  let stopped = false;
  return {
    app,
    store,
    deps: services.deps,
    cipher,
    logger,
    outbox: jobs.outbox,
    jobs: jobs.all,
    install: access.install,
    privateWorkspace: access.privateWorkspace,
    triageAiSettings: services.triageAiSettings,
    startJobs: () => {
      for (const job of jobs.all) job.start();
    },
    settled: () => afterReply.settled(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await afterReply.settled();
      await Promise.all(jobs.all.map((job) => job.stop()));
      await store.close();
    },
  };
}
