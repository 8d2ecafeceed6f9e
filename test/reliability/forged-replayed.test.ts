/**
 * Part 2: forged and replayed requests. Every signed route refuses every forgery with 401 before doing
 * anything (no stored row, no Intercom call); the same bytes correctly signed do work, so the refusals are
 * the signature's doing. A replayed escalation submit or webhook creates nothing new.
 */
import { signBody } from '../../src/http/signature';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { ticketJson } from '../../src/sandbox/fake-intercom/serialize-tickets';
import { notificationEnvelope } from '../../src/sandbox/fake-intercom/webhooks';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { runJobsUntilIdle } from '../support/reliability/drive';
import { escalationTickets, summaryNotes } from '../support/reliability/effects';
import { canvasText, ESCALATED, escalate, openForm, submitFormBody } from '../support/reliability/escalate';
import { FigureSheet } from '../support/reliability/figures';
import { forgeries } from '../support/reliability/forgery';
import { watchStore } from '../support/reliability/snapshot';
import type { WireResponse } from '../support/reliability/wire';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

const figures = new FigureSheet('forged and replayed requests');
let app: WiredApp;

beforeEach(async () => {
  app = await startWiredApp();
});
afterEach(async () => {
  app.harness.fake.assertNoViolations();
  expect(app.crashes).toEqual([]);
  await app.close();
});
afterAll(() => figures.print());

function webhookBody(notificationId: string): string {
  const { fake, demo } = app.harness;
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const ticket = [...workspace.tickets.values()][0]!;
  return JSON.stringify(
    notificationEnvelope(notificationId, demo.workspaceId, 'ticket.state.updated', ticketJson(workspace, ticket), 1_795_000_000),
  );
}

it('refuses every forged signature on every signed route with 401, storing nothing and calling nobody', async () => {
  const { harness, wire } = app;
  const { fake, demo, context } = harness;
  await escalate(wire, fake, { ...context, conversationId: demo.conversations.outage });
  const form = (await openForm(wire, fake, context)).json;
  fake.clearLog();
  const routes = [
    { path: '/intercom/initialize', scheme: 'canvas' as const, body: JSON.stringify(initializeBody(fake, context)) },
    { path: '/intercom/submit', scheme: 'canvas' as const, body: submitFormBody(fake, context, form) },
    { path: '/intercom/webhooks', scheme: 'webhook' as const, body: webhookBody('notif_forged') },
    { path: '/intercom/uninstall', scheme: 'canvas' as const, body: JSON.stringify({ app_id: demo.workspaceId }) },
  ];
  const watch = await watchStore(app.database);
  for (const route of routes) {
    for (const forgery of forgeries(route.scheme, route.body)) {
      const response = await wire.post(route.path, forgery.raw, forgery.headers);
      figures.add('inputs');
      expect({ route: route.path, forgery: forgery.name, status: response.status }).toEqual({
        route: route.path,
        forgery: forgery.name,
        status: 401,
      });
      expect(response.json).toEqual({ error: 'invalid_signature' });
    }
  }
  expect(await watch.changes()).toEqual([]);
  expect(fake.requests).toEqual([]);

  // The same bodies, correctly signed, are accepted: the refusals above were the signature's doing.
  const [initialize, submit, webhook, uninstall] = routes;
  expect((await wire.postCanvas(initialize!.path, initialize!.body)).status).toBe(200);
  const created = await wire.postCanvas(submit!.path, submit!.body);
  expect(canvasText(created)).toMatch(ESCALATED);
  expect((await wire.postWebhook(webhook!.path, webhook!.body)).json).toMatchObject({ ok: true });
  expect(await watch.changes()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^escalations/), expect.stringMatching(/^webhook_inbox/)]),
  );
  fake.seed.uninstallApp(demo.workspaceId);
  expect(
    (await wire.post(uninstall!.path, uninstall!.body, { 'x-body-signature': signBody('canvas', uninstall!.body, 'test-client-secret') }))
      .status,
  ).toBe(200);
  expect((await harness.application.store.workspaces.get(demo.workspaceId))?.uninstalledAt).not.toBeNull();
});

