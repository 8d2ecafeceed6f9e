/**
 * Sandbox mode: the whole product on one machine with no Intercom account. Starts the fake Intercom in-process,
 * seeds the demo workspace, builds the real application on a fresh SQLite file against the fake, installs the
 * demo workspace as a private app would, saves demo settings, points the fake's webhooks at the app, and mounts
 * the Inbox simulator. The app and the fake share one clock, so the clock control moves both.
 *
 * Only src/server.ts's sandbox branch (and the tests) import this file, and it refuses a production config
 * before it touches anything: no code path starts the fake when credentials are set.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Config, SANDBOX_CLIENT_SECRET } from '../config';
import { openDatabase } from '../store';
import { OffsetClock } from '../util/clock';
import type { Logger } from '../util/logger';
import { type Application, buildApplication } from '../wiring';
import { type SandboxDemo, seedSandboxDemo } from './demo-data';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoReports } from './demo-reports';
import { saveDemoSettings } from './demo-settings';
import { type FakeIntercom, startFakeIntercom } from './fake-intercom';
import { bundleSimulator } from './simulator/bundle';
import { widgetStandIn } from './customer-view/bundle';
import { prepareCustomerView, withCustomerSide } from './customer-view/prepare';
import { type CustomerViewRuntime, customerViewRouter } from './customer-view/routes';
import { ownHosts } from './simulator/host-check';
import { type SimulatorAssets, simulatorRouter } from './simulator/routes';
import type { AdvancingClock, SimulatorRuntime } from './simulator/runtime';

export interface SandboxOptions {
  config: Readonly<Config>;
  logger: Logger;
  /** Default: real time plus whatever the clock control adds. Tests pass one over a ManualClock. */
  clock?: AdvancingClock;
  /** Default: `sandbox.sqlite` beside the configured SQLite file. Deleted and recreated on every start. */
  sqlitePath?: string;
  /** Default: config.port / config.host (port 0 picks a free one). */
  port?: number;
  host?: string;
  /** Default true. Tests may drive jobs only through the clock control and back-office panel. */
  startJobs?: boolean;
}

export interface SandboxHandle {
  url: string;
  simulatorUrl: string;
  server: Server;
  application: Application;
  fake: FakeIntercom;
  demo: SandboxDemo;
  clock: AdvancingClock;
  runtime: SimulatorRuntime;
  /** Stops the jobs, the database and the fake (the caller closes the server first). */
  stop(): Promise<void>;
  /** Closes the server, then everything else. */
  close(): Promise<void>;
}

/** Short intervals: in a demo the ladder and the outbox should follow a click within a second or two. */
const SANDBOX_JOBS = { outboxPollMs: 500, slaTickMs: 1000, reconcileIntervalMs: 30_000 };

export class SandboxRefusedError extends Error {}

export function assertSandboxConfig(config: Readonly<Config>): void {
  const credentials = config.intercom.accessToken !== undefined || config.intercom.clientSecrets.some((s) => s !== SANDBOX_CLIENT_SECRET);
  if (config.mode !== 'sandbox' || config.installMode !== 'sandbox' || credentials) {
    throw new SandboxRefusedError('refusing to start the sandbox: this is a production configuration (Intercom credentials are set)');
  }
}

export function sandboxDatabasePath(config: Readonly<Config>): string {
  return path.join(path.dirname(config.database.sqlitePath), 'sandbox.sqlite');
}

function resetDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  assertSandboxConfig(options.config);
  const { logger } = options;
  const clock = options.clock ?? new OffsetClock();
  const sqlitePath = options.sqlitePath ?? sandboxDatabasePath(options.config);
  resetDatabaseFile(sqlitePath);

  const assets: SimulatorAssets = await bundleSimulator();
  const fake = await startFakeIntercom({ clock });
  let runtime: SimulatorRuntime | null = null;
  let customerView: CustomerViewRuntime | null = null;
  let baseUrl = options.config.publicUrl;
  // Filled in once the server listens; nothing can reach the simulator before that.
  let allowedHosts: ReadonlySet<string> = new Set();
  let application: Application | undefined;
  let server: Server | undefined;
  try {
    const demo = seedSandboxDemo(fake, clock.now());
    const config = Object.freeze({ ...options.config, jobs: { ...options.config.jobs, ...SANDBOX_JOBS } });
    const database = openDatabase({ sqlitePath });
    application = await buildApplication({
      config,
      clock,
      logger,
      database,
      apiBaseUrlOverride: fake.url,
      privateInstallToken: demo.token,
      instanceId: 'sandbox',
      routers: [
        simulatorRouter(
          () => runtime,
          () => assets,
          () => allowedHosts,
        ),
        // The customer's side (issue 20): the demo customer site with the embed, and the Messenger stand-in.
        customerViewRouter(() => customerView, widgetStandIn()),
      ],
      // "Open in Intercom" opens the ticket in the simulator instead.
      ticketUrl: (_workspaceId, ticketId) => `${baseUrl}/sandbox?ticket=${encodeURIComponent(ticketId)}`,
      conversationUrl: (_workspaceId, conversationId) => `${baseUrl}/sandbox?conversation=${encodeURIComponent(conversationId)}`,
    });
    server = await listen(application, options.port ?? options.config.port, options.host ?? options.config.host);
    const address = server.address() as AddressInfo;
    baseUrl = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
    allowedHosts = ownHosts(address, options.config.publicUrl);

    const workspace = application.privateWorkspace;
    if (!workspace) throw new Error('the sandbox workspace was not installed');
    await saveDemoSettings(application.store, demo, workspace.timezone, clock.now(), (settings) => withCustomerSide(settings, baseUrl));
    await seedDemoFeedback(application, fake, demo, clock.now());
    await seedDemoReports(database, fake, demo, await application.deps.settings.get(demo.workspaceId), clock.now());
    fake.configureWebhooks({ url: `${baseUrl}/intercom/webhooks`, clientSecret: SANDBOX_CLIENT_SECRET });
    runtime = { fake, demo, application, clock, appUrl: baseUrl, clientSecret: SANDBOX_CLIENT_SECRET, movedMs: 0 };
    customerView = { simulator: runtime, view: await prepareCustomerView(application, fake, demo, clock.now()) };
    if (options.startJobs ?? true) application.startJobs();
    const app = application;
    const listening = server;

    const simulatorUrl = `${baseUrl}/sandbox`;
    logger.warn(
      { mode: 'sandbox', fakeIntercom: fake.url, database: sqlitePath },
      'SANDBOX MODE: fake Intercom with demo data; nothing here reaches a real Intercom workspace',
    );
    logger.info({ url: simulatorUrl }, `Inbox simulator: ${simulatorUrl}`);
    const stop = async () => {
      await app.stop();
      await fake.close();
    };
    return {
      url: baseUrl,
      simulatorUrl,
      server: listening,
      application: app,
      fake,
      demo,
      clock,
      runtime,
      stop,
      async close() {
        await closeServer(listening);
        await stop();
      },
    };
  } catch (error) {
    // Half-started: undo what did start, so a failed boot leaves no port, timer or open database behind.
    if (server?.listening) await closeServer(server);
    await application?.stop();
    await fake.close();
    throw error;
  }
}

function listen(application: Application, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = application.app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
