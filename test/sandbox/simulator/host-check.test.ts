/**
 * DNS rebinding: a web page on evil.example whose name is re-pointed at 127.0.0.1 reaches the sandbox from the
 * teammate's browser as same-origin, with `Host: evil.example:<port>`. The sandbox's page and API answer only
 * requests addressed to the sandbox itself.
 */
import { request } from 'node:http';
import { startTestSandbox, type TestSandbox } from '../../browser/support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ startJobs: false });
});
afterAll(async () => {
  await sandbox.close();
});

/** One request to the sandbox's own socket, with the Host header a browser would send for `host`. */
function send(method: 'GET' | 'POST', path: string, host: string | null, body?: unknown): Promise<{ status: number; text: string }> {
  const url = new URL(sandbox.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        setHost: host !== null,
        headers: {
          ...(host === null ? {} : { Host: host }),
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('sandbox Host check', () => {
  const port = () => new URL(sandbox.url).port;
  const advance = { minutes: 60 };

  it.each([
    ['the page', 'GET', '/sandbox'],
    ['the overview API', 'GET', '/sandbox/api/overview'],
    ['a state-changing API call', 'POST', '/sandbox/api/clock'],
    ['the bundled script', 'GET', '/sandbox/assets/simulator.js'],
  ] as const)('refuses %s addressed to a rebound name, before doing anything', async (_what, method, path) => {
    const before = sandbox.clock.now();
    const res = await send(method, path, `evil.example:${port()}`, method === 'POST' ? advance : undefined);
    expect(res.status).toBe(421);
    expect(res.text).not.toContain(sandbox.demo.workspaceId);
    expect(sandbox.clock.now()).toBe(before);
  });

  it('refuses a request with no Host header at all (Node already answers 400 for HTTP/1.1)', async () => {
    expect([400, 421]).toContain((await send('GET', '/sandbox/api/overview', null)).status);
  });

  it.each([
    ['127.0.0.1', () => `127.0.0.1:${port()}`],
    ['localhost', () => `localhost:${port()}`],
    ['localhost, any case', () => `LocalHost:${port()}`],
  ])('answers requests addressed to itself (%s)', async (_what, host) => {
    const res = await send('GET', '/sandbox/api/overview', host());
    expect(res.status).toBe(200);
    expect(res.text).toContain(sandbox.demo.workspaceId);
  });

  it('refuses its own name on another port (a rebound page on a port of its own)', async () => {
    expect((await send('GET', '/sandbox/api/overview', 'localhost:1')).status).toBe(421);
  });
});
