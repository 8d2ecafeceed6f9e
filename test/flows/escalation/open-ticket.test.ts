import type { FakeTicketAttribute } from '../../../src/sandbox/fake-intercom/state';
import { type Harness, useHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { FAULT_ENV, SETTLE_MS } from './faults';
import { type CanvasBody, component, createTicketRequests, drain, fakeTickets, handoffNotes, openForm, submitForm, texts } from './support';

let h: Harness;
useHarness(
  (started) => {
    h = started;
  },
  { env: FAULT_ENV },
);

const ids = (body: CanvasBody) => body.canvas.content.components.map((c) => c['id']).filter(Boolean);

async function escalateOnce(): Promise<string> {
  await submitForm(h, await openForm(h), { reason: 'First problem' });
  await drain(h);
  return fakeTickets(h)[0]!.id;
}

describe('a conversation that already has an open ticket', () => {
  it('explains it, offers a note instead, and only an explicit second ticket', async () => {
    const ticketId = await escalateOnce();
    const number = fakeTickets(h)[0]!.ticketNumber;
    const form = await openForm(h);
    const notice = texts(form).find((t) => t.startsWith('This conversation already has an open ticket: '));
    expect(notice).toMatch(new RegExp(` · #${number}$`));
    expect(component(form, 'escalate_add_note_instead')).toMatchObject({ label: `Add a note to #${number} instead` });
    expect(ids(form)).toContain('escalate_force');
    expect(ids(form)).not.toContain('escalate_submit');
    expect(form.canvas.stored_data).toMatchObject({ ticketId });
  });

  it('creates a second ticket only through escalate_force', async () => {
    await escalateOnce();
    const form = await openForm(h);
    const res = await submitForm(h, form, { reason: 'A separate problem', queue: 'technical' }, { componentId: 'escalate_force' });
    expect(texts(res).some((t) => t.startsWith('✅ Ticket #'))).toBe(true);
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(2);
    expect(handoffNotes(h)).toHaveLength(2);
    const sidebar = await h.initialize();
    assertValidCanvasResponse(sidebar.body, 'initialize');
    expect(sidebar.body.canvas.content.components.find((c: { id?: string }) => c.id === 'escalate_open')).toMatchObject({
      label: 'New escalation',
      style: 'link',
    });
  });

  it('turns a form opened before the ticket existed into the explanation, creating nothing', async () => {
    const stale = await openForm(h);
    await escalateOnce();
    const res = await submitForm(h, stale, { reason: 'Opened earlier' });
    expect(texts(res).join(' ')).toContain('already has an open ticket');
    expect(component(res, 'reason')).toMatchObject({ value: 'Opened earlier' });
    expect(createTicketRequests(h)).toHaveLength(1);
  });

  it('hands "Add a note instead" to the ticket note form for that ticket', async () => {
    const ticketId = await escalateOnce();
    const form = await openForm(h);
    const res = await h.submit({ componentId: 'escalate_add_note_instead', inputValues: {}, currentCanvas: form.canvas });
    assertValidCanvasResponse(res.body, 'submit');
    expect(res.body.canvas.stored_data).toMatchObject({ flow: 'note', ticketId });
  });
});

describe('a conversation with an escalation on its way', () => {
  it('says so and makes a second one an explicit choice', async () => {
    h.fake.faults.failNext(1, 503, 'POST /tickets');
    await submitForm(h, await openForm(h), { reason: 'Queued one' });
    const form = await openForm(h);
    expect(texts(form)).toContain('This conversation already has an escalation on its way: P2 · Billing / Legal');
    expect(ids(form)).toContain('escalate_force');
    expect(ids(form)).not.toContain('escalate_add_note_instead');
  });

  it('shows in the sidebar when Intercom refuses it for good', async () => {
    h.fake.faults.failNext(1, 503, 'POST /tickets');
    await submitForm(h, await openForm(h), { reason: 'Queued one' });
    const type = h.fake.state.workspaces.get(h.demo.workspaceId)!.ticketTypes.get(h.demo.backOffice.ticketTypeId)!;
    const required: FakeTicketAttribute = {
      id: '999002',
      name: 'Order id',
      description: '',
      dataType: 'string',
      listOptions: null,
      multiline: false,
      requiredToCreate: true,
      visibleOnCreate: true,
      isDefault: false,
      order: 9,
    };
    type.attributes.push(required);
    h.clock.advance(SETTLE_MS);
    await drain(h);
    const [escalation] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
    expect(escalation).toMatchObject({ status: 'failed', lastError: 'Missing required ticket attributes: Order id' });
    const sidebar = await h.initialize();
    assertValidCanvasResponse(sidebar.body, 'initialize');
    expect(texts(sidebar.body)).toContain('Escalation failed: Missing required ticket attributes: Order id');
    expect(texts(sidebar.body)).not.toContain('⏳ Queued — the ticket will be created automatically');
  });
});
