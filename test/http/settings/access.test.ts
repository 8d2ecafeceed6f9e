import { defaultSettings } from '../../../src/domain/settings';
import { PAGE_CSP } from '../../../src/http/settings/headers';
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { type InstallHarness, oauthTrip, pathOf, setCookie, useInstallHarness } from '../../services/install/harness';
import { getPage, signIn } from './support';

let h: InstallHarness;
useInstallHarness(
  (started) => {
    h = started;
  },
  { mode: 'private' },
);

const ws = () => h.demo.workspaceId;

async function sidebarFor(adminId: string) {
  const context = { workspaceId: ws(), conversationId: h.demo.conversations.refund, adminId };
  const res = await h.postSigned('/intercom/initialize', initializeBody(h.fake, context));
  assertValidCanvasResponse(res.body, 'initialize');
  return (res.body.canvas.content.components as { id?: string; action?: { url?: string } }[]).find((c) => c.id === 'open_settings');
}

async function listAdmins(adminIds: string[], roleNames: string[] = []) {
  const current = await h.application.store.settings.get(ws());
  const settings = { ...defaultSettings(), access: { adminIds, roleNames } };
  await h.application.store.settings.save(ws(), { settings, expectedVersion: current.version, adminId: null, now: h.clock.now() });
  h.application.deps.settings.invalidate(ws());
}

describe('who gets the Settings link', () => {
  it('shows the link to the admin who installed Handoff, without any Intercom call', async () => {
    const link = await sidebarFor(h.demo.admins.agent);
    // The sign-in page, carrying nothing a replayed request could turn into a session.
    expect(link?.action?.url).toBe('https://handoff.test/settings/login');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('hides it from other teammates until they are listed as admins', async () => {
    expect(await sidebarFor(h.demo.admins.lead)).toBeUndefined();
    await listAdmins([h.demo.admins.lead]);
    expect(await sidebarFor(h.demo.admins.lead)).toBeDefined();
  });

  it("grants it by Intercom role name when Canvas Kit's admin object carries one, matched case-insensitively", async () => {
    const link = (role: unknown) => h.application.deps.settingsUrlFor(ws(), { id: h.demo.admins.lead, raw: { role } });
    expect(await link({ id: '1', name: 'admin' })).not.toBeNull();
    expect(await link('Owner')).not.toBeNull();
    expect(await link({ id: '2', name: 'Support agent' })).toBeNull();
    expect(await link(undefined)).toBeNull();
    await listAdmins([], []);
    expect(await link({ id: '1', name: 'Admin' })).toBeNull();
  });
});

describe('signing in to the settings page', () => {
  it('leads from the sidebar link through Intercom OAuth to a session cookie', async () => {
    const url = await h.application.deps.settingsUrlFor(ws(), { id: h.demo.admins.agent, raw: {} });
    const trip = await oauthTrip(h, pathOf(url!));
    expect(trip.callback?.status).toBe(303);
    expect(trip.callback?.headers['location']).toBe('/settings');
    expect(setCookie(trip.callback!, 'handoff_settings')?.attributes).toBe('Path=/settings; Max-Age=14400; HttpOnly; SameSite=Lax; Secure');
  });

  it('ignores a signed sidebar token outside the sandbox: no session comes from a link', async () => {
    const token = h.application.install.tokens.link.sign(
      { w: ws(), a: h.demo.admins.agent, b: 'installer', n: 'n'.repeat(22) },
      h.clock.now(),
    );
    const res = await h.http().get(`/settings?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(401);
    expect(setCookie(res, 'handoff_settings')).toBeUndefined();
  });

  it('serves the page with a strict CSP, no script, no inline style, no caching and no referrer', async () => {
    const res = await getPage(h, await signIn(h, h.demo.admins.agent));
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|script-src/);
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(res.text).toContain('Settings for Acme Support');
    expect(res.text).toContain('signed in as Alex Agent');
  });

  it('refuses a missing session, a tampered session and an expired session', async () => {
    expect((await getPage(h, null)).status).toBe(401);
    const session = await signIn(h, h.demo.admins.agent);
    expect((await getPage(h, `${session.slice(0, -2)}xx`)).status).toBe(401);
    h.clock.advance(4 * 3_600_000);
    const expired = await getPage(h, session);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('session has ended');
  });

  it('ends a session at once when the admin is removed from the admins or Handoff is uninstalled', async () => {
    await listAdmins([h.demo.admins.lead]);
    const lead = await signIn(h, h.demo.admins.lead);
    const installer = await signIn(h, h.demo.admins.agent);
    await listAdmins([]);
    expect((await getPage(h, lead)).status).toBe(403);
    expect((await getPage(h, installer)).status).toBe(200);
    h.fake.seed.uninstallApp(ws());
    await h.application.install.uninstall(ws());
    const after = await getPage(h, installer);
    expect(after.status).toBe(403);
    expect(after.text).toContain('Handoff was uninstalled');
  });

  it('signs an admin in through Intercom OAuth', async () => {
    const trip = await oauthTrip(h, '/settings/login');
    expect(trip.callback?.status).toBe(303);
    expect(trip.callback?.headers['location']).toBe('/settings');
    const session = setCookie(trip.callback!, 'handoff_settings');
    const page = await getPage(h, session!.value);
    expect(page.status).toBe(200);
    expect(page.text).toContain('signed in as Alex Agent');
  });

  it('refuses an OAuth sign-in by a teammate who is not a settings admin', async () => {
    h.fake.state.workspaces.get(ws())!.meAdminId = h.demo.admins.lead;
    const trip = await oauthTrip(h, '/settings/login');
    expect(trip.callback?.status).toBe(403);
    expect(trip.callback?.text).toContain('Only the admin who installed Handoff');
    expect(setCookie(trip.callback!, 'handoff_settings')).toBeUndefined();
  });
});
