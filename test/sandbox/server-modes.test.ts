/**
 * `npm start` itself (src/server.ts in a child process, with an environment built from scratch so nothing leaks
 * in from the test runner): without credentials it is the sandbox and says so; with credentials no code path
 * reaches the sandbox, and asking for the sandbox with credentials is refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '../support/eventually';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const PRODUCTION = {
  INTERCOM_CLIENT_SECRET: 'real-secret',
  INTERCOM_ACCESS_TOKEN: 'real-token',
  HANDOFF_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PUBLIC_URL: 'https://handoff.example.com',
  // A closed loopback port: the private install's GET /me fails at once, without leaving the machine.
  INTERCOM_API_BASE_URL: 'http://127.0.0.1:9',
  INTERCOM_TIMEOUT_MS: '1000',
};

let dir: string;
let child: ChildProcess | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'handoff-start-'));
});
afterEach(() => {
  // tsx runs the server in a child of its own: end the whole group this test started, never anything else.
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const output = { stdout: '', stderr: '' };
  child = spawn(TSX, ['src/server.ts'], {
    cwd: ROOT,
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      PORT: '0',
      LOG_LEVEL: 'info',
      SQLITE_PATH: path.join(dir, 'handoff.sqlite'),
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  return { output, exited };
}

const until = (check: () => boolean, what: string) => eventually(check, what, { everyMs: 50 });

it('without credentials starts the sandbox, prints the simulator URL and says loudly it is a sandbox', async () => {
  const { output, exited } = start({});
  // src/server.ts's own line, printed once SIGTERM drains (the sandbox's log line of the URL comes before that).
  const announced = /Handoff SANDBOX \(fake Intercom, demo data\)\. Inbox simulator: (http:\/\/127\.0\.0\.1:\d+\/sandbox)/;
  await until(() => announced.test(output.stdout), 'the simulator URL');
  const url = announced.exec(output.stdout)![1]!;
  await until(() => output.stdout.includes('SANDBOX MODE'), 'the sandbox log line');
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('SANDBOX');
  expect(existsSync(path.join(dir, 'sandbox.sqlite'))).toBe(true);
  child!.kill('SIGTERM');
  await expect(exited).resolves.toBe(0);
});

it('with production credentials never reaches the sandbox', async () => {
  const { output, exited } = start(PRODUCTION);
  await expect(exited).resolves.toBe(1);
  expect(output.stderr).toContain('Could not reach Intercom to check INTERCOM_ACCESS_TOKEN');
  expect(`${output.stdout}${output.stderr}`).not.toMatch(/sandbox/i);
  expect(existsSync(path.join(dir, 'sandbox.sqlite'))).toBe(false);
});

it('with production variables but no client secret refuses to start, in one line, and never reaches the sandbox', async () => {
  const { INTERCOM_CLIENT_SECRET: _secret, INTERCOM_ACCESS_TOKEN: _token, ...productionOnly } = PRODUCTION;
  const { output, exited } = start({ ...productionOnly, INTERCOM_CLIENT_SECRET: '' });
  await expect(exited).resolves.toBe(1);
  expect(output.stderr.trim().split('\n')).toHaveLength(1);
  expect(output.stderr).toMatch(/^Missing INTERCOM_CLIENT_SECRET/);
  expect(output.stdout).not.toContain('Inbox simulator');
  expect(existsSync(path.join(dir, 'sandbox.sqlite'))).toBe(false);
});

it('refuses HANDOFF_SANDBOX=1 when credentials are set', async () => {
  const { output, exited } = start({ ...PRODUCTION, HANDOFF_SANDBOX: '1' });
  await expect(exited).resolves.toBe(1);
  expect(output.stderr).toContain('refusing to start a sandbox with production credentials');
  expect(output.stdout).not.toContain('Inbox simulator');
});
