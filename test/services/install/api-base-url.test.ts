/**
 * INTERCOM_API_BASE_URL set by the operator (an egress proxy, a staging Intercom, the EU host) is where every
 * call of every workspace goes, whatever region GET /me reports; only when it is unset does the app learn the
 * regional host from /me. The fake reports EU here, so a call that followed the region would leave loopback.
 */
import { installPrivateWorkspace } from '../../../src/services/private-install';
import { type InstallHarness, oauthTrip, startInstallHarness } from './harness';

let h: InstallHarness;
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

async function callsAfterInstall(): Promise<{ baseUrl: string; reachedFake: boolean }> {
  const { directory } = h.application.deps;
  const workspace = await directory.get(h.demo.workspaceId);
  const baseUrl = directory.apiBaseUrl(workspace!);
  h.fake.clearLog();
  // Only asked when the base URL is the fake's: anything else would try to leave the machine.
  if (baseUrl === h.fake.url) await (await directory.clientFor(h.demo.workspaceId)).me.get();
  return { baseUrl, reachedFake: h.fake.requests.some((r) => r.path === '/me' && r.status === 200) };
}

describe('INTERCOM_API_BASE_URL', () => {
  it('an OAuth install of an EU workspace keeps every later call on the configured host', async () => {
    h = await startInstallHarness({ mode: 'oauth', apiBaseUrlFromEnv: true });
    h.fake.state.workspaces.get(h.demo.workspaceId)!.region = 'EU';
    await oauthTrip(h, '/install');
    // The region is still learnt and kept: it matters again if the operator unsets the variable.
    expect(await h.application.store.workspaces.get(h.demo.workspaceId)).toMatchObject({
      region: 'EU',
      apiBaseUrl: 'https://api.eu.intercom.io',
    });
    expect(await callsAfterInstall()).toEqual({ baseUrl: h.fake.url, reachedFake: true });
  });

  it('a private install of an EU workspace keeps every call on the configured host, whatever the install stored', async () => {
    h = await startInstallHarness({ mode: 'oauth', apiBaseUrlFromEnv: true });
    h.fake.state.workspaces.get(h.demo.workspaceId)!.region = 'EU';
    await installPrivateWorkspace({
      token: h.demo.token,
      apiBaseUrl: h.fake.url,
      pinBaseUrl: false,
      timeoutMs: 2000,
      store: h.application.store,
      cipher: h.application.cipher,
      clock: h.clock,
    });
    expect(await callsAfterInstall()).toEqual({ baseUrl: h.fake.url, reachedFake: true });
  });
});
