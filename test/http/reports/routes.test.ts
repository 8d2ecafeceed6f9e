/**
 * The reports pages through the real app: sign-in through Intercom OAuth for settings admins and listed report
 * viewers (nobody else), the page with its seven sections, filters and CSVs, and bad input answered with a clear
 * message and a 4xx: malformed dates, ten years, unknown filters, a tampered session.
 */
import { defaultSettings } from '../../../src/domain/settings';
import { type InstallHarness, oauthTrip, setCookie, startInstallHarness } from '../../services/install/harness';

let h: InstallHarness;
beforeEach(async () => {
  h = await startInstallHarness({ mode: 'private' });
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

const ws = () => h.demo.workspaceId;

async function signInToReports(adminId: string) {
  h.fake.state.workspaces.get(ws())!.meAdminId = adminId;
  const trip = await oauthTrip(h, '/reports/login');
  return { trip, cookie: trip.callback ? setCookie(trip.callback, 'handoff_settings')?.value : undefined };
}

const get = (path: string, cookie: string | undefined) => {
  const req = h.http().get(path);
  return cookie ? req.set('Cookie', `handoff_settings=${cookie}`) : req;
};

async function listViewer(adminId: string) {
  const current = await h.application.store.settings.get(ws());
  const base = defaultSettings();
  const settings = { ...base, access: { ...base.access, reportViewerIds: [adminId] } };
  await h.application.store.settings.save(ws(), { settings, expectedVersion: current.version, adminId: null, now: h.clock.now() });
  h.application.deps.settings.invalidate(ws());
}

it('a settings admin signs in and reads the seven sections, with CSV links and definitions, under a strict CSP', async () => {
  const { trip, cookie } = await signInToReports(h.demo.admins.agent);
  expect(trip.callback?.status).toBe(303);
  expect(trip.callback?.headers['location']).toBe('/reports');
  const page = await get('/reports?days=7', cookie);
  expect(page.status).toBe(200);
  expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  for (const id of ['escalation', 'incidents', 'attainment', 'backlog', 'speed', 'outcomes', 'triage'])
    expect(page.text).toContain(`<section id="${id}"`);
  expect(page.text).toContain('<details><summary>How is this counted?</summary>');
  expect(page.text).toContain('href="/reports/csv/aging?days=7"');
  expect(page.text).toContain('<svg');
  expect(page.text).not.toMatch(/<script|style="/);
});

it('a listed report viewer may read the reports but not the settings; anyone else is refused', async () => {
  const stranger = await signInToReports(h.demo.admins.manager);
  expect(stranger.trip.callback?.status).toBe(403);
  expect(stranger.trip.callback?.text).toContain('report viewers');
  await listViewer(h.demo.admins.manager);
  const viewer = await signInToReports(h.demo.admins.manager);
  expect(viewer.trip.callback?.status).toBe(303);
  expect((await get('/reports', viewer.cookie)).status).toBe(200);
  // On /settings a viewer is told what they may do, keeps the session, and can go back to the reports.
  const settingsPage = await get('/settings', viewer.cookie);
  expect(settingsPage.status).toBe(403);
  expect(settingsPage.text).toContain('You can read reports but not change settings');
  expect(settingsPage.text).toContain('href="/reports"');
  expect(settingsPage.headers['set-cookie']).toBeUndefined();
  const save = await h.http().post('/settings/sla').set('Cookie', `handoff_settings=${viewer.cookie}`).type('form').send({ x: '1' });
  expect(save.status).toBe(403);
  expect(save.headers['set-cookie']).toBeUndefined();
  expect((await get('/reports', viewer.cookie)).status).toBe(200);
  expect(await h.application.deps.reportsUrlFor?.(ws(), { id: h.demo.admins.manager, raw: {} })).toMatch(/\/reports\/login$/);
  expect(await h.application.deps.settingsUrlFor(ws(), { id: h.demo.admins.manager, raw: {} })).toBeNull();
});

it.each([
  ['/reports?from=2026-02-30&to=2026-03-01', 'Write the dates as YYYY-MM-DD'],
  ['/reports?from=2016-01-01&to=2025-12-31', 'at most 366 days'],
  ['/reports?queue=nope', 'There is no such queue'],
  ['/reports?team=42', 'There is no such team'],
  ['/reports?colour=blue', 'The report has no setting called “colour”'],
])('bad input %s: 400 with a message, and the form to try again', async (path, message) => {
  const { cookie } = await signInToReports(h.demo.admins.agent);
  const page = await get(path, cookie);
  expect(page.status).toBe(400);
  expect(page.text).toContain(message);
  expect(page.text).toContain('<form method="get" action="/reports"');
});

it('no session, or a tampered one: 401 and nothing about the workspace', async () => {
  expect((await get('/reports', undefined)).status).toBe(401);
  const { cookie } = await signInToReports(h.demo.admins.agent);
  const tampered = `${cookie!.slice(0, -2)}${cookie!.endsWith('A') ? 'B' : 'A'}`;
  const page = await get('/reports', tampered);
  expect(page.status).toBe(401);
  expect(page.text).not.toContain(ws());
  expect((await get('/reports/csv/aging', tampered)).status).toBe(401);
});

it('CSV of one table, and the all-time tickets CSV, with formula cells neutralised', async () => {
  const { store } = h.application;
  await store.tickets.upsert(
    ws(),
    {
      ticketId: 'tk-1',
      ticketNumber: '7',
      conversationId: 'conv-1',
      contactId: null,
      title: '=HYPERLINK("http://evil")',
      ticketTypeId: null,
      stateCategory: 'submitted',
      stateLabel: null,
      priority: 'P1',
      queue: 'vip',
      teamId: null,
      adminAssigneeId: null,
      ownerName: null,
      teamName: null,
      isOpen: true,
      intercomUpdatedAt: h.clock.now(),
    },
    h.clock.now() - 2 * 86_400_000,
  );
  const { cookie } = await signInToReports(h.demo.admins.agent);
  const aging = await get('/reports/csv/aging?days=30', cookie);
  expect(aging.status).toBe(200);
  expect(aging.headers['content-type']).toContain('text/csv');
  expect(aging.text).toBe(
    'Age,Calendar days,Business days\r\nunder 1 day,0,0\r\n1–3 days,1,1\r\n3–7 days,0,0\r\n7–30 days,0,0\r\nover 30 days,0,0\r\n',
  );
  const oldest = await get('/reports/csv/oldest-open', cookie);
  expect(oldest.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect((await get('/reports/csv/nope', cookie)).status).toBe(404);
  const all = await get('/reports/tickets.csv', cookie);
  expect(all.status).toBe(200);
  expect(all.text.split('\r\n')[0]).toBe('Ticket,Title,Conversation,Created,State,Open,Priority,Queue,Team');
  expect(all.text).toContain(`7,"'=HYPERLINK(""http://evil"")",conv-1,`);
});

it('the incidents section: its figures, an escaped title, the note that filters do not apply, and its CSV', async () => {
  const { store } = h.application;
  const now = h.clock.now();
  await store.incidents.upsert(
    ws(),
    {
      trackerId: 'tr-1',
      ticketNumber: '41',
      title: '=1+1 <img src=x onerror=alert(1)>',
      stateCategory: 'in_progress',
      stateLabel: null,
      open: true,
      linkedCount: 2,
      intercomUpdatedAt: now - 86_400_000,
      createdAt: now - 86_400_000,
    },
    now,
  );
  for (const conversationId of ['conv-a', 'conv-b']) {
    const { link } = await store.incidentLinks.reserve(ws(), {
      requestKey: `${conversationId}:k`,
      trackerId: 'tr-1',
      conversationId,
      adminId: h.demo.admins.agent,
      note: null,
      now: now - 3_600_000,
    });
    await store.incidentLinks.setStatus(ws(), link.id, { status: 'linked' }, now - 3_600_000);
  }
  const { cookie } = await signInToReports(h.demo.admins.agent);
  const page = await get('/reports?days=7&queue=vip', cookie);
  expect(page.status).toBe(200);
  const section = page.text.slice(page.text.indexOf('<section id="incidents"'), page.text.indexOf('<section id="attainment"'));
  expect(section).toContain('Not filtered by queue');
  expect(section).toMatch(/data-figure="incidents-opened"><dt>Incidents opened<\/dt><dd><span class="value">1</);
  expect(section).toMatch(/data-figure="incident-conversations">.*?<span class="value">2</);
  expect(section).toContain('=1+1 &lt;img src=x onerror=alert(1)&gt;');
  expect(section).not.toContain('<img');
  expect(section).toContain('href="/reports/csv/incidents?days=7&amp;queue=vip"');
  const csv = await get('/reports/csv/incidents?days=7', cookie);
  expect(csv.status).toBe(200);
  expect(csv.text.split('\r\n').slice(0, 2)).toEqual([
    'Incident,Title,State,Linked conversations,Opened,Resolved',
    expect.stringMatching(/^41,'=1\+1 <img src=x onerror=alert\(1\)>,In progress,2,\d{4}-\d\d-\d\d \d\d:\d\d,$/),
  ]);
});
