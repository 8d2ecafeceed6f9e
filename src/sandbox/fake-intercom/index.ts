/**
 * A fake Intercom: a real HTTP server on loopback (random port, in-process) implementing the REST calls Handoff
 * makes, with in-memory workspaces, Intercom's error bodies and rate-limit headers, switchable faults, request
 * validation against the 2.16 OpenAPI description, signed outgoing webhooks and a back-office "team" that changes
 * tickets as Intercom's Inbox would. Tests use it instead of mocking HTTP; the sandbox (`npm start`) runs the app
 * against it.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../util/clock';
import { type BackOffice, createBackOffice } from './back-office';
import { type DemoWorkspace, type DemoWorkspaceOptions, seedDemoWorkspace } from './demo-seed';
import { FaultControl } from './faults';
import { FakeOAuth, type OAuthConfig } from './oauth';
import { RateLimiter } from './rate-limit';
import { conversationRoutes } from './routes-conversations';
import { directoryRoutes } from './routes-directory';
import { ticketRoutes } from './routes-tickets';
import { trackerRoutes } from './routes-trackers';
import { createSeeder, type Seeder } from './seed';
import { createPipeline, type RecordedRequest, type SpecViolation } from './server';
import { checkAgainstSpec } from './spec-validator';
import { createState, type FakeState } from './state';
import { type WebhookConfig, type WebhookDelivery, WebhookSender } from './webhooks';

export interface FakeIntercomOptions {
  /** Drives every timestamp the fake reports (unix seconds) and rate-limit windows. Default: real time. */
  clock?: Clock;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Calls per workspace per 10-second window before a real 429. Default 1,666 (10,000/min). */
  rateLimitPerWindow?: number;
  /** How long a `timeout` fault holds a request before dropping it. Default 30 s. */
  timeoutHoldMs?: number;
}

export interface FakeIntercom {
  /** Base URL for the REST client, e.g. `http://127.0.0.1:41234`. Also serves `/oauth` and `/auth/eagle/token`. */
  readonly url: string;
  readonly state: FakeState;
  readonly seed: Seeder;
  seedDemoWorkspace(options?: DemoWorkspaceOptions): DemoWorkspace;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests that did not match the 2.16 description (each also got a 400/404). */
  readonly violations: SpecViolation[];
  /** Throws, listing every violation, if any request so far was off-spec. Call it in `afterEach`. */
  assertNoViolations(): void;
  /** Empties `requests` and `violations` (state is kept). */
  clearLog(): void;
  readonly faults: FaultControl;
  configureOAuth(config: OAuthConfig | null): void;
  configureWebhooks(config: WebhookConfig | null): void;
  /** Sends one signed notification; throws if webhooks are not configured. */
  emitWebhook(workspaceId: string, topic: string, item: unknown): Promise<WebhookDelivery>;
  readonly webhookDeliveries: readonly WebhookDelivery[];
  readonly backOffice: BackOffice;
  close(): Promise<void>;
}

export async function startFakeIntercom(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  const clock = options.clock ?? systemClock;
  const state = createState();
  const seed = createSeeder(state, clock);
  const faults = new FaultControl();
  const oauth = new FakeOAuth(state, clock);
  const webhooks = new WebhookSender(clock);
  const requests: RecordedRequest[] = [];
  const violations: SpecViolation[] = [];
  const held = new Set<ServerResponse>();
  const pipeline = createPipeline({
    state,
    clock,
    faults,
    oauth,
    requests,
    violations,
    held,
    check: checkAgainstSpec,
    routes: { ...directoryRoutes, ...ticketRoutes, ...trackerRoutes, ...conversationRoutes },
    rateLimiter: new RateLimiter(clock, options.rateLimitPerWindow),
    timeoutHoldMs: options.timeoutHoldMs ?? 30_000,
  });

  const server = createServer((req, res) => {
    pipeline(req, res).catch((error: unknown) => {
      // A bug in the fake must fail loudly in the test that hit it, not hang the client.
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake-intercom internal error: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.address}:${address.port}`,
    state,
    seed,
    seedDemoWorkspace: (demoOptions) => seedDemoWorkspace(seed, demoOptions),
    requests,
    violations,
    assertNoViolations() {
      if (violations.length === 0) return;
      const lines = violations.map((violation) => `  ${violation.method} ${violation.path}: ${violation.problems.join('; ')}`);
      throw new Error(`Fake Intercom received ${violations.length} request(s) that do not match the 2.16 spec:\n${lines.join('\n')}`);
    },
    clearLog() {
      requests.length = 0;
      violations.length = 0;
    },
    faults,
    configureOAuth: (config) => {
      oauth.config = config;
    },
    configureWebhooks: (config) => webhooks.configure(config),
    emitWebhook: (workspaceId, topic, item) => webhooks.send(workspaceId, topic, item),
    webhookDeliveries: webhooks.deliveries,
    backOffice: createBackOffice(state, clock, webhooks),
    async close() {
      for (const res of held) res.socket?.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type { BackOffice } from './back-office';
export type { DemoWorkspace, DemoWorkspaceOptions } from './demo-seed';
export type { FaultEffect, FaultHandle, FaultRule } from './faults';
export type { OAuthConfig } from './oauth';
export type { SeedAttribute, SeededWorkspace, SeedMessage, Seeder } from './seed';
export type { RecordedRequest, SpecViolation } from './server';
export type { FakeState, FakeTicket, FakeConversation, FakeWorkspace } from './state';
export { signWebhookBody, type WebhookConfig, type WebhookDelivery } from './webhooks';
