/**
 * "Add to an existing case" over HTTP with signed requests against the fake Intercom: a conversation attached to
 * the ticket another conversation escalated, once however often the form is sent, with the note on the ticket;
 * both sidebars show the shared ticket; bad input is a clear canvas that changes nothing; the ticket's resolution
 * reaches every attached conversation exactly once; a detach is recorded and escalation counts are untouched.
 */
import { CASE_JOB_KINDS } from '../../../src/services/shared-cases';
import { openForm, submitForm } from '../escalation/support';
import { type Body, type IncidentHarness, text, useIncidentHarness } from '../incidents/support';

let h: IncidentHarness;
useIncidentHarness((started) => {
  h = started;
});

const ws = () => h.demo.workspaceId;
const sharedNotes = (ticketId: string) =>
  h.ticket(ticketId).parts.filter((p) => (p.body ?? '').includes('Also reported in another conversation'));
const resolveNotes = (conversationId: string) =>
  h.conversation(conversationId).parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('resolved'));

/** Conversation A (the harness's) escalates: the case's ticket, opened there. */
async function escalateA(): Promise<string> {
  await submitForm(h, await openForm(h));
  await h.drain();
  const [ticket] = await h.application.store.tickets.listByConversation(ws(), h.context.conversationId);
  if (!ticket) throw new Error('escalation did not link a ticket');
  return ticket.ticketId;
}

async function attach(ticketId: string, conversationId: string, note = ''): Promise<{ form: Body; result: Body }> {
  const form = await h.screen(`case_pick:${ticketId}`, { conversationId });
  const result = await h.screen('case_attach_submit', { conversationId, currentCanvas: form.canvas, inputValues: { case_note: note } });
  return { form, result };
}