it('creates one ticket and one note however often an escalation submit is replayed, in sequence or at once', async () => {
  const { harness, wire } = app;
  const { fake, demo, context, application, clock } = harness;
  const first = await escalate(wire, fake, context);
  expect(canvasText(first.response)).toContain('created');
  const replays = [
    ...(await sequence(5, () => wire.postCanvas('/intercom/submit', first.body))),
    ...(await Promise.all(Array.from({ length: 10 }, () => wire.postCanvas('/intercom/submit', first.body)))),
  ];
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  replays.push(...(await sequence(3, () => wire.postCanvas('/intercom/submit', first.body))));
  for (const replay of replays) {
    assertValidCanvasResponse(replay.json, 'submit');
    // Every replay tells the agent the same outcome as the first submit: the ticket exists.
    expect(canvasText(replay)).toContain(canvasText(first.response).match(/Ticket #\d+/)![0]);
  }
  figures.add('inputs', replays.length);
  const tickets = escalationTickets(fake, demo.workspaceId, context.conversationId).length;
  const notes = summaryNotes(fake, demo.workspaceId, context.conversationId).length;
  figures.add('duplicated', tickets - 1 + (notes - 1));
  figures.add('lost', (tickets === 0 ? 1 : 0) + (notes === 0 ? 1 : 0));
  expect({ tickets, notes }).toEqual({ tickets: 1, notes: 1 });
  const escalations = await app.database.db
    .selectFrom('escalations')
    .select('status')
    .where('conversation_id', '=', context.conversationId)
    .execute();
  expect(escalations).toEqual([{ status: 'linked' }]);
});

it('stores a replayed webhook once and acknowledges each replay', async () => {
  const { harness, wire } = app;
  const { fake, demo, context } = harness;
  await escalate(wire, fake, context);
  const body = webhookBody('notif_replayed_1');
  const answers = [];
  for (let i = 0; i < 5; i += 1) answers.push(await wire.postWebhook('/intercom/webhooks', body));
  answers.push(...(await Promise.all(Array.from({ length: 5 }, () => wire.postWebhook('/intercom/webhooks', body)))));
  figures.add('inputs', answers.length);
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(answers.filter((a) => (a.json as { duplicate?: boolean }).duplicate === false)).toHaveLength(1);
  const stored = await harness.application.store.webhooks.get(demo.workspaceId, 'notif_replayed_1');
  expect(stored).not.toBeNull();
});

it('refuses forged or stray settings links, and settings forms without a session or with a forged CSRF token', async () => {
  const { harness, wire } = app;
  const { application, demo, clock, fake, context } = harness;
  const installer = (await application.store.workspaces.get(demo.workspaceId))!.installedByAdminId!;
  const session = (headers: WireResponse['headers']) => String(headers['set-cookie'] ?? '').includes('handoff_settings=');
  const version = async () => (await application.store.settings.get(demo.workspaceId)).version;
  const before = await version();
  // Outside the sandbox no link opens a session: the sidebar's Settings button is the sign-in page. Tokens of
  // the sandbox's link format, genuine or forged, are refused like anything else.
  const initialize = JSON.stringify(initializeBody(fake, { ...context, adminId: installer }));
  const settingsButton = JSON.stringify((await wire.postCanvas('/intercom/initialize', initialize)).json).match(
    /"url":"([^"]*settings[^"]*)"/,
  );
  expect(settingsButton?.[1]).toBe('https://handoff.test/settings/login');
  const genuine = application.install.tokens.link.sign(
    { w: demo.workspaceId, a: installer, b: 'installer', n: 'n'.repeat(22) },
    clock.now(),
  );
  const forgedTokens = [
    genuine,
    genuine.slice(0, -1),
    `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`,
    genuine.replace(/\./g, ''),
    '',
    'x'.repeat(400),
    // Genuinely signed, but for another purpose: a session token offered as a link.
    application.install.tokens.session.sign(
      { w: demo.workspaceId, a: installer, b: 'installer', s: 'x'.repeat(32), v: 'link' },
      clock.now(),
    ),
  ];
  for (const forged of forgedTokens) {
    const response = await wire.get(`/settings?token=${encodeURIComponent(forged)}`);
    figures.add('inputs');
    expect({ status: response.status, session: session(response.headers) }).toEqual({ status: 401, session: false });
  }
  const form = 'csrf=forged&leadAdminId=&managerAdminId=';
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  expect((await wire.post('/settings/ladder', form, headers)).status).toBe(401);
  // A genuine session (as OAuth sign-in would open) with a forged CSRF token saves nothing.
  const cookie = `handoff_settings=${application.install.tokens.session.sign(
    { w: demo.workspaceId, a: installer, b: 'installer', s: 's'.repeat(32), v: 'oauth' },
    clock.now(),
  )}`;
  expect((await wire.post('/settings/ladder', form, { ...headers, cookie })).status).toBe(403);
  expect((await wire.post('/settings/logout', form, { ...headers, cookie })).status).toBe(403);
  figures.add('inputs', 4);
  expect(await version()).toBe(before);
});

async function sequence<T>(times: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i += 1) out.push(await fn());
  return out;
}
