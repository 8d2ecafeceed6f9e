import type { FakeTicketAttribute } from '../../../src/sandbox/fake-intercom/state';
import { type Harness, useHarness } from '../../support/app-harness';
import { component, createTicketRequests, drain, fakeTickets, openForm, submitForm, texts } from './support';

let h: Harness;
useHarness((started) => {
  h = started;
});

const escalations = () => h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);

function requireAttribute(name: string): FakeTicketAttribute {
  const type = h.fake.state.workspaces.get(h.demo.workspaceId)!.ticketTypes.get(h.demo.backOffice.ticketTypeId)!;
  const attribute: FakeTicketAttribute = {
    id: '999001',
    name,
    description: 'The order the complaint is about',
    dataType: 'string',
    listOptions: null,
    multiline: false,
    requiredToCreate: true,
    visibleOnCreate: true,
    isDefault: false,
    order: 9,
  };
  type.attributes.push(attribute);
  return attribute;
}

describe('escalate: bad input comes back on the form', () => {
  it.each([
    ['no reason', { reason: '   ' }, 'reason', 'Say why you are escalating.'],
    ['a reason that is too long', { reason: 'x'.repeat(2001) }, 'reason', 'Keep the reason under 2,000 characters.'],
    ['an empty priority', { priority: '' }, 'priority', 'Choose a priority.'],
    ['a null priority', { priority: null }, 'priority', 'Choose a priority.'],
    ['an unknown priority', { priority: 'P9' }, 'priority', 'Choose a priority from P1 to P4.'],
    ['an unknown queue', { queue: 'sales' }, 'queue', 'Choose one of the listed queues.'],
  ])('%s: marks the field, keeps the other values, creates nothing', async (_name, changes, field, message) => {
    const form = await openForm(h);
    const res = await submitForm(h, form, { queue: 'technical', priority: 'P3', reason: 'Kept reason', ...changes });
    const at = res.canvas.content.components.findIndex((c) => c['id'] === field);
    expect(res.canvas.content.components[at + 1]).toEqual({ type: 'text', text: message, style: 'error' });
    if (field === 'reason') expect(component(res, 'reason')).toMatchObject({ error: true });
    else expect(component(res, field)).toMatchObject({ save_state: 'failed' });
    if (field !== 'queue') expect(component(res, 'queue')).toMatchObject({ value: 'technical' });
    if (field !== 'reason') expect(component(res, 'reason')).toMatchObject({ value: 'Kept reason' });
    expect(res.canvas.stored_data?.['nonce']).toBe(form.canvas.stored_data?.['nonce']);
    expect(createTicketRequests(h)).toHaveLength(0);
    expect(await escalations()).toHaveLength(0);
  });

  it('treats a missing input as no value', async () => {
    const form = await openForm(h);
    const res = await h.submit({ componentId: 'escalate_submit', inputValues: {}, currentCanvas: form.canvas });
    expect(texts(res.body)).toEqual(expect.arrayContaining(['Choose a priority.', 'Choose a queue.', 'Say why you are escalating.']));
  });

  it('refuses a form that is not ours, or from another conversation', async () => {
    const form = await openForm(h);
    const missing = await h.submit({ componentId: 'escalate_submit', inputValues: {}, currentCanvas: { content: { components: [] } } });
    expect(texts(missing.body).join(' ')).toContain('out of date');
    const elsewhere = await h.submit(
      { componentId: 'escalate_submit', inputValues: {}, currentCanvas: form.canvas },
      { conversationId: h.demo.conversations.outage },
    );
    expect(texts(elsewhere.body).join(' ')).toContain('out of date');
    expect(await escalations()).toHaveLength(0);
  });

  it('asks for a person when none is selected', async () => {
    const res = await h.submit({ componentId: 'escalate_open' }, { contactId: null });
    expect(texts(res.body)).toContain('Select a person to escalate');
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe('escalate: Intercom rejects the ticket', () => {
  it('shows its message on the form, keeps the values, and lets the corrected submit through', async () => {
    const attribute = requireAttribute('Order id');
    const form = await openForm(h);
    const res = await submitForm(h, form, { queue: 'technical', reason: 'Needs the order team' });
    expect(texts(res)).toContain('Intercom did not create the ticket: Missing required ticket attributes: Order id');
    expect(component(res, 'queue')).toMatchObject({ value: 'technical' });
    expect(component(res, 'reason')).toMatchObject({ value: 'Needs the order team' });
    expect(res.canvas.stored_data?.['nonce']).not.toBe(form.canvas.stored_data?.['nonce']);
    expect((await escalations()).map((e) => e.status)).toEqual(['failed']);

    // Intercom retrying the very same submit answers the same, and creates nothing.
    const replay = await submitForm(h, form, { queue: 'technical', reason: 'Needs the order team' });
    expect(texts(replay)).toContain('Intercom did not create the ticket: Missing required ticket attributes: Order id');
    expect(createTicketRequests(h)).toHaveLength(1);

    // The admin makes the attribute optional; the corrected submit (the returned form) goes through.
    attribute.requiredToCreate = false;
    const created = await submitForm(h, res);
    expect(texts(created).some((t) => t.startsWith('✅ Ticket #'))).toBe(true);
    h.clock.advance(60 * 60_000);
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(1);
    expect((await escalations()).map((e) => e.status).sort()).toEqual(['failed', 'linked']);
  });
});
