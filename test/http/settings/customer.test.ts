/** The settings page's "The customer's side" section: opting in, templates checked on save, origins. */
import { type InstallHarness, startInstallHarness } from '../../services/install/harness';
import { editSection, fieldError, getPage, signIn } from './support';

let h: InstallHarness;
let session: string;
beforeEach(async () => {
  h = await startInstallHarness({ mode: 'private' });
  session = await signIn(h, h.demo.admins.agent);
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

const stored = async () => (await h.application.store.settings.get(h.demo.workspaceId)).settings.customer;

it('starts with everything off, and saves an opt-in with edited messages', async () => {
  const page = await getPage(h, session);
  expect(page.text).toContain('id="section-customer"');
  expect(page.text).toContain('None by default: nothing is sent until you opt in');
  const res = await editSection(h, session, 'customer', {
    'customer.updateQueues': ['technical', 'billing_legal'],
    'customer.intervalMinutes': '45',
    'customer.templates.de.resolved': 'Erledigt: {{title}} {{reference}}.\nStatus: {{state}}',
    'customer.messenger': 'on',
    'customer.embedOrigins': 'https://App.Example.com, http://localhost:3000',
  });
  expect(res.status).toBe(303);
  const customer = await stored();
  expect(customer.updateQueues).toEqual(['technical', 'billing_legal']);
  expect(customer.intervalMinutes).toBe(45);
  expect(customer.templates.de.resolved).toBe('Erledigt: {{title}} {{reference}}.\nStatus: {{state}}');
  expect(customer.messenger).toBe('on');
  expect(customer.embedOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
});

it('refuses a script tag, an unknown placeholder and a bad origin, saving nothing, and shows the text escaped', async () => {
  const res = await editSection(h, session, 'customer', {
    'customer.updateQueues': ['technical'],
    'customer.templates.en.in_progress': '<script>alert(1)</script> {{state}}',
    'customer.templates.fr.resolved': 'Votre responsable : {{owner}}',
    'customer.embedOrigins': 'https://example.com/path',
  });
  expect(res.status).toBe(422);
  expect(fieldError(res.text, 'customer.templates.en.in_progress')).toMatch(/HTML tags/);
  expect(fieldError(res.text, 'customer.templates.fr.resolved')).toBe(
    'Unknown placeholder {{owner}}: use {{state}}, {{reference}}, {{title}}.',
  );
  expect(fieldError(res.text, 'customer.embedOrigins')).toMatch(/origin such as/);
  expect(res.text).not.toContain('<script>alert(1)</script>');
  expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect((await stored()).updateQueues).toEqual([]);
});

describe('Messenger identity verification secret', () => {
  const form = async (fields: Record<string, string>) => {
    const page = await getPage(h, session);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    return h
      .http()
      .post('/settings/messenger-secret')
      .set('Cookie', `handoff_settings=${session}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(new URLSearchParams({ _csrf: csrf, ...fields }).toString());
  };

  it('stores the secret sealed, never shows it, and removes it', async () => {
    const secret = 'a-very-long-identity-secret-from-intercom-123';
    const saved = await form({ secret });
    expect(saved.status).toBe(303);
    const identity = await h.application.store.customerSide.getIdentity(h.demo.workspaceId);
    expect(identity?.secret.ciphertext).not.toContain(secret);
    const page = await getPage(h, session);
    expect(page.text).toContain('A secret is stored, sealed');
    expect(page.text).not.toContain(secret);
    expect((await form({ remove: 'on' })).status).toBe(303);
    expect(await h.application.store.customerSide.getIdentity(h.demo.workspaceId)).toBeNull();
  });

  it('refuses a short paste and a form without its CSRF token', async () => {
    const short = await form({ secret: 'short' });
    expect(short.status).toBe(422);
    expect(short.text).toContain('Paste the identity verification secret from Intercom');
    const forged = await h
      .http()
      .post('/settings/messenger-secret')
      .set('Cookie', `handoff_settings=${session}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('secret=a-very-long-identity-secret-from-intercom-123');
    expect(forged.status).toBe(403);
    expect(await h.application.store.customerSide.getIdentity(h.demo.workspaceId)).toBeNull();
  });
});
