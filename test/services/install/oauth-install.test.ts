import { CLIENT_ID, type InstallHarness, oauthTrip, PUBLIC_URL, setCookie, useInstallHarness } from './harness';
import { captureLog } from '../../support/log-lines';

let h: InstallHarness;
let logLines: string[];

useInstallHarness(
  (started) => {
    h = started;
  },
  () => {
    const log = captureLog('debug');
    logLines = log.lines;
    return { mode: 'oauth', logger: log.logger };
  },
);

function redirectParams(location: string | undefined): URLSearchParams {
  const url = new URL(location ?? 'about:blank');
  expect(`${url.origin}${url.pathname}`).toBe('https://app.intercom.com/appstore/redirect');
  return url.searchParams;
}

const exchanges = () => h.fake.requests.filter((r) => r.path === '/auth/eagle/token');
/** Tokens the fake handed out through OAuth (the seeded demo token excluded). */
const issuedTokens = () => [...h.fake.state.tokens.keys()].filter((t) => t !== h.demo.token);

describe('GET /install', () => {
  it('redirects to Intercom with the client id, our callback and a signed state bound to a cookie', async () => {
    const res = await h.http().get('/install');
    expect(res.status).toBe(302);
    const target = new URL(res.headers['location'] as string);
    expect(`${target.origin}${target.pathname}`).toBe(`${h.fake.url}/oauth`);
    expect(target.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(target.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/oauth/callback`);
    expect(target.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
    const cookie = setCookie(res, 'handoff_oauth');
    expect(cookie?.value).toMatch(/^[\w-]{20,}$/);
    expect(cookie?.attributes).toEqual('Path=/oauth; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
    // The state carries the nonce only in signed form: the cookie value is not readable from the URL as such.
    expect(target.searchParams.get('state')).not.toContain(cookie!.value);
  });
});

describe('GET /oauth/callback', () => {
  it('installs the workspace: token sealed, region host, time zone, installer, then install_success=true', async () => {
    const trip = await oauthTrip(h, '/install');
    expect(trip.callback?.status).toBe(302);
    expect(redirectParams(trip.callback?.headers['location']).get('install_success')).toBe('true');
    const [token] = issuedTokens();
    const workspace = await h.application.store.workspaces.get(h.demo.workspaceId);
    expect(workspace).toMatchObject({
      installMode: 'oauth',
      region: 'US',
      apiBaseUrl: 'https://api.intercom.io',
      timezone: 'Europe/London',
      uninstalledAt: null,
      installedByAdminId: h.demo.admins.agent,
    });
    expect(workspace?.token?.ciphertext).not.toContain(token);
    expect(h.application.cipher.decrypt(workspace!.token!.ciphertext, workspace!.id)).toBe(token);
    // The nonce cookie is spent whatever the outcome.
    expect(setCookie(trip.callback!, 'handoff_oauth')?.attributes).toContain('Max-Age=0');
    // The stored install works: the workspace's client reaches Intercom with the new token.
    await (await h.application.deps.directory.clientFor(h.demo.workspaceId)).teams.list();
    expect(h.fake.requests.at(-1)).toMatchObject({ path: '/teams', workspaceId: h.demo.workspaceId, status: 200 });
  });

  it('reads `token` when Intercom answers without `access_token`', async () => {
    h.fake.configureOAuth({
      clientId: CLIENT_ID,
      clientSecret: 'install-test-secret',
      redirectUrls: [`${PUBLIC_URL}/oauth/callback`],
      tokenField: 'token',
    });
    const trip = await oauthTrip(h, '/install');
    expect(redirectParams(trip.callback?.headers['location']).get('install_success')).toBe('true');
    const stored = await h.application.store.workspaces.get(h.demo.workspaceId);
    expect(h.application.cipher.decrypt(stored!.token!.ciphertext, stored!.id)).toBe(issuedTokens()[0]);
  });

  it('stores the regional API host that GET /me reports', async () => {
    h.fake.state.workspaces.get(h.demo.workspaceId)!.region = 'EU';
    await oauthTrip(h, '/install');
    expect(await h.application.store.workspaces.get(h.demo.workspaceId)).toMatchObject({
      region: 'EU',
      apiBaseUrl: 'https://api.eu.intercom.io',
    });
  });

  it.each([
    [
      'a forged state',
      (url: URL, cookie: string | undefined) => {
        const [body, sig] = url.searchParams.get('state')!.split('.');
        url.searchParams.set('state', `${body}.${sig!.startsWith('A') ? 'B' : 'A'}${sig!.slice(1)}`);
        return { url, cookie };
      },
    ],
    ['a state from another browser (no nonce cookie)', (url: URL) => ({ url, cookie: undefined })],
    ["another browser's nonce cookie", (url: URL) => ({ url, cookie: 'AAAAAAAAAAAAAAAAAAAAAA' })],
    [
      'an expired state',
      (url: URL, cookie: string | undefined) => {
        h.clock.advance(10 * 60_000 + 1);
        return { url, cookie };
      },
    ],
  ])('refuses %s: install_success=false, no token exchange, nothing stored', async (_name, change) => {
    const trip = await oauthTrip(h, '/install', change);
    const params = redirectParams(trip.callback?.headers['location']);
    expect(params.get('install_success')).toBe('false');
    expect(params.get('error_message')).toMatch(/expired or was not started from this browser/);
    expect(exchanges()).toHaveLength(0);
    expect(await h.application.store.workspaces.list({ includeUninstalled: true })).toEqual([]);
  });

  it('refuses an admin whose email is not verified, and stores nothing', async () => {
    const me = h.fake.state.workspaces.get(h.demo.workspaceId)!;
    me.admins.get(me.meAdminId!)!.emailVerified = false;
    const trip = await oauthTrip(h, '/install');
    const params = redirectParams(trip.callback?.headers['location']);
    expect(params.get('install_success')).toBe('false');
    expect(params.get('error_message')).toMatch(/email address is not verified/);
    expect(await h.application.store.workspaces.get(h.demo.workspaceId)).toBeNull();
  });

  it.each([
    [
      'Intercom refuses the exchange (wrong client secret)',
      () => h.fake.configureOAuth({ clientId: CLIENT_ID, clientSecret: 'rotated', redirectUrls: [`${PUBLIC_URL}/oauth/callback`] }),
    ],
    ['the exchange fails with a 500', () => h.fake.faults.failNext(1, 500, 'POST /auth/eagle/token')],
    ['the exchange connection drops', () => h.fake.faults.dropNext(1, 'POST /auth/eagle/token')],
  ])('reports a readable failure when %s, and stores nothing', async (_name, arrange) => {
    arrange();
    const trip = await oauthTrip(h, '/install');
    const params = redirectParams(trip.callback?.headers['location']);
    expect(params.get('install_success')).toBe('false');
    expect(params.get('error_message')).toMatch(/Intercom did not accept the authorization/);
    expect(exchanges()).toHaveLength(1);
    expect(await h.application.store.workspaces.get(h.demo.workspaceId)).toBeNull();
  });

  it('tells the admin the install was cancelled when Intercom sends an error instead of a code', async () => {
    const trip = await oauthTrip(h, '/install', (url, cookie) => {
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
      return { url, cookie };
    });
    expect(redirectParams(trip.callback?.headers['location']).get('error_message')).toMatch(/cancelled/);
    expect(exchanges()).toHaveLength(0);
  });

  it('re-installs after an uninstall with the new token', async () => {
    await oauthTrip(h, '/install');
    h.fake.seed.uninstallApp(h.demo.workspaceId);
    await h.application.install.uninstall(h.demo.workspaceId);
    h.clock.advance(3_600_000);
    await oauthTrip(h, '/install');
    const workspace = await h.application.store.workspaces.get(h.demo.workspaceId);
    expect(workspace).toMatchObject({ uninstalledAt: null, installedAt: h.clock.now() });
    // The first install's token was revoked by the uninstall; the second is the only one left and the one stored.
    expect(issuedTokens()).toHaveLength(1);
    expect(h.application.cipher.decrypt(workspace!.token!.ciphertext, workspace!.id)).toBe(issuedTokens()[0]);
  });

  it('never writes a token, the client secret or the code to the log', async () => {
    await oauthTrip(h, '/install');
    h.fake.configureOAuth({ clientId: CLIENT_ID, clientSecret: 'other', redirectUrls: [`${PUBLIC_URL}/oauth/callback`] });
    await oauthTrip(h, '/install');
    const log = logLines.join('');
    expect(log).toContain('workspace installed through OAuth');
    expect(log).toContain('OAuth code exchange failed');
    for (const secret of [...issuedTokens(), 'install-test-secret', h.demo.token]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/code_[0-9a-f-]{36}/);
  });
});
