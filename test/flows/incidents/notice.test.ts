/**
 * Noticing it first: the third conversation about one problem says so on its sidebar, names the incident the
 * others are linked to, and links to it in one click; an unrelated conversation says nothing.
 */
import { VIEW_NOTES_JOB } from '../../../src/jobs/view-notes-flush';
import { type Body, type IncidentHarness, text, useIncidentHarness } from './support';

let h: IncidentHarness;
useIncidentHarness((started) => {
  h = started;
});

function chat(body: string): string {
  return h.fake.seed.conversation(h.demo.workspaceId, { contactId: h.demo.contacts.standard, messages: [{ from: 'contact', body }] }).id;
}

/**
 * A view only notes its conversation's signature; the background job writes the notes (every 5 s in production),
 * so each view here is followed by that job's pass. Canvas text is Markdown-escaped (each escaping backslash shows
 * doubled in the JSON).
 */
async function sidebar(conversationId: string): Promise<string> {
  const shown = text((await h.initialize({ conversationId })).body as Body);
  await h.application.jobs.find((job) => job.name === VIEW_NOTES_JOB)!.runOnce();
  return shown;
}

it('says how many others report the same problem since when, and offers their open incident', async () => {
  const first = chat('<p>Checkout fails for every card, we get E_PAYMENT_502.</p>');
  h.clock.advance(60_000);
  const second = chat('<p>Our customers cannot pay, error code E_PAYMENT_502 on the payment page.</p>');
  const unrelated = chat('<p>How do I change the logo on my invoices?</p>');
  const third = chat('<p>E_PAYMENT_502 again and again when I charge a card.</p>');
  expect(await sidebar(first)).not.toContain('other conversation');
  await sidebar(second);
  await sidebar(unrelated);
  const hint = await sidebar(third);
  expect(hint).toContain('2 other conversations since 10:01 mention E\\\\_PAYMENT\\\\_502. Link them to one incident?');
  expect(await sidebar(unrelated)).not.toContain('other conversation');
  // Kept: the three that name a problem; the how-to question has no signature.
  const rows = await h.application.store.conversationSignals.listSince(h.demo.workspaceId, 0, 10);
  expect(rows.map((row) => row.conversationId).sort()).toEqual([first, second, third].sort());

  const tracker = h.tracker('Card payments failing');
  const form = await h.screen(`incident_pick:${tracker.id}`, { conversationId: first });
  await h.screen('incident_link_submit', { currentCanvas: form, conversationId: first });
  const named = await sidebar(third);
  expect(named).toContain(`mention E\\\\_PAYMENT\\\\_502 — incident #${tracker.ticketNumber} is open`);
  expect(named).toContain(`incident_pick:${tracker.id}`);
  // Once linked, the conversation shows its incident instead of the hint.
  await h.screen('incident_link_submit', {
    currentCanvas: await h.screen(`incident_pick:${tracker.id}`, { conversationId: third }),
    conversationId: third,
  });
  expect(await sidebar(third)).not.toContain('other conversations since');
});

it('writes nothing while answering a view: the signature is noted, and the background pass writes it', async () => {
  const id = chat('<p>Checkout fails with E_PAYMENT_502.</p>');
  await h.initialize({ conversationId: id });
  const stored = () => h.application.store.conversationSignals.listSince(h.demo.workspaceId, 0, 10);
  expect(await stored()).toEqual([]);
  await h.application.jobs.find((job) => job.name === VIEW_NOTES_JOB)!.runOnce();
  expect((await stored()).map((row) => row.conversationId)).toEqual([id]);
});

it('forgets conversations older than the window', async () => {
  chat('<p>Checkout fails with E_PAYMENT_502.</p>');
  chat('<p>E_PAYMENT_502 at checkout for all cards.</p>');
  const ids = [...h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.keys()].slice(-2);
  for (const id of ids) await sidebar(id);
  h.clock.advance(7 * 60 * 60_000);
  const late = chat('<p>E_PAYMENT_502 when paying.</p>');
  expect(await sidebar(late)).not.toContain('other conversation');
});
