/**
 * Part 6: limits. Signed bodies over 1 MB get 413 and store nothing, on every signed route; one just under
 * the limit is still served. Slow clients dribbling bytes do not hold up anyone else. A conversation with 500
 * parts is shown and escalated; a conversation with 200 long-titled tickets and oversized form input still
 * get canvases inside Intercom's 64 KB, schema-valid, and the app stays up throughout.
 */
import { randomUUID } from 'node:crypto';
import { signBody } from '../../src/http/signature';
import { initializeBody, submitBody } from '../../src/sandbox/canvas-kit-body';
import { TEST_CLIENT_SECRET } from '../support/app-harness';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { BUDGET } from '../support/reliability/budget';
import { runJobsUntilIdle } from '../support/reliability/drive';
import { escalationTickets, summaryNotes } from '../support/reliability/effects';
import { canvasText, ESCALATED, escalate, formRoundTrip } from '../support/reliability/escalate';
import { FigureSheet } from '../support/reliability/figures';
import { linkedTicket } from '../support/reliability/scenes';
import { slowPost } from '../support/reliability/slow-client';
import { watchStore } from '../support/reliability/snapshot';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

const LIMIT = 1024 * 1024;
const MAX_CANVAS_BYTES = 64 * 1024;
const figures = new FigureSheet('limits');
let app: WiredApp;

beforeEach(async () => {
  app = await startWiredApp();
});
afterEach(async () => {
  app.harness.fake.assertNoViolations();
  expect(app.crashes).toEqual([]);
  expect((await app.wire.get('/healthz')).status).toBe(200);
  await app.close();
});
afterAll(() => figures.print());

