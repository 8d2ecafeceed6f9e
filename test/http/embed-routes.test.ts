/**
 * The embed's endpoint: only a JWT verified with the workspace's Messenger secret (HS256, `exp`), bound to the
 * workspace's contact; CORS only for listed origins; rate limited; customer-safe fields; refusals reveal nothing.
 */
import { SignJWT } from 'jose';
import { createMessengerSecrets } from '../../src/services/customer-cases/messenger-secret';
import { linkTicket, type SyncHarness, useSyncHarness } from '../services/sync/support';
import { saveCustomerSettings } from '../support/customer-settings';
import request from 'supertest';

let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});

const SECRET = 'messenger-identity-secret-0123456789';
const ORIGIN = 'https://shop.example';

async function setUp(options: { on?: boolean; secret?: string | null } = {}) {
  await saveCustomerSettings(h, h.workspaceId, { messenger: options.on === false ? 'off' : 'on', embedOrigins: [ORIGIN] });
  const secrets = createMessengerSecrets({ store: h.application.store, cipher: h.application.cipher, now: () => h.clock.now() });
  if (options.secret !== null) await secrets.save(h.workspaceId, h.demo.admins.agent, { secret: options.secret ?? SECRET });
  const contact = h.fake.state.workspaces.get(h.workspaceId)!.contacts.get(h.demo.contacts.standard)!;
  contact.externalId = 'user-42';
  const linked = await linkTicket(h, { state: 'in_progress' });
  await h.fake.backOffice.setState(linked.ticketId, 'waiting_on_customer', { adminId: h.demo.admins.lead });
  await h.drain();
  return linked;
}

function jwt(claims: Record<string, unknown> = { user_id: 'user-42' }, options: { secret?: string; expiresInS?: number | null } = {}) {
  const now = Math.floor(h.clock.now() / 1000);
  const token = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now);
  if (options.expiresInS !== null) token.setExpirationTime(now + (options.expiresInS ?? 3600));
  return token.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

function ask(token: string | null, query: Record<string, string> = {}, origin: string | null = ORIGIN) {
  const params = new URLSearchParams({ app_id: h.workspaceId, ...query });
  let req = request(h.application.app).get(`/embed/requests?${params}`);
  if (origin) req = req.set('Origin', origin);
  return token === null ? req : req.set('Authorization', `Bearer ${token}`);
}

describe('GET /embed/requests', () => {
  it('lists the verified user’s requests with customer-safe fields only, for a listed origin', async () => {
    const { ticketId, ticketNumber } = await setUp();
    const res = await ask(await jwt());
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      requests: [
        {
          id: ticketId,
          reference: `#${ticketNumber}`,
          title: 'Your billing question',
          state: 'waiting_on_customer',
          status: 'Waiting on you',
          updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          waiting_on_you: true,
          conversation_id: h.context.conversationId,
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Double charge|Billing \/ Legal|P2|Lee|team|owner|priority/i);
  });

  it.each([
    ['no token', async () => null, 401],
    ['an expired token', async () => jwt(undefined, { expiresInS: -120 }), 401],
    ['a token without exp', async () => jwt(undefined, { expiresInS: null }), 401],
    ['a token signed with another workspace’s secret', async () => jwt(undefined, { secret: 'another-workspaces-secret-987654321' }), 401],
    ['a token without user_id', async () => jwt({ email: 'x@example.com' }), 401],
  ])('refuses %s, revealing nothing', async (_label, token, status) => {
    await setUp();
    const res = await ask(await token());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: 'unauthorized' });
  });

  it('refuses an unsigned (alg: none) token and an HS512 one signed with the right secret', async () => {
    await setUp();
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(h.clock.now() / 1000) + 3600;
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ user_id: 'user-42', exp })}.`;
    expect((await ask(unsigned)).status).toBe(401);
    const hs512 = await new SignJWT({ user_id: 'user-42' })
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
    expect((await ask(hs512)).status).toBe(401);
  });

  it('refuses a contact id that is not the token’s user, and says the same to a switched-off workspace', async () => {
    await setUp();
    expect((await ask(await jwt(), { contact_id: h.demo.contacts.vip })).status).toBe(403);
    expect((await ask(await jwt(), { contact_id: h.demo.contacts.standard })).status).toBe(200);
    await setUp({ on: false });
    expect((await ask(await jwt())).body).toEqual({ error: 'unauthorized' });
  });

  it('answers a user Intercom does not know with an empty list (not whether anyone has cases)', async () => {
    await setUp();
    const res = await ask(await jwt({ user_id: 'someone-else' }));
    expect(res.body).toEqual({ requests: [] });
  });

  it('gives an unlisted origin no CORS headers and nothing to read; a preflight only for listed ones', async () => {
    await setUp();
    const res = await ask(await jwt(), {}, 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = (origin: string) =>
      request(h.application.app)
        .options(`/embed/requests?app_id=${h.workspaceId}`)
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET');
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-headers']).toBe('Authorization');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });

  it('rate limits one client', async () => {
    await setUp();
    const token = await jwt();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await ask(token)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await ask(token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(61_000);
    expect((await ask(token)).status).toBe(200);
  });
});

describe('GET /embed/handoff-embed.js', () => {
  it('serves the bundled module (the SDK inside), loadable from other sites', async () => {
    const res = await request(h.application.app).get('/embed/handoff-embed.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.text).toContain('HandoffEmbed');
    expect(res.text).toContain('intercomSettings');
  });
});
