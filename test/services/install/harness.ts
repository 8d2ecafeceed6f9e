/**
 * Handoff configured as a public (OAuth) app or a private app with an OAuth
 * client id, against the fake Intercom on loopback with a manual clock. Helps
 * drive the browser side of OAuth (our redirect → the fake's authorize page →
 * our callback) with cookies carried by hand, since the Secure cookies would
 * not travel over the test's plain-http loopback otherwise.
 */
import request from 'supertest';
import { loadConfig } from '../../../src/config';
import { type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../../src/sandbox/fake-intercom/demo-seed';
import { installPrivateWorkspace } from '../../../src/services/private-install';
import { type Database, openDatabase } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { type Logger, silentLogger } from '../../../src/util/logger';
import { type Application, buildApplication } from '../../../src/wiring';
import { signedPoster } from '../../support/app-harness';
import { perTest } from '../../support/per-test';

export const CLIENT_ID = 'handoff-test-client';
export const CLIENT_SECRET = 'install-test-secret';
export const PUBLIC_URL = 'https://handoff.test';
export const START = Date.UTC(2026, 10, 18, 10, 0, 0);
export const KEY_1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;

export interface InstallHarnessOptions {
  /** 'oauth': a public app, nothing installed yet. 'private': the demo workspace installed with its token. */
  mode: 'oauth' | 'private';
  database?: Database;
  encryptionKey?: string;
  previousKeys?: string;
  logger?: Logger;
  /** Share a fake (and its seeded demo workspace) between several app instances. */
  fake?: FakeIntercom;
  demo?: DemoWorkspace;
  clock?: ManualClock;
  publicUrl?: string;
  /**
   * Reach the fake as an operator would: through INTERCOM_API_BASE_URL, with no test-only override, so the
   * app alone decides where each call goes.
   */
  apiBaseUrlFromEnv?: boolean;
}

export interface InstallHarness {
  fake: FakeIntercom;
  demo: DemoWorkspace;
  clock: ManualClock;
  application: Application;
  http(): ReturnType<typeof request>;
  /** POST a raw JSON body with a Canvas Kit signature (or the one given). */
  postSigned(path: string, body: unknown, signature?: string): Promise<request.Response>;
  close(): Promise<void>;
}

export function configFor(
  fakeUrl: string,
  options: Pick<InstallHarnessOptions, 'mode' | 'encryptionKey' | 'previousKeys' | 'publicUrl' | 'apiBaseUrlFromEnv'>,
  token?: string,
) {
  return loadConfig({
    ...(options.apiBaseUrlFromEnv ? { INTERCOM_API_BASE_URL: fakeUrl } : {}),
    INTERCOM_CLIENT_ID: CLIENT_ID,
    INTERCOM_CLIENT_SECRET: CLIENT_SECRET,
    ...(options.mode === 'private' && token ? { INTERCOM_ACCESS_TOKEN: token } : {}),
    HANDOFF_ENCRYPTION_KEY: options.encryptionKey ?? KEY_1,
    ...(options.previousKeys ? { HANDOFF_ENCRYPTION_KEYS_PREVIOUS: options.previousKeys } : {}),
    PUBLIC_URL: options.publicUrl ?? PUBLIC_URL,
    INTERCOM_OAUTH_URL: `${fakeUrl}/oauth`,
    LOG_LEVEL: 'silent',
  });
}

export async function startInstallHarness(options: InstallHarnessOptions): Promise<InstallHarness> {
  const clock = options.clock ?? new ManualClock(START);
  const ownsFake = !options.fake;
  const fake = options.fake ?? (await startFakeIntercom({ clock }));
  const demo = options.demo ?? fake.seedDemoWorkspace();
  const publicUrl = options.publicUrl ?? PUBLIC_URL;
  fake.configureOAuth({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrls: [`${publicUrl}/oauth/callback`],
    workspaceId: demo.workspaceId,
  });
  const application = await buildApplication({
    config: configFor(fake.url, options, demo.token),
    clock,
    logger: options.logger ?? silentLogger,
    database: options.database ?? openDatabase({ sqlitePath: ':memory:' }),
    ...(options.apiBaseUrlFromEnv ? {} : { apiBaseUrlOverride: fake.url }),
    intercomSleep: async () => {},
    instanceId: 'install-test',
  });
  fake.clearLog();
  return {
    fake,
    demo,
    clock,
    application,
    http: () => request(application.app),
    postSigned: signedPoster(application.app, CLIENT_SECRET),
    async close() {
      await application.stop();
      if (ownsFake) await fake.close();
    },
  };
}

/** Installs a workspace of the fake as a private app would at start (GET /me with its token). */
/**
 * A fresh install harness for each test of the file (see `perTest`). `options` may be a function, for options built
 * anew per test (a logger that captures this test's lines); `onStarted` may be async, for the file's own set-up.
 */
export function useInstallHarness(
  onStarted: (h: InstallHarness) => void | Promise<void>,
  options: InstallHarnessOptions | (() => InstallHarnessOptions),
): void {
  perTest(() => startInstallHarness(typeof options === 'function' ? options() : options), onStarted);
}

export function installWith(application: Application, fake: FakeIntercom, token: string, clock: ManualClock) {
  return installPrivateWorkspace({
    token,
    apiBaseUrl: fake.url,
    pinBaseUrl: true,
    timeoutMs: 2000,
    store: application.store,
    cipher: application.cipher,
    clock,
  });
}

/** The value of cookie `name` set by a response, or undefined. */
export function setCookie(res: request.Response, name: string): { value: string; attributes: string } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = headers.find((h) => h.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';');
  return { value: pair!.slice(name.length + 1), attributes: attributes.map((a) => a.trim()).join('; ') };
}

/** Path and query of an absolute URL, to replay our own redirect targets against the in-process app. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

export interface OAuthTrip {
  start: request.Response;
  /** The fake's answer to the authorize request (a redirect back to us, or an error page). */
  authorizeStatus: number;
  callbackUrl: string | null;
  callback: request.Response | null;
  nonceCookie: string | undefined;
}

/**
 * Walks the browser's part of an OAuth round trip: GET `startPath` on the app, follow its redirect to the fake's
 * authorize page, follow that redirect back to our callback. `beforeCallback` may change the callback URL or time.
 */
export async function oauthTrip(
  h: InstallHarness,
  startPath: string,
  beforeCallback: (url: URL, cookie: string | undefined) => { url: URL; cookie: string | undefined } | undefined = () => undefined,
): Promise<OAuthTrip> {
  const start = await h.http().get(startPath);
  const nonceCookie = setCookie(start, 'handoff_oauth')?.value;
  const authorize = await fetch(start.headers['location'] as string, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location)
    return { start, authorizeStatus: authorize.status, callbackUrl: null, callback: null, nonceCookie };
  const changed = beforeCallback(new URL(location), nonceCookie) ?? { url: new URL(location), cookie: nonceCookie };
  const req = h.http().get(changed.url.pathname + changed.url.search);
  const callback = await (changed.cookie ? req.set('Cookie', `handoff_oauth=${changed.cookie}`) : req);
  return { start, authorizeStatus: authorize.status, callbackUrl: changed.url.toString(), callback, nonceCookie };
}
