/**
 * The class behind a hidden response: a note counts as Handoff's own (and so not as the back-office team acting)
 * only when Handoff posted it. Every marker our notes carry, typed into an Inbox note by a teammate, still stops
 * the response clock; the same text posted through the API, as Handoff posts it, does not.
 */
import { FigureSheet } from '../support/reliability/figures';
import { linkTicket, type SyncHarness, useSyncHarness } from '../services/sync/support';

const MARKERS = ['<em>via Handoff</em>', 'ref: handoff-sla:response:0:warn', 'Handoff note ref: 1', 'Handoff escalation ref: 1'];

const figures = new FigureSheet('forged note markers');
let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});
beforeAll(() => figures.set('responses hidden', 0));
afterAll(() => figures.print());

async function responseAfterNote(body: string, viaApi: boolean) {
  const { ticketId } = await linkTicket(h);
  h.clock.advance(60_000);
  const delivery = await h.fake.backOffice.addNote(ticketId, h.demo.admins.lead, body, { viaApi });
  expect(delivery?.status).toBe(200);
  await h.drain();
  return (await h.application.store.clocks.get(h.workspaceId, ticketId, 'response'))?.status;
}

it.each(MARKERS)('a teammate note carrying %s is the team responding', async (marker) => {
  const status = await responseAfterNote(`<p>Checked the invoice.</p><p>${marker}</p>`, false);
  figures.add('inputs');
  if (status !== 'stopped') figures.add('responses hidden');
  expect(status).toBe('stopped');
});

it.each(MARKERS)('the same note posted through the API with %s is ours', async (marker) => {
  figures.add('inputs');
  expect(await responseAfterNote(`<p>SLA warning</p><p>${marker}</p>`, true)).toBe('running');
});
