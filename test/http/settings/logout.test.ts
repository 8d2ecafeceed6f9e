/**
 * Signing out is a POST carrying the session's CSRF token. As a GET (or a POST without the token) any site
 * could sign an admin out, a nuisance that also lets a page swap in its own session afterwards.
 */
import { CSRF_FIELD } from '../../../src/security/csrf';
import { type InstallHarness, setCookie, useInstallHarness } from '../../services/install/harness';
import { encodeForm, getPage, signIn } from './support';

let h: InstallHarness;
useInstallHarness(
  (started) => {
    h = started;
  },
  { mode: 'private' },
);

const csrfOf = (html: string) => /action="\/settings\/logout"[^>]*>\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(html)?.[1];
const postLogout = (session: string | null, body: Record<string, string>) => {
  const req = h.http().post('/settings/logout').set('Content-Type', 'application/x-www-form-urlencoded');
  return (session ? req.set('Cookie', `handoff_settings=${session}`) : req).send(encodeForm(body));
};

it('offers Sign out as a form that posts the CSRF token, and signs out on that POST', async () => {
  const session = await signIn(h, h.demo.admins.agent);
  const page = await getPage(h, session);
  const token = csrfOf(page.text);
  expect(token).toBeDefined();
  expect(page.text).not.toContain('href="/settings/logout"');
  const res = await postLogout(session, { [CSRF_FIELD]: token! });
  expect(res.status).toBe(200);
  expect(res.text).toContain('You are signed out');
  expect(setCookie(res, 'handoff_settings')?.attributes).toContain('Max-Age=0');
});

it('does not sign out on a GET, which any page can trigger with an image or a link', async () => {
  const session = await signIn(h, h.demo.admins.agent);
  const res = await h.http().get('/settings/logout').set('Cookie', `handoff_settings=${session}`);
  expect(setCookie(res, 'handoff_settings')).toBeUndefined();
  expect((await getPage(h, session)).status).toBe(200);
});

it.each([
  ['without a CSRF token', {}],
  ['with a forged CSRF token', { [CSRF_FIELD]: 'forged' }],
])('refuses a POST %s with 403 and keeps the session', async (_name, body) => {
  const session = await signIn(h, h.demo.admins.agent);
  const res = await postLogout(session, body);
  expect(res.status).toBe(403);
  expect(setCookie(res, 'handoff_settings')).toBeUndefined();
  expect((await getPage(h, session)).status).toBe(200);
});

it('clears nothing for a POST that carries no session (a cross-site POST arrives without the Lax cookie)', async () => {
  const res = await postLogout(null, {});
  expect(setCookie(res, 'handoff_settings')).toBeUndefined();
  expect(res.status).toBe(200);
});
