/**
 * Access granted by an Intercom role is confirmed with Intercom on every save: a teammate demoted in Intercom
 * must not keep changing settings for the rest of a 4-hour session.
 */
import { defaultSettings } from '../../../src/domain/settings';
import { type InstallHarness, startInstallHarness } from '../../services/install/harness';
import { editSection, signIn } from './support';

let h: InstallHarness;
beforeEach(async () => {
  h = await startInstallHarness({ mode: 'private' });
  // Nobody is listed; Intercom's Admin role grants access (the default role names).
  const settings = defaultSettings();
  await h.application.store.settings.save(h.demo.workspaceId, { settings, expectedVersion: 0, adminId: null, now: h.clock.now() });
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

const lead = () => h.fake.state.workspaces.get(h.demo.workspaceId)!.admins.get(h.demo.admins.lead)!;
const version = async () => (await h.application.store.settings.get(h.demo.workspaceId)).version;
const ADMIN_ROLE = { id: '1', name: 'Admin' };

it('saves while Intercom still gives the teammate a settings role', async () => {
  lead().role = ADMIN_ROLE;
  const session = await signIn(h, h.demo.admins.lead, { role: ADMIN_ROLE });
  const before = await version();
  const res = await editSection(h, session, 'ladder', { 'ladder.leadAdminId': h.demo.admins.lead });
  expect(res.status).toBe(303);
  expect(await version()).toBe(before + 1);
});

it('refuses the save, and ends the session, once Intercom no longer gives the teammate that role', async () => {
  lead().role = ADMIN_ROLE;
  const session = await signIn(h, h.demo.admins.lead, { role: ADMIN_ROLE });
  lead().role = { id: '2', name: 'Support agent' };
  const before = await version();
  const res = await editSection(h, session, 'ladder', { 'ladder.leadAdminId': h.demo.admins.lead });
  expect(res.status).toBe(403);
  expect(String(res.headers['set-cookie'])).toContain('handoff_settings=;');
  expect(await version()).toBe(before);
});

it('refuses the save when Intercom cannot confirm the role right now, and keeps the session', async () => {
  lead().role = ADMIN_ROLE;
  const session = await signIn(h, h.demo.admins.lead, { role: ADMIN_ROLE });
  h.fake.faults.failNext(5, 503, 'GET /admins/{id}');
  const before = await version();
  const res = await editSection(h, session, 'ladder', { 'ladder.leadAdminId': h.demo.admins.lead });
  expect(res.status).toBe(503);
  expect(res.text).toContain('Nothing was saved');
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(await version()).toBe(before);
});
