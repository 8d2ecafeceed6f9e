/**
 * One Handoff app wired exactly as in production, against the fake Intercom on
 * loopback, a fresh in-memory SQLite store and a manual clock shared by both.
 * Tests talk to it with correctly signed Canvas Kit requests, as Intercom does.
 * One difference: the escalation's wall-clock budgets are unhurried (see unhurried.ts).
 */
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { signBody } from '../../src/http/signature';
import { type CanvasKitContext, initializeBody, type SubmitFields, submitBody } from '../../src/sandbox/canvas-kit-body';
import { type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom/demo-seed';
import { type Database, openDatabase } from '../../src/store';
import { ManualClock } from '../../src/util/clock';
import { silentLogger } from '../../src/util/logger';
import { type Application, type BuildOptions, buildApplication } from '../../src/wiring';
import { perTest } from './per-test';
import { UNHURRIED_BUDGETS } from './unhurried';

export const TEST_CLIENT_SECRET = 'test-client-secret';
/** Wednesday 18 Nov 2026, 10:00 UTC: inside the default business hours. */
export const TEST_START = Date.UTC(2026, 10, 18, 10, 0, 0);

export interface HarnessOptions {
  database?: Database;
  clock?: ManualClock;
  /** Share one fake between several app instances (multi-instance tests). */
  fake?: FakeIntercom;
  demo?: DemoWorkspace;
  /** Extra environment for the config (e.g. a short INTERCOM_TIMEOUT_MS for fault tests). */
  env?: Record<string, string>;
  /** Shorter escalation budgets for tests of slow answers (default: UNHURRIED_BUDGETS, only a hang exceeds them). */
  escalationBudgets?: BuildOptions['escalationBudgets'];
  afterReply?: BuildOptions['afterReply'];
}

export interface Harness {
  fake: FakeIntercom;
  demo: DemoWorkspace;
  application: Application;
  clock: ManualClock;
  /** The default context: the demo agent viewing the refund conversation. */
  context: CanvasKitContext;
  initialize(context?: Partial<CanvasKitContext>): Promise<request.Response>;
  submit(fields: SubmitFields, context?: Partial<CanvasKitContext>): Promise<request.Response>;
  /** POST a body signed with the Canvas Kit scheme (or with `signature` as given). */
  postSigned(path: string, body: unknown, signature?: string): Promise<request.Response>;
  close(): Promise<void>;
}

export function testConfig(token: string, env: Record<string, string> = {}) {
  return loadConfig({
    ...env,
    INTERCOM_CLIENT_SECRET: TEST_CLIENT_SECRET,
    INTERCOM_ACCESS_TOKEN: token,
    HANDOFF_ENCRYPTION_KEY: `test:${Buffer.alloc(32, 3).toString('base64')}`,
    PUBLIC_URL: 'https://handoff.test',
    LOG_LEVEL: 'silent',
  });
}

/** POSTs `body` as JSON with a Canvas Kit signature under `secret` (or with `signature` as given). */
export function signedPoster(app: Application['app'], secret: string) {
  return (path: string, body: unknown, signature?: string): request.Test => {
    const raw = JSON.stringify(body);
    return request(app)
      .post(path)
      .set('Content-Type', 'application/json')
      .set('X-Body-Signature', signature ?? signBody('canvas', raw, secret))
      .send(raw);
  };
}

/**
 * A fresh harness for each test of the file (see `perTest`). `options` may be a function, for options built anew per
 * test; `onStarted` may be async, for the file's own set-up.
 */
export function useHarness(onStarted: (h: Harness) => void | Promise<void>, options: HarnessOptions | (() => HarnessOptions) = {}): void {
  perTest(() => startHarness(typeof options === 'function' ? options() : options), onStarted);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new ManualClock(TEST_START);
  const ownsFake = !options.fake;
  const fake = options.fake ?? (await startFakeIntercom({ clock }));
  const demo = options.demo ?? fake.seedDemoWorkspace();
  const config = testConfig(demo.token, options.env);
  const application = await buildApplication({
    config,
    clock,
    logger: silentLogger,
    database: options.database ?? openDatabase({ sqlitePath: ':memory:' }),
    apiBaseUrlOverride: fake.url,
    intercomSleep: async () => {},
    instanceId: `test-${Math.random().toString(36).slice(2, 8)}`,
    escalationBudgets: { ...UNHURRIED_BUDGETS, ...options.escalationBudgets },
    ...(options.afterReply ? { afterReply: options.afterReply } : {}),
  });
  fake.clearLog();

  const context: CanvasKitContext = {
    workspaceId: demo.workspaceId,
    conversationId: demo.conversations.refund,
    adminId: demo.admins.agent,
  };
  const post = signedPoster(application.app, TEST_CLIENT_SECRET);
  // A request's work includes what it does after answering (linking a created ticket): tests look at the store next.
  const postSigned = async (path: string, body: unknown, signature?: string) => {
    const response = await post(path, body, signature);
    await application.settled();
    return response;
  };
  return {
    fake,
    demo,
    application,
    clock,
    context,
    postSigned,
    initialize: (overrides = {}) => postSigned('/intercom/initialize', initializeBody(fake, { ...context, ...overrides })),
    submit: (fields, overrides = {}) => postSigned('/intercom/submit', submitBody(fake, { ...context, ...overrides }, fields)),
    async close() {
      await application.stop();
      if (ownsFake) await fake.close();
    },
  };
}
