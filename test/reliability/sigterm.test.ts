/**
 * Part 4: SIGTERM drains. The real src/server.ts, with a request still arriving when the signal comes, answers
 * it and exits 0 while refusing new connections. The crash-test child (same drain) finishes a submit whose
 * ticket create is in flight, and an outbox job whose Intercom call is in flight, before it exits: the job is
 * recorded done, not left for the next start to repeat.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';
import { signBody } from '../../src/http/signature';
import { TEST_CLIENT_SECRET } from '../support/app-harness';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { eventually } from '../support/eventually';
import { bundled, bundleEnv, PROJECT_ROOT, removeBundles } from '../support/reliability/bundle';
import { killAllChildren } from '../support/reliability/child-control';
import { attempt } from '../support/reliability/crash-drive';
import { type CrashWorld, createCrashWorld } from '../support/reliability/crash-world';
import { requestsTo, summaryNotes } from '../support/reliability/effects';
import { FigureSheet } from '../support/reliability/figures';
import { bodyOf, slowPost, statusOf } from '../support/reliability/slow-client';
import { connect } from '../support/reliability/wire';

const figures = new FigureSheet('drain (SIGTERM)');
let world: CrashWorld | undefined;
let fake: FakeIntercom | undefined;

afterEach(async () => {
  await killAllChildren();
  await world?.close();
  await fake?.close();
  world = undefined;
  fake = undefined;
});
afterAll(() => {
  removeBundles();
  figures.print();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('src/server.ts answers a request still arriving at SIGTERM, refuses new connections, and exits 0 at once', async () => {
  fake = await startFakeIntercom();
  const demo = fake.seedDemoWorkspace();
  const port = await freePort();
  const sqlitePath = join(tmpdir(), `handoff-drain-${process.pid}-${port}.sqlite`);
  const server = spawn(process.execPath, [bundled(join(PROJECT_ROOT, 'src', 'server.ts'))], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      ...bundleEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://handoff.test',
      LOG_LEVEL: 'info',
      INTERCOM_CLIENT_SECRET: TEST_CLIENT_SECRET,
      INTERCOM_ACCESS_TOKEN: demo.token,
      INTERCOM_API_BASE_URL: fake.url,
      HANDOFF_ENCRYPTION_KEY: `test:${Buffer.alloc(32, 3).toString('base64')}`,
      SQLITE_PATH: sqlitePath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    await eventually(() => output.includes('Handoff listening'), 'the server listens');
    const body = Buffer.from(
      JSON.stringify(
        initializeBody(fake, { workspaceId: demo.workspaceId, conversationId: demo.conversations.refund, adminId: demo.admins.agent }),
      ),
    );
    const headers = { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', body, TEST_CLIENT_SECRET) };
    // About a second to send the body: the signal lands while the request is still arriving. The connection is
    // kept alive, as a pooled client's is: the drain must not wait for it to idle out after the answer.
    const chunkBytes = Math.ceil(body.length / 20);
    const slow = slowPost({ port, path: '/intercom/initialize', body, headers, chunkBytes, pauseMs: 50, keepAlive: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.kill('SIGTERM');
    await eventually(() => output.includes('draining'), 'the server drains');
    const late = await connect(port)
      .get('/healthz')
      .then(
        (r) => r.status,
        (error: NodeJS.ErrnoException) => error.code,
      );
    const raw = await slow.response;
    const answeredAt = Date.now();
    expect(statusOf(raw)).toBe(200);
    assertValidCanvasResponse(JSON.parse(bodyOf(raw)), 'initialize');
    expect(late).toBe('ECONNREFUSED');
    expect(await exited).toBe(0);
    const exitMs = Date.now() - answeredAt;
    figures.set('exit after last answer ms', exitMs);
    // Node keeps an idle kept-alive socket 5 s (keepAliveTimeout); a drain that waited for it would show here.
    expect(exitMs).toBeLessThan(3_000);
    slow.abort();
    figures.add('inputs');
    figures.add('drained requests');
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqlitePath + suffix, { force: true });
  }
});

it('the child finishes a submit whose ticket create is in flight, and an outbox job mid-call, then exits 0', async () => {
  world = await createCrashWorld(2);
  const [first, second] = world.contexts as [CrashWorld['contexts'][0], CrashWorld['contexts'][0]];
  const { demo } = world;
  // The child waits up to 5 s for Intercom: the 0.6 s holds below end in an answer even when a loaded machine
  // slows the child down, so what is tested is the drain, not a race with the client's timeout.
  const patient = { REL_TIMEOUT_MS: '5000' };
  let child = await world.startLife('drain-request', patient);
  // The ticket create takes 0.6 s at Intercom; SIGTERM arrives while it is held there.
  const hold = world.fake.faults.latency(600, 'POST /tickets');
  const submit = { context: first, body: null, acknowledged: false };
  const submitting = attempt(world, child, submit);
  await eventually(() => requestsTo(world!.fake, 'POST', '/tickets') === 1, 'the ticket create reaches Intercom');
  const ended = child.kill('SIGTERM');
  await submitting;
  hold.remove();
  expect(submit.acknowledged).toBe(true);
  expect(await ended).toEqual({ code: 0, signal: null });
  expect(child.output()).toContain('DRAINED');
  figures.add('drained requests');

  // An outbox job in flight: the summary note of the second escalation, held 0.6 s at Intercom.
  child = await world.startLife('drain-job', patient);
  const noteHold = world.fake.faults.latency(600, 'POST /conversations/{id}/reply');
  await attempt(world, child, { context: second, body: null, acknowledged: false });
  await eventually(
    () => requestsTo(world!.fake, 'POST', `/conversations/${second.conversationId}/reply`) === 1,
    'the summary note reaches Intercom',
  );
  expect(await child.kill('SIGTERM')).toEqual({ code: 0, signal: null });
  noteHold.remove();
  expect(summaryNotes(world.fake, demo.workspaceId, second.conversationId)).toHaveLength(1);
  await world.withStore(async (store) => {
    const [link] = await store.tickets.listByConversation(demo.workspaceId, second.conversationId);
    const job = await store.outbox.getByDedupeKey(demo.workspaceId, `escalation.post_note:${link?.escalationId}`);
    // Recorded done by the process that ran it: nothing in flight was abandoned for the next start to repeat.
    expect(job?.status).toBe('done');
    expect(await store.outbox.listByWorkspace(demo.workspaceId, { status: 'running' })).toEqual([]);
  });
  figures.add('drained jobs');
  figures.add('inputs', 2);
  world.fake.assertNoViolations();
});