/** `body` padded with an extra field to exactly `bytes` bytes of JSON. */
function padded(body: Record<string, unknown>, bytes: number): Buffer {
  const bare = Buffer.byteLength(JSON.stringify({ ...body, pad: '' }));
  return Buffer.from(JSON.stringify({ ...body, pad: 'x'.repeat(bytes - bare) }));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

it('answers 413 to every signed body over 1 MB and stores nothing; 1 MB exactly is served', async () => {
  const { fake, context } = app.harness;
  const watch = await watchStore(app.database);
  const routes = [
    { path: '/intercom/initialize', header: 'x-body-signature', scheme: 'canvas' as const, body: initializeBody(fake, context) },
    {
      path: '/intercom/submit',
      header: 'x-body-signature',
      scheme: 'canvas' as const,
      body: submitBody(fake, context, { componentId: 'refresh' }),
    },
    { path: '/intercom/webhooks', header: 'x-hub-signature', scheme: 'webhook' as const, body: { topic: 'ping', id: null } },
    { path: '/intercom/uninstall', header: 'x-body-signature', scheme: 'canvas' as const, body: { app_id: context.workspaceId } },
  ];
  for (const route of routes) {
    for (const size of [LIMIT + 1, 5 * LIMIT]) {
      const raw = padded(route.body, size);
      const response = await app.wire.post(route.path, raw, { [route.header]: signBody(route.scheme, raw, TEST_CLIENT_SECRET) });
      figures.add('inputs');
      figures.add('413s', response.status === 413 ? 1 : 0);
      expect({ path: route.path, size, status: response.status }).toEqual({ path: route.path, size, status: 413 });
    }
  }
  expect(await watch.changes()).toEqual([]);
  expect(fake.requests).toEqual([]);
  const exact = padded(initializeBody(fake, context), LIMIT);
  const served = await app.wire.postCanvas('/intercom/initialize', exact);
  expect(served.status).toBe(200);
  assertValidCanvasResponse(served.json, 'initialize');
  figures.add('inputs');
});

it('refuses a signed webhook nested 5,000 deep with 400 and answers such canvas requests with a canvas', async () => {
  const { fake, context, demo } = app.harness;
  const deep = `${'['.repeat(5_000)}"leaf"${']'.repeat(5_000)}`;
  const watch = await watchStore(app.database);
  const webhook = `{"type":"notification_event","topic":"ticket.state.updated","id":"notif_deep","app_id":"${demo.workspaceId}","data":{"item":${deep}}}`;
  expect((await app.wire.postWebhook('/intercom/webhooks', webhook)).status).toBe(400);
  expect(await watch.changes()).toEqual([]);
  for (const [path, kind, body] of [
    ['/intercom/initialize', 'initialize', initializeBody(fake, context)],
    ['/intercom/submit', 'submit', submitBody(fake, context, { componentId: 'refresh' })],
  ] as const) {
    const raw = JSON.stringify({ ...body, conversation: { ...(body.conversation as object), custom_attributes: '__DEEP__' } });
    const response = await app.wire.postCanvas(path, raw.replace('"__DEEP__"', deep));
    expect(response.status).toBe(200);
    assertValidCanvasResponse(response.json, kind);
  }
  figures.add('inputs', 3);
});

it('refuses ids unlike Intercom’s: ill-formed notification ids (400), non-numeric conversation ids (error canvas)', async () => {
  const { demo, fake, context } = app.harness;
  const watch = await watchStore(app.database);
  // A lone surrogate cannot round-trip through SQLite: such an inbox row could never be marked done.
  for (const id of ['\ud800', '\udfff\ud800', 'notif_\udc00']) {
    const body = JSON.stringify({
      type: 'notification_event',
      topic: 'ticket.state.updated',
      id,
      app_id: demo.workspaceId,
      data: { item: {} },
    });
    expect((await app.wire.postWebhook('/intercom/webhooks', body)).status).toBe(400);
  }
  // Found by a soak run: these reached Intercom as off-spec GET /conversations/{id} calls.
  for (const id of ['__proto__', '../../../../etc/passwd', '4111 1111 1111 1111']) {
    const body = submitBody(fake, context, { componentId: 'escalate_open' }) as { conversation: Record<string, unknown> };
    const response = await app.wire.postCanvas('/intercom/submit', JSON.stringify({ ...body, conversation: { ...body.conversation, id } }));
    assertValidCanvasResponse(response.json, 'submit');
    expect(canvasText(response)).toContain('incomplete');
  }
  expect(await watch.changes()).toEqual([]);
  expect(fake.requests).toEqual([]);
  figures.add('inputs', 6);
});

it('keeps answering others while slow clients dribble their bodies', async () => {
  const { fake, context } = app.harness;
  const body = Buffer.from(JSON.stringify(initializeBody(fake, context)));
  const headers = { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', body, TEST_CLIENT_SECRET) };
  const slow = Array.from({ length: 20 }, () =>
    slowPost({ port: app.wire.port, path: '/intercom/initialize', body, headers, chunkBytes: 8, pauseMs: 100 }),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const raw = JSON.stringify(initializeBody(fake, context));
  const latencies: number[] = [];
  for (let i = 0; i < BUDGET.slowClientBystanders; i += 1) {
    const started = performance.now();
    const response = await app.wire.postCanvas('/intercom/initialize', raw);
    latencies.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  for (const client of slow) client.abort();
  figures.add('inputs', latencies.length + slow.length);
  figures.set('bystander p50 ms (20 slow clients)', percentile(latencies, 50));
  figures.set('bystander p99 ms', percentile(latencies, 99));
  // Every bystander was served while all 20 slow bodies were still arriving (each takes minutes at this pace).
  expect(Math.max(...latencies)).toBeLessThan(5_000);
});

it('shows and escalates a conversation with 500 parts', async () => {
  const { fake, demo } = app.harness;
  const messages = Array.from({ length: 500 }, (_, i) => ({
    from: i % 2 === 0 ? ('contact' as const) : { adminId: demo.admins.agent },
    body: `<p>Message ${i}: <b>still</b> not working, error E${1000 + i} on <a href="https://app.example/p/${i}">page ${i}</a>.</p>`,
  }));
  const conversation = fake.seed.conversation(demo.workspaceId, { contactId: demo.contacts.standard, title: 'Long thread', messages });
  const context = { ...app.harness.context, conversationId: conversation.id };
  const started = performance.now();
  const sidebar = await app.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context)));
  figures.set('initialize ms (500 parts)', Math.round(performance.now() - started));
  expect(sidebar.status).toBe(200);
  assertValidCanvasResponse(sidebar.json, 'initialize');
  const escalating = performance.now();
  const { response } = await escalate(app.wire, fake, context);
  figures.set('escalate ms (500 parts)', Math.round(performance.now() - escalating));
  expect(canvasText(response)).toMatch(ESCALATED);
  await runJobsUntilIdle(app.harness.application, app.harness.clock, { workspaceId: demo.workspaceId });
  expect(escalationTickets(fake, demo.workspaceId, conversation.id)).toHaveLength(1);
  expect(summaryNotes(fake, demo.workspaceId, conversation.id)).toHaveLength(1);
  figures.add('inputs', 2);
});

it('keeps every canvas inside 64 KB: 200 long-titled tickets on one conversation, oversized form input', async () => {
  const { application, demo, context, clock, fake } = app.harness;
  const ticketId = await linkedTicket(app, 'P3');
  for (let i = 0; i < 200; i += 1) {
    const title = `${'Very long ticket title with 👩🏽‍💻 and <b>markup</b> '.repeat(6)}${i}`;
    const link = await application.store.tickets.get(demo.workspaceId, ticketId);
    await application.store.tickets.upsert(
      demo.workspaceId,
      { ...link!, ticketId: `9${i}`, ticketNumber: `${5000 + i}`, title, escalationId: null },
      clock.now(),
    );
  }
  const sizes: number[] = [];
  const check = (response: { status: number; json: unknown; text: string }, kind: 'initialize' | 'submit') => {
    expect(response.status).toBe(200);
    assertValidCanvasResponse(response.json, kind);
    sizes.push(Buffer.byteLength(JSON.stringify((response.json as { canvas: { content: unknown } }).canvas.content)));
  };
  check(await app.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context))), 'initialize');
  check(await app.wire.postCanvas('/intercom/submit', JSON.stringify(submitBody(fake, context, { componentId: 'tickets_all' }))), 'submit');
  const ids = { open: `ticket_note_open:${ticketId}`, submit: `ticket_note_submit:${ticketId}` };
  check(await formRoundTrip(app.wire, fake, context, ids, { note_body: `${'Too long. '.repeat(2_000)}${randomUUID()}` }), 'submit');
  const reason = '🧨 <script>x</script> '.repeat(500);
  const form = await app.wire.postCanvas('/intercom/submit', JSON.stringify(submitBody(fake, context, { componentId: 'escalate_open' })));
  const tooLong = submitBody(fake, context, {
    componentId: 'escalate_submit',
    currentCanvas: form.json,
    inputValues: { priority: 'P2', queue: 'vip', reason },
  });
  check(await app.wire.postCanvas('/intercom/submit', JSON.stringify(tooLong)), 'submit');
  figures.add('inputs', sizes.length);
  figures.set('largest canvas bytes', Math.max(...sizes));
  expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_CANVAS_BYTES);
});
