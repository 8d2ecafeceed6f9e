/**
 * Part 2b: replays around installing and administering. Intercom signs no timestamp, so any signed request it
 * ever sent can be sent again by whoever captured it. A replayed initialize must not yield a working settings
 * link, a replayed uninstall must not undo a later reinstall, and approving the app again must not make the
 * approver the workspace's settings admin.
 */
import { signBody } from '../../src/http/signature';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { CLIENT_SECRET, type InstallHarness, oauthTrip, pathOf, setCookie, useInstallHarness } from '../services/install/harness';
import { FigureSheet } from '../support/reliability/figures';

const figures = new FigureSheet('replayed install and settings requests');
let h: InstallHarness;

useInstallHarness(
  (started) => {
    h = started;
  },
  { mode: 'oauth' },
);
afterAll(() => figures.print());

const ws = () => h.demo.workspaceId;
/** Whom Intercom's authorize page approves as: the teammate signed in to Intercom in that browser. */
const signedInToIntercomAs = (adminId: string) => {
  h.fake.state.workspaces.get(ws())!.meAdminId = adminId;
};
const postRaw = (path: string, raw: string, signature: string) =>
  h.http().post(path).set('Content-Type', 'application/json').set('X-Body-Signature', signature).send(raw);

async function installAs(adminId: string) {
  signedInToIntercomAs(adminId);
  const trip = await oauthTrip(h, '/install');
  expect(new URL(trip.callback!.headers['location'] as string).searchParams.get('install_success')).toBe('true');
}

it('never turns a replayed initialize of a settings admin into a working settings link', async () => {
  const { agent, lead } = h.demo.admins;
  await installAs(agent);
  const captured = JSON.stringify(
    initializeBody(h.fake, { workspaceId: ws(), conversationId: h.demo.conversations.refund, adminId: agent }),
  );
  const signature = signBody('canvas', captured, CLIENT_SECRET);
  // The attacker is signed in to Intercom as themselves (or not at all), never as the admin whose request they hold.
  signedInToIntercomAs(lead);
  for (let replay = 0; replay < 10; replay += 1) {
    h.clock.advance(61_000);
    const answer = await postRaw('/intercom/initialize', captured, signature);
    expect(answer.status).toBe(200);
    const url = /"url":"([^"]*\/settings[^"]*)"/.exec(JSON.stringify(answer.body))?.[1];
    const opened = await h.http().get(pathOf(url!));
    expect(setCookie(opened, 'handoff_settings')).toBeUndefined();
    expect(url).toBe('https://handoff.test/settings/login');
    const trip = await oauthTrip(h, new URL(url!).pathname);
    expect(trip.callback?.status).toBe(403);
    expect(setCookie(trip.callback!, 'handoff_settings')).toBeUndefined();
    figures.add('inputs');
    figures.add('replays refused');
  }
});

it('ignores a captured uninstall replayed after a reinstall, however often', async () => {
  const { agent } = h.demo.admins;
  await installAs(agent);
  const settings = await h.application.store.settings.get(ws());
  await h.application.store.settings.save(ws(), {
    settings: { ...settings.settings, retentionOnUninstall: 'purge' },
    expectedVersion: settings.version,
    adminId: agent,
    now: h.clock.now(),
  });
  const captured = JSON.stringify({ app_id: ws() });
  const signature = signBody('canvas', captured, CLIENT_SECRET);
  h.fake.seed.uninstallApp(ws());
  expect((await postRaw('/intercom/uninstall', captured, signature)).status).toBe(200);
  expect((await h.application.store.workspaces.get(ws()))?.uninstalledAt).not.toBeNull();

  h.clock.advance(3_600_000);
  await installAs(agent);
  const reinstalled = await h.application.store.workspaces.get(ws());
  await h.application.store.settings.save(ws(), {
    settings: { ...settings.settings, retentionOnUninstall: 'purge' },
    expectedVersion: 0,
    adminId: agent,
    now: h.clock.now(),
  });
  for (let replay = 0; replay < 5; replay += 1) {
    h.clock.advance(60_000);
    const answer = await postRaw('/intercom/uninstall', captured, signature);
    expect([answer.status, answer.body]).toEqual([200, { ok: true }]);
    figures.add('inputs');
    figures.add('replays refused');
  }
  expect(await h.application.store.workspaces.get(ws())).toEqual(reinstalled);
  expect((await h.application.store.settings.get(ws())).settings.retentionOnUninstall).toBe('purge');
  const client = await h.application.deps.directory.clientFor(ws());
  expect((await client.me.get()).app.id_code).toBe(ws());
});

it('keeps the installer when teammates who may not change settings approve the app again', async () => {
  const { agent, lead, manager } = h.demo.admins;
  await installAs(agent);
  for (const approver of [lead, manager, lead]) {
    await installAs(approver);
    figures.add('inputs');
    expect((await h.application.store.workspaces.get(ws()))?.installedByAdminId).toBe(agent);
    expect(await h.application.install.access(ws(), { id: approver })).toBeNull();
  }
});
