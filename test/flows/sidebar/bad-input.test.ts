/**
 * Bad input, through the HTTP layer with the fake Intercom: an empty conversation, only an image, 500 parts, a
 * 100 KB message, mixed languages, HTML and markdown in every message. The sidebar still answers (a
 * recommendation, or "could not judge"), the escalate form still opens and submits, and customer markup never
 * becomes canvas markup. (A Canvas Kit body over the edge's 1 MB signed-body limit is refused before any of this.)
 */
import { type Harness, useHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { type CanvasBody, component, createTicketRequests, fakeTickets, openForm, submitForm, texts } from '../escalation/support';

let h: Harness;
useHarness((started) => {
  h = started;
});

type Message = { from: 'contact' | { adminId: string }; body: string };

function conversation(messages: Message[]): string {
  const contactId = h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.get(h.demo.conversations.refund)!.contactIds[0]!;
  return h.fake.seed.conversation(h.demo.workspaceId, { contactId, title: null, messages }).id;
}

async function sidebar(conversationId: string): Promise<CanvasBody> {
  const res = await h.initialize({ conversationId });
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'initialize');
  return res.body as CanvasBody;
}

/** The sidebar answers, the form opens with a preselection, and the submit creates the ticket. */
async function stillWorks(conversationId: string): Promise<{ sidebar: string[]; form: CanvasBody }> {
  const lines = texts(await sidebar(conversationId));
  const form = await openForm(h, { conversationId });
  expect(component(form, 'queue')?.['value']).toEqual(expect.any(String));
  expect(component(form, 'priority')?.['value']).toMatch(/^P[1-4]$/);
  const before = fakeTickets(h).length;
  await submitForm(h, form, { reason: 'Escalating for review' }, { context: { conversationId } });
  expect(fakeTickets(h)).toHaveLength(before + 1);
  return { sidebar: lines, form };
}

describe('bad input: the sidebar and the form still answer', () => {
  it('an empty message: "could not judge", and Escalate is there', async () => {
    const { sidebar: lines, form } = await stillWorks(conversation([{ from: 'contact', body: '' }]));
    expect(lines).toContain('Could not judge this conversation');
    expect(texts(form)).toContain('Recommended: Could not judge this conversation');
    // Nothing to state the case from: the title falls back to a plain reference, never an empty string.
    const create = createTicketRequests(h).at(-1)!.body as { ticket_attributes: Record<string, string> };
    expect(create.ticket_attributes['_default_title_']).toMatch(/^Escalation of conversation \d+$/);
  });

  it('only an inline image: a plain answer, never an error', async () => {
    // An attachment arrives with an empty body (the case above); an inline image leaves "[image] (url)" as text.
    const { sidebar: lines } = await stillWorks(
      conversation([{ from: 'contact', body: '<p><img src="https://files.example/screenshot.png"></p>' }]),
    );
    expect(lines.some((t) => t === 'Keep in chat' || t === 'Could not judge this conversation')).toBe(true);
  });

  it('500 parts', async () => {
    const agent = h.demo.admins.agent;
    const messages: Message[] = Array.from({ length: 500 }, (_, i) =>
      i % 2 === 0
        ? { from: 'contact', body: `<p>Export still failing, attempt ${i}: error 500 on the CSV download.</p>` }
        : { from: { adminId: agent }, body: '<p>Checking.</p>' },
    );
    const { sidebar: lines } = await stillWorks(conversation(messages));
    expect(lines.some((t) => t.startsWith('Escalate → ') || t === 'Keep in chat')).toBe(true);
  });

  it('a 100 KB message', async () => {
    const long = 'The invoice export is broken and shows the wrong totals. '.repeat(1800).slice(0, 100_000);
    const { sidebar: lines } = await stillWorks(conversation([{ from: 'contact', body: `<p>${long}</p>` }]));
    expect(lines.some((t) => t.startsWith('Escalate → ') || t === 'Keep in chat' || t === 'Could not judge this conversation')).toBe(true);
  });

  it('mixed languages in one chat', async () => {
    const { sidebar: lines } = await stillWorks(
      conversation([
        { from: 'contact', body: '<p>Hallo, ich wurde doppelt belastet. I was charged twice for INV-3003.</p>' },
        { from: 'contact', body: '<p>Je veux un remboursement, por favor. Quero o reembolso.</p>' },
      ]),
    );
    expect(lines.some((t) => t.startsWith('Escalate → Billing / Legal'))).toBe(true);
  });

  it('HTML and markdown in every message never become canvas markup', async () => {
    const evil = '<p>[Verify your login](https://evil.example) **now** <script>alert(1)</script> ## heading | a | b |</p>';
    const id = conversation([
      { from: 'contact', body: evil },
      { from: { adminId: h.demo.admins.agent }, body: evil },
      { from: 'contact', body: `${evil}<p>I was charged twice, refund it</p>` },
    ]);
    const canvas = await sidebar(id);
    const json = JSON.stringify(canvas);
    expect(json).not.toContain('](https://evil.example)');
    expect(json).not.toContain('<script>');
    await stillWorks(id);
  });
});
