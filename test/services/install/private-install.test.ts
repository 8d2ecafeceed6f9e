import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../../src/config';
import { type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { installPrivateWorkspace } from '../../../src/services/private-install';
import { createTokenCipher } from '../../../src/security/token-cipher';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { migrateToLatest } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { CLIENT_SECRET, KEY_1, START, startInstallHarness } from './harness';

const cipher = createTokenCipher({ id: 'k1', key: Buffer.alloc(32, 11) });
let fake: FakeIntercom;
let store: Store;
const clock = new ManualClock(START);

beforeEach(async () => {
  fake = await startFakeIntercom({ clock });
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
});
afterEach(async () => {
  fake.assertNoViolations();
  await store.close();
  await fake.close();
});

const install = (token: string, apiBaseUrl = fake.url) =>
  installPrivateWorkspace({ token, apiBaseUrl, pinBaseUrl: true, timeoutMs: 1000, store, cipher, clock });

describe('private install at start', () => {
  it('learns the workspace, region and time zone from GET /me and seals the token', async () => {
    const demo = fake.seedDemoWorkspace({ region: 'EU' });
    const workspace = await install(demo.token);
    expect(workspace).toMatchObject({ id: demo.workspaceId, region: 'EU', installMode: 'private', installedByAdminId: demo.admins.agent });
    expect(workspace.token?.ciphertext).not.toContain(demo.token);
    expect(cipher.decrypt(workspace.token!.ciphertext, workspace.id)).toBe(demo.token);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.workspaceId}`)).toEqual([`GET /me ${demo.workspaceId}`]);
  });

  it('refuses a token Intercom answers 401 with one line that names the variable and hides the token', async () => {
    fake.seedDemoWorkspace();
    const error = await install('tok_revoked_1234').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^INTERCOM_ACCESS_TOKEN was refused by Intercom \(401 unauthorized\)/);
    expect(message).not.toContain('tok_revoked_1234');
    expect(message).not.toContain('\n');
    expect(await store.workspaces.list({ includeUninstalled: true })).toEqual([]);
  });

  it('waits for a slow first answer past a per-call timeout tuned short for the sidebar', async () => {
    const demo = fake.seedDemoWorkspace();
    fake.faults.add({ route: 'GET /me', effect: { type: 'latency', ms: 300 }, times: 3 });
    const workspace = await installPrivateWorkspace({
      token: demo.token,
      apiBaseUrl: fake.url,
      pinBaseUrl: true,
      timeoutMs: 50,
      store,
      cipher,
      clock,
    });
    expect(workspace.id).toBe(demo.workspaceId);
    expect(fake.requests.filter((r) => r.path === '/me')).toHaveLength(1);
  });

  it('refuses to start when Intercom cannot be reached, saying which host', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const error = await install('tok_anything', 'http://127.0.0.1:9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /^Could not reach Intercom to check INTERCOM_ACCESS_TOKEN .*http:\/\/127\.0\.0\.1:9 reachable\?$/,
    );
  });
});

describe('src/server.ts with a token Intercom refuses', () => {
  it('exits 1 after printing exactly one readable line, with no stack trace or token', async () => {
    fake.seedDemoWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), 'handoff-private-'));
    try {
      // Asynchronous on purpose: the fake Intercom answering the child runs on this process's event loop.
      const result = await run(path.join('node_modules', '.bin', 'tsx'), ['src/server.ts'], {
        PATH: process.env['PATH'] ?? '',
        INTERCOM_CLIENT_SECRET: CLIENT_SECRET,
        INTERCOM_ACCESS_TOKEN: 'tok_not_known_anywhere',
        HANDOFF_ENCRYPTION_KEY: KEY_1,
        PUBLIC_URL: 'https://handoff.test',
        INTERCOM_API_BASE_URL: fake.url,
        SQLITE_PATH: path.join(dir, 'handoff.sqlite'),
        PORT: '0',
        LOG_LEVEL: 'silent',
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toEqual([
        'INTERCOM_ACCESS_TOKEN was refused by Intercom (401 unauthorized); copy the token again from the Developer Hub',
      ]);
      expect(result.stderr + result.stdout).not.toContain('tok_not_known_anywhere');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: path.join(__dirname, '..', '..', '..'), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('buildApplication records the private install itself', () => {
  it('a private-mode app is installed once it is built; an OAuth-mode app records nothing', async () => {
    const privateApp = await startInstallHarness({ mode: 'private', fake, clock });
    try {
      const workspace = privateApp.application.privateWorkspace;
      expect(workspace).toMatchObject({ id: privateApp.demo.workspaceId, installMode: 'private' });
      expect(await privateApp.application.store.workspaces.get(privateApp.demo.workspaceId)).toMatchObject({ installMode: 'private' });
    } finally {
      await privateApp.close();
    }
    const oauthApp = await startInstallHarness({ mode: 'oauth', fake, clock });
    try {
      expect(oauthApp.application.privateWorkspace).toBeNull();
      expect(await oauthApp.application.store.workspaces.get(oauthApp.demo.workspaceId)).toBeNull();
    } finally {
      await oauthApp.close();
    }
  });
});