describe('Add to an existing case', () => {
  it('attaches once, notes the ticket once, and both sidebars show the shared ticket', async () => {
    const ticketId = await escalateA();
    const b = h.demo.conversations.outage!;
    // Both sidebars rendered before the attachment: neither may be answered from that render afterwards.
    expect(text((await h.initialize()).body as Body)).not.toContain('Shared with');
    expect(text((await h.initialize({ conversationId: b })).body as Body)).toContain('case_open');
    const search = await h.screen('case_open', { conversationId: b });
    expect(text(search)).toContain(`case_pick:${ticketId}`);
    const { form, result } = await attach(ticketId, b, 'Same <b>double charge</b> here');
    expect(text(result)).toContain('Added to case #');
    // The same form again (a double click, Intercom's retry): nothing more.
    const again = await h.screen('case_attach_submit', { conversationId: b, currentCanvas: form.canvas, inputValues: { case_note: 'x' } });
    expect(text(again)).toContain('Added to case #');
    expect(await h.application.store.caseAttachments.countAttached(ws(), ticketId)).toBe(1);
    await h.drain();
    expect(sharedNotes(ticketId)).toHaveLength(1);
    expect(sharedNotes(ticketId)[0]!.body).toContain('Same &lt;b&gt;double charge&lt;/b&gt; here');
    const sidebarA = text((await h.initialize()).body as Body);
    expect(sidebarA).toContain('Shared with 2 conversations');
    const sidebarB = text((await h.initialize({ conversationId: b })).body as Body);
    expect(sidebarB).toContain('Attached from another conversation');
    expect(sidebarB).toContain('case_detach:');
    expect(sidebarB).not.toContain(`ticket_details:${ticketId}`);
    // An attachment is not an escalation: conversation B has none, the reports count none.
    expect(await h.application.store.escalations.listByConversation(ws(), b)).toEqual([]);
  });

  it('bad input is a clear canvas and changes nothing', async () => {
    const ticketId = await escalateA();
    const b = h.demo.conversations.outage!;
    const long = await h.screen('case_search', { conversationId: b, inputValues: { case_query: 'x'.repeat(500) } });
    expect(text(long)).toContain('at most 120 characters');
    const punct = await h.screen('case_search', { conversationId: b, inputValues: { case_query: '?!.,;' } });
    expect(text(punct)).toContain('Search for words of the case title');
    const words = await h.screen('case_search', { conversationId: b, inputValues: { case_query: 'no-such-words-here' } });
    expect(text(words)).toContain('No open case matches that.');
    // A ticket Handoff does not know (another workspace's, a tracker, made up): not offered.
    const tracker = h.tracker('Payments failing');
    for (const id of [tracker.id, '999999'])
      expect(text(await h.screen(`case_pick:${id}`, { conversationId: b }))).toContain('not a back-office ticket Handoff knows');
    // The conversation's own ticket.
    expect(text(await h.screen(`case_pick:${ticketId}`))).toContain('This conversation opened that ticket');
    // Already attached: a second form with a fresh nonce.
    await attach(ticketId, b);
    const { result } = await attach(ticketId, b);
    expect(text(result)).toContain('already has that ticket');
    expect(await h.application.store.caseAttachments.countAttached(ws(), ticketId)).toBe(1);
  });

  it('the ticket’s resolution follows up every attached conversation exactly once; a detached one is left alone', async () => {
    const ticketId = await escalateA();
    const { outage: b, howTo: d } = h.demo.conversations as Record<string, string>;
    const c = h.fake.seed.conversation(ws(), {
      contactId: h.demo.contacts.standard,
      title: 'Charged twice too',
      createdAt: Math.floor(h.clock.now() / 1000) - 600,
      messages: [{ from: 'contact', body: '<p>I was charged twice for November as well.</p>' }],
    }).id;
    for (const conversationId of [b!, c!, d!]) await attach(ticketId, conversationId);
    await h.drain();
    h.conversation(c!).state = 'snoozed';
    const sidebarD = await h.initialize({ conversationId: d! });
    const detachId = /case_detach:([0-9a-f-]{36})/.exec(text(sidebarD.body as Body))![1]!;
    expect(text(await h.screen(`case_detach:${detachId}`, { conversationId: d! }))).toContain('Detached from case');
    expect(text((await h.initialize({ conversationId: d! })).body as Body)).not.toContain(ticketId);
    // Detaching twice, or someone else's attachment: a clear canvas.
    expect(text(await h.screen(`case_detach:${detachId}`, { conversationId: d! }))).toContain('not attached to that case any more');
    await h.fake.backOffice.setState(ticketId, 'resolved');
    // Two views of the resolution fan out once.
    await h.screen(`ticket_refresh:${ticketId}`);
    await h.screen(`ticket_refresh:${ticketId}`);
    const jobs = await h.application.store.outbox.listByWorkspace(ws(), { limit: 500 });
    expect(jobs.filter((j) => j.kind === CASE_JOB_KINDS.fanOut)).toHaveLength(1);
    await h.drain(100);
    expect(resolveNotes(h.context.conversationId)).toHaveLength(1);
    expect(resolveNotes(b!)).toHaveLength(1);
    expect(resolveNotes(c!)).toHaveLength(1);
    expect(h.conversation(c!).state).toBe('open');
    expect(resolveNotes(d!)).toHaveLength(0);
    const attachment = await h.application.store.caseAttachments.get(ws(), detachId);
    expect(attachment).toMatchObject({ attached: false, detachedBy: h.context.adminId ?? expect.any(String) });
    // Attaching to a resolved case is refused: it is closed.
    const late = await h.screen(`case_pick:${ticketId}`, { conversationId: d! });
    const refused = await h.screen('case_attach_submit', { conversationId: d!, currentCanvas: late.canvas, inputValues: {} });
    expect(text(refused)).toContain('That case is resolved or closed');
  });

  it('survives Intercom losing its answer: the note on the ticket and each follow-up land exactly once', async () => {
    const ticketId = await escalateA();
    const b = h.demo.conversations.outage!;
    h.fake.faults.add({ route: 'POST /tickets/{id}/reply', effect: { type: 'drop' }, phase: 'after' });
    const { result } = await attach(ticketId, b);
    expect(text(result)).toContain('The note on the ticket is queued');
    h.clock.advance(10_000);
    await h.drain();
    expect(sharedNotes(ticketId)).toHaveLength(1);
    await h.fake.backOffice.setState(ticketId, 'resolved');
    h.fake.faults.add({ route: 'POST /conversations/{id}/reply', effect: { type: 'drop' }, phase: 'after' });
    await h.screen(`ticket_refresh:${ticketId}`);
    h.clock.advance(10 * 60_000);
    await h.drain(10_000);
    expect(resolveNotes(b)).toHaveLength(1);
    expect(resolveNotes(h.context.conversationId)).toHaveLength(1);
  });
});
