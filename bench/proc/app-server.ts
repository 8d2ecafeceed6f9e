/**
 * The app under test, in its own process: built by src/wiring/ exactly as src/server.ts builds it (private
 * install through `GET /me`, real HTTP server on loopback), against the seeded store and the parent's fake
 * Intercom. Background loops are not left running: each scenario drives the one it measures, so no figure pays
 * for another's work.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../../src/util/logger';
import { buildApplication } from '../../src/wiring';
import { offsetClock } from '../bench-clock';
import { benchConfig } from '../secrets';
import { openSpec, type StoreSpec } from '../store-engine';
import type { AppContext } from './app-context';
import { memory, serveRpc } from './rpc';
import { slaCommands } from './sla-commands';
import { slaStormCommands } from './sla-storm-commands';
import { webhookCommands } from './webhook-commands';

export interface AppStartArgs {
  store: StoreSpec;
  fakeUrl: string;
  token: string;
  offsetMs: number;
  /** One of several instances on one database (`scenarios/multi-instance.ts`): its own id, for leases and claims. */
  instanceId?: string;
  /** Start every background loop at once, as src/server.ts does (the other scenarios drive the one they measure). */
  jobs?: boolean;
}

let context: AppContext | null = null;
/** How long the event loop was blocked between `loopDelay` calls: what a request arriving then waited first. */
const loopDelayHistogram = monitorEventLoopDelay({ resolution: 10 });
loopDelayHistogram.enable();

/** The loop's delay since the last call (ms: p50, p99, max), then starts a new window. */
function loopDelay(): { p50: number; p99: number; max: number } {
  const ms = (ns: number) => Math.round(ns / 10_000) / 100;
  const result = {
    p50: ms(loopDelayHistogram.percentile(50)),
    p99: ms(loopDelayHistogram.percentile(99)),
    max: ms(loopDelayHistogram.max),
  };
  loopDelayHistogram.reset();
  return result;
}
let server: Server | null = null;

function current(): AppContext {
  if (!context) throw new Error('the app is not started');
  return context;
}

async function start(raw: unknown): Promise<{ port: number; workspaceId: string }> {
  const args = raw as AppStartArgs;
  const config = benchConfig(args.token);
  const clock = offsetClock(args.offsetMs);
  const database = openSpec(args.store);
  const application = await buildApplication({
    config,
    clock,
    logger: silentLogger,
    database,
    apiBaseUrlOverride: args.fakeUrl,
    instanceId: args.instanceId ?? 'bench-app',
  });
  // The bench config is a private app: buildApplication recorded the install of `args.token`.
  const workspace = application.privateWorkspace;
  if (!workspace) throw new Error('the bench workspace was not installed');
  context = { application, database, clock };
  server = await new Promise<Server>((resolve) => {
    const listening = application.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  if (args.jobs) application.startJobs();
  return { port: (server.address() as AddressInfo).port, workspaceId: workspace.id };
}

async function stop(): Promise<void> {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }
  await context?.application.stop();
}

/**
 * The app's CPU time so far (µs), once the work its replies left behind has settled: the difference across one request
 * is that request's whole cost to the app, unlike wall time hardly moved by what else runs on the machine.
 */
async function cpuSettled(): Promise<{ user: number; system: number }> {
  await current().application.settled();
  return process.cpuUsage();
}

serveRpc(
  {
    start,
    memory,
    cpuSettled,
    loopDelay,
    // Without waiting for the app to settle: a reading taken while it serves load.
    cpuNow: async () => process.cpuUsage(),
    jobNames: () => current().application.jobs.map((job) => job.name),
    ...slaCommands(current),
    ...slaStormCommands(current),
    ...webhookCommands(current),
  },
  stop,
);
