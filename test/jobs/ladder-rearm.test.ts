/**
 * Clocks already running follow the settings in force: a ladder saved on the settings page re-plans every running
 * clock at once (a lower warn threshold that has already passed fires now, not at the old time), and a reinstall
 * re-arms the clocks the uninstall disarmed (the steps that fell due meanwhile fire once).
 */
import { signIn, editSection } from '../http/settings/support';
import { type InstallHarness, useInstallHarness } from '../services/install/harness';
import type { Harness } from '../support/app-harness';
import { configureLadder, HOUR, linkedTicket, schedulerOf, WARN_AFTER } from './ladder-fixture';

let h: InstallHarness;
useInstallHarness(
  async (started) => {
    h = started;
    await configureLadder(h as unknown as Harness);
  },
  { mode: 'private' },
);

const ws = () => h.demo.workspaceId;
const firedSteps = async (ticketId: string) => (await h.application.store.ladder.listByTicket(ws(), ticketId)).map((f) => f.step);

it('a ladder saved on the settings page re-plans running clocks: a warn threshold already passed fires now', async () => {
  const ticketId = await linkedTicket(h as unknown as Harness);
  const start = h.clock.now();
  const clock = () => h.application.store.clocks.get(ws(), ticketId, 'resolution');
  expect(await clock()).toMatchObject({ nextStep: 'warn', nextFireAt: start + WARN_AFTER });

  // 2.5 h into a 4 h target: 62.5 %, short of the 75 % warning.
  h.clock.advance(2.5 * HOUR);
  expect(await schedulerOf(h as unknown as Harness).runOnce()).toBe(0);
  const session = await signIn(h, h.demo.admins.agent);
  expect((await editSection(h, session, 'ladder', { 'ladder.warnAt': '60' })).status).toBe(303);
  expect(await clock()).toMatchObject({ nextFireAt: h.clock.now() });

  await schedulerOf(h as unknown as Harness).runOnce();
  expect(await firedSteps(ticketId)).toEqual(['warn']);
  // Planned again under the new ladder: the escalate step (90 %) is next.
  expect(await clock()).toMatchObject({ nextStep: 'escalate', nextFireAt: start + 0.9 * 4 * HOUR });
});

it('a reinstall re-arms the clocks the uninstall disarmed; what fell due meanwhile fires once', async () => {
  const ticketId = await linkedTicket(h as unknown as Harness);
  const { store } = h.application;
  const before = await store.workspaces.get(ws());
  await store.workspaces.markUninstalled(ws(), h.clock.now());
  expect(await store.clocks.get(ws(), ticketId, 'resolution')).toMatchObject({ nextFireAt: null });

  h.clock.advance(WARN_AFTER + 10 * 60_000);
  expect(await schedulerOf(h as unknown as Harness).runOnce()).toBe(0);
  await store.workspaces.upsert(ws(), { ...before!, installedAt: h.clock.now() });
  expect(await store.clocks.get(ws(), ticketId, 'resolution')).toMatchObject({ nextFireAt: h.clock.now() });

  await schedulerOf(h as unknown as Harness).runOnce();
  await schedulerOf(h as unknown as Harness).runOnce();
  expect(await firedSteps(ticketId)).toEqual(['warn']);
});
