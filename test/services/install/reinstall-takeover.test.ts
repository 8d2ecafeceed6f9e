/**
 * A repeated OAuth install must not hand the workspace to whoever approved it. Approving the app is open to many
 * teammates; becoming the installer makes one a settings admin and the actor of the SLA ladder. So a reinstall
 * keeps the installer unless the approver already passes the settings access check, and the log says who
 * reinstalled either way.
 */
import { defaultSettings } from '../../../src/domain/settings';
import { getPage, signIn } from '../../http/settings/support';
import { type InstallHarness, oauthTrip, useInstallHarness } from './harness';
import { captureLog } from '../../support/log-lines';

let h: InstallHarness;
let logLines: string[];

useInstallHarness(
  (started) => {
    h = started;
  },
  () => {
    const log = captureLog('info');
    logLines = log.lines;
    return { mode: 'oauth', logger: log.logger };
  },
);

const ws = () => h.demo.workspaceId;
const installer = async () => (await h.application.store.workspaces.get(ws()))?.installedByAdminId;
const approveAs = (adminId: string) => {
  h.fake.state.workspaces.get(ws())!.meAdminId = adminId;
};
const reinstallLines = () =>
  logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['msg'] === 'workspace reinstalled through OAuth');

it('keeps the installer when a teammate the settings page refuses approves the app again', async () => {
  const { agent, lead } = h.demo.admins;
  approveAs(agent);
  await oauthTrip(h, '/install');
  expect(await installer()).toBe(agent);

  h.clock.advance(60_000);
  approveAs(lead);
  const trip = await oauthTrip(h, '/install');
  expect(new URL(trip.callback!.headers['location'] as string).searchParams.get('install_success')).toBe('true');
  expect(await installer()).toBe(agent);
  expect(await h.application.install.access(ws(), { id: lead })).toBeNull();
  expect(reinstallLines()).toEqual([
    expect.objectContaining({ workspaceId: ws(), reinstalledBy: lead, installer: agent, installerChanged: false }),
  ]);
  // The settings page's install history says the same, newest first.
  const history = await h.application.store.installEvents.list(ws());
  expect(
    history.map(({ kind, approvedByAdminId, installerAdminId, previousInstallerAdminId }) => ({
      kind,
      approvedByAdminId,
      installerAdminId,
      previousInstallerAdminId,
    })),
  ).toEqual([
    { kind: 'reinstall', approvedByAdminId: lead, installerAdminId: agent, previousInstallerAdminId: agent },
    { kind: 'install', approvedByAdminId: agent, installerAdminId: agent, previousInstallerAdminId: null },
  ]);
  const page = await getPage(h, await signIn(h, agent));
  const installs = page.text.slice(page.text.indexOf('<h3>Installs</h3>'));
  expect(installs).toContain('Reinstalled by Lee Lead; settings admin stays Alex Agent.');
  expect(installs).toContain('Installed by Alex Agent; settings admin: Alex Agent.');
});

it('keeps the installer across an uninstall too, so the takeover cannot wait for one', async () => {
  const { agent, lead } = h.demo.admins;
  approveAs(agent);
  await oauthTrip(h, '/install');
  h.fake.seed.uninstallApp(ws());
  await h.application.install.uninstall(ws());
  approveAs(lead);
  await oauthTrip(h, '/install');
  const workspace = await h.application.store.workspaces.get(ws());
  expect(workspace).toMatchObject({ uninstalledAt: null, installedByAdminId: agent });
});

it('hands the installer role to an approver who already may change settings', async () => {
  const { agent, manager } = h.demo.admins;
  approveAs(agent);
  await oauthTrip(h, '/install');
  const settings = defaultSettings('UTC');
  settings.access.adminIds = [manager];
  await h.application.store.settings.save(ws(), { settings, expectedVersion: 0, adminId: agent, now: h.clock.now() });
  h.application.deps.settings.invalidate(ws());

  approveAs(manager);
  await oauthTrip(h, '/install');
  expect(await installer()).toBe(manager);
  expect(reinstallLines()).toEqual([
    expect.objectContaining({ reinstalledBy: manager, installer: manager, previousInstaller: agent, installerChanged: true }),
  ]);
});
