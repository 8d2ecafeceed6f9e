import { createIntercomClient, exchangeCode, IntercomApiError } from '../../src/intercom';
import { type ClientHarness, useClientHarness } from './support';

const CLIENT = { clientId: 'client_abc', clientSecret: 'shh_client_secret_987' };
const CALLBACK = 'https://handoff.example/oauth/callback';

describe('OAuth install against the fake Intercom', () => {
  let h: ClientHarness;

  useClientHarness((started) => {
    h = started;
    h.fake.configureOAuth({ ...CLIENT, redirectUrls: [CALLBACK] });
  });

  async function authorize(query: string): Promise<URL> {
    const response = await fetch(`${h.fake.url}/oauth?${query}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location')!);
  }

  const exchange = (code: string, clientSecret = CLIENT.clientSecret) =>
    exchangeCode({ tokenUrl: `${h.fake.url}/auth/eagle/token`, code, clientId: CLIENT.clientId, clientSecret });

  it('auto-approves, redirects back with code and state, and exchanges the code for a working token', async () => {
    const callback = await authorize(`client_id=${CLIENT.clientId}&state=csrf-123`);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('csrf-123');

    const { accessToken, tokenType } = await exchange(callback.searchParams.get('code')!);
    expect(tokenType).toBe('Bearer');
    const me = await createIntercomClient({ baseUrl: h.fake.url, token: accessToken }).me.get();
    expect(me.app.id_code).toBe(h.demo.workspaceId);

    const logged = h.fake.requests.find((request) => request.path === '/auth/eagle/token')!;
    expect(logged.body).toEqual({ code: '[redacted]', client_id: CLIENT.clientId, client_secret: '[redacted]' });
    expect(logged.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('reads `token` when Intercom answers with that field instead of access_token', async () => {
    h.fake.configureOAuth({ ...CLIENT, redirectUrls: [CALLBACK], tokenField: 'token' });
    const callback = await authorize(`client_id=${CLIENT.clientId}&state=s`);
    const { accessToken } = await exchange(callback.searchParams.get('code')!);
    expect(accessToken).toMatch(/^tok_/);
  });

  it('refuses a reused code, an expired code and a wrong client secret with typed errors', async () => {
    const code = (await authorize(`client_id=${CLIENT.clientId}`)).searchParams.get('code')!;
    await exchange(code);
    await expect(exchange(code)).rejects.toMatchObject({ status: 400, code: 'invalid_grant' });

    const late = (await authorize(`client_id=${CLIENT.clientId}`)).searchParams.get('code')!;
    h.clock.advance(301_000);
    await expect(exchange(late)).rejects.toMatchObject({ status: 400, code: 'invalid_grant' });

    const wrong = await exchange('whatever', 'not-the-secret').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(IntercomApiError);
    expect(wrong).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(JSON.stringify(wrong) + String(wrong)).not.toContain('not-the-secret');
  });

  it('rejects an unregistered redirect_uri and an unknown client on the authorize page', async () => {
    const evil = await fetch(
      `${h.fake.url}/oauth?client_id=${CLIENT.clientId}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(400);
    const unknown = await fetch(`${h.fake.url}/oauth?client_id=nope`, { redirect: 'manual' });
    expect(unknown.status).toBe(400);
  });
});
