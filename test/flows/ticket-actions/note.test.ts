/**
 * Add note from the sidebar: the form, validation (value kept), escaping, cross-posting, and exactly one note
 * per form however the submit is repeated and whatever Intercom does — done at once, queued and sent later, or
 * posted although Intercom's answer was lost.
 */
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { calls, canvasText, linkTicket, type SyncHarness, useSyncHarness } from '../../services/sync/support';

let h: SyncHarness;
let ticketId: string;
useSyncHarness(
  async (started) => {
    h = started;
    ({ ticketId } = await linkTicket(h));
  },
  { webhooks: false },
);

type Body = { canvas: { content: { components: unknown[] }; stored_data?: Record<string, unknown> } };

async function openForm(): Promise<Body> {
  const res = await h.submit({ componentId: `ticket_note_open:${ticketId}` });
  assertValidCanvasResponse(res.body, 'submit');
  return res.body;
}

async function submit(form: Body, note: string, crossPost = false): Promise<Body> {
  const res = await h.submit({
    componentId: `ticket_note_submit:${ticketId}`,
    inputValues: { note_body: note, cross_post: crossPost ? ['cross_post'] : [] },
    currentCanvas: form,
  });
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'submit');
  return res.body;
}

const notesOnTicket = () =>
  h.fake.state.workspaces
    .get(h.workspaceId)!
    .tickets.get(ticketId)!
    .parts.filter((p) => p.partType === 'note');
const replies = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/tickets/${ticketId}/reply`);

describe('Add note', () => {
  it('posts the escaped note as the teammate, cross-posted when asked, and says so', async () => {
    const form = await openForm();
    expect(canvasText(form)).toContain('Cross-post to this conversation');
    const result = await submit(form, 'Customer says <script>alert(1)</script> & "thanks"\n\nSecond paragraph', true);
    expect(canvasText(result)).toContain('✅ Note added to ticket #');
    expect(canvasText(result)).toContain('Also posted in this conversation');
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.body).toMatchObject({ message_type: 'note', type: 'admin', admin_id: h.demo.admins.agent, cross_post: true });
    const sent = (replies()[0]!.body as { body: string }).body;
    expect(sent).toContain('Customer says &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;thanks&quot;</p><p>Second paragraph</p>');
    expect(sent).not.toContain('<script>');
    const conversation = h.fake.state.workspaces.get(h.workspaceId)!.conversations.get(h.context.conversationId)!;
    expect(conversation.parts.filter((p) => p.body === sent)).toHaveLength(1);
    expect((await h.application.store.outbox.listByWorkspace(h.workspaceId)).map((j) => j.status)).toEqual(['done']);
  });

  it.each([
    ['an empty note', '   ', 'Write the note first.'],
    ['a note over the limit', 'x'.repeat(4_001), 'limited to 4,000 characters'],
  ])('sends %s back to the form with the message and the text kept', async (_name, note, message) => {
    const result = await submit(await openForm(), note, true);
    const json = canvasText(result);
    expect(json).toContain(message);
    expect(json).toContain('"error":true');
    if (note.trim()) expect(json).toContain(note);
    expect(json).toContain('"value":["cross_post"]');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('posts one note when the same form is submitted twice', async () => {
    const form = await openForm();
    await submit(form, 'Only once please');
    const second = await submit(form, 'Only once please');
    expect(canvasText(second)).toContain('Note added');
    expect(replies()).toHaveLength(1);
    expect(notesOnTicket()).toHaveLength(1);
  });

  it('queues the note while Intercom is down and sends it exactly once when it is back', async () => {
    h.fake.faults.failNext(1, 503, 'POST /tickets/{id}/reply');
    const result = await submit(await openForm(), 'Sent when Intercom is back');
    expect(canvasText(result)).toContain('⏳');
    expect(canvasText(result)).toContain('queued');
    expect(notesOnTicket()).toHaveLength(0);
    h.clock.advance(10_000);
    await h.drain();
    expect(notesOnTicket()).toHaveLength(1);
    h.clock.advance(10 * 60_000);
    await h.drain();
    expect(notesOnTicket()).toHaveLength(1);
    expect((await h.application.store.outbox.listByWorkspace(h.workspaceId)).map((j) => j.status)).toEqual(['done']);
  });

  it('does not post again when Intercom posted the note but its answer was lost', async () => {
    h.fake.faults.add({ route: 'POST /tickets/{id}/reply', effect: { type: 'drop' }, phase: 'after' });
    const result = await submit(await openForm(), 'Posted, answer lost');
    expect(canvasText(result)).toContain('queued');
    h.clock.advance(10_000);
    await h.drain();
    expect(notesOnTicket()).toHaveLength(1);
    expect(replies()).toHaveLength(1);
    expect(calls(h, new RegExp(`^GET /tickets/${ticketId}$`))).toHaveLength(1);
  });

  it('shows the form again, with a fresh nonce, when Intercom rejects the note', async () => {
    h.fake.faults.failNext(1, 404, 'POST /tickets/{id}/reply');
    const form = await openForm();
    const result = await submit(form, 'Rejected');
    expect(canvasText(result)).toContain('The note was not added. Intercom did not accept it (404');
    expect(result.canvas.stored_data?.nonce).not.toEqual(form.canvas.stored_data?.nonce);
    expect((await h.application.store.outbox.listByWorkspace(h.workspaceId)).map((j) => j.status)).toEqual(['dead']);
    await submit(result, 'Rejected');
    expect(notesOnTicket()).toHaveLength(1);
  });

  it('queues the note when Intercom answers 408 (it stopped waiting; the note itself was fine), and posts it once', async () => {
    h.fake.faults.failNext(1, 408, 'POST /tickets/{id}/reply');
    const result = await submit(await openForm(), 'Slow Intercom');
    expect(canvasText(result)).toContain('queued');
    expect((await h.application.store.outbox.listByWorkspace(h.workspaceId)).map((j) => j.status)).toEqual(['pending']);
    h.clock.advance(10_000);
    await h.drain();
    expect(notesOnTicket()).toHaveLength(1);
    expect((await h.application.store.outbox.listByWorkspace(h.workspaceId)).map((j) => j.status)).toEqual(['done']);
  });

  it('refuses a form for another ticket or a ticket of another conversation', async () => {
    const form = await openForm();
    const other = await linkTicket(h, { conversationId: h.demo.conversations.outage });
    const res = await h.submit({
      componentId: `ticket_note_submit:${other.ticketId}`,
      inputValues: { note_body: 'x' },
      currentCanvas: form,
    });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain('out of date');
    const opened = await h.submit({ componentId: `ticket_note_open:${other.ticketId}` });
    expect(canvasText(opened.body)).toContain('not linked to this conversation');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('is what the escalate form\'s "add a note instead" opens for the open ticket', async () => {
    const escalateForm = { content: { components: [] }, stored_data: { v: 1, flow: 'escalate', ticketId, nonce: 'escalate-nonce-1' } };
    const res = await h.submit({ componentId: 'escalate_add_note_instead', currentCanvas: escalateForm });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain(`ticket_note_submit:${ticketId}`);
  });
});
