import { escalateFormCanvas } from '../../canvases/escalate-form';
import type { CanvasResponse, Component } from '../../canvases/kit/types';
import type { EscalateFormVM } from '../../canvases/view-models';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { buttons, byId, components, escalateVM, ids, texts } from './factories';

function render(vm: EscalateFormVM): CanvasResponse {
  const res = escalateFormCanvas(vm);
  assertValidCanvasResponse(res, 'submit');
  const list = components(res);
  expect(list.slice(-3)).toEqual([
    { type: 'divider' },
    { type: 'spacer', size: 'xs' },
    { type: 'button', id: 'back', label: 'Cancel', style: 'link', action: { type: 'submit' } },
  ]);
  return res;
}

const field = (res: CanvasResponse, id: string) => byId(res, id) as Component & Record<string, unknown>;

describe('escalate form', () => {
  it('offers every field with the suggested values preselected', () => {
    const res = render(escalateVM());
    expect(field(res, 'ticket_type')).toMatchObject({ type: 'dropdown', value: '11', options: [{ id: '11' }, { id: '12' }] });
    expect(field(res, 'priority')).toMatchObject({ type: 'single-select', value: 'P2' });
    expect((field(res, 'priority').options as { id: string }[]).map((o) => o.id)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(field(res, 'queue')).toMatchObject({ type: 'dropdown', value: 'billing_legal' });
    expect(field(res, 'reason')).toEqual({
      type: 'textarea',
      id: 'reason',
      label: 'Reason',
      value: 'Recommended: Billing / Legal · P2.\n- Refund asked for a duplicate charge (customer, 10:32)',
    });
    expect(field(res, 'share_with_customer')).toEqual({
      type: 'checkbox',
      id: 'share_with_customer',
      label: 'Customer visibility',
      value: [],
      option: [{ type: 'option', id: 'share', text: 'Share with customer' }],
    });
    expect(byId(res, 'escalate_submit')).toMatchObject({ label: 'Create ticket', style: 'primary', action: { type: 'submit' } });
    expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'escalate', nonce: 'n0nce-abc123', conversationId: '1295' });
  });

  it('says what the app recommended above the fields it preselected, with the runner-up on a close call', () => {
    const res = render(
      escalateVM({ recommendation: { headline: 'Escalate → Billing / Legal · P2', closeCall: 'Close call: runner-up Account Risk · P3' } }),
    );
    const shown = components(res)
      .filter((c) => c.type === 'text')
      .map((c) => c.text);
    expect(shown.slice(1, 3)).toEqual(['Recommended: Escalate → Billing / Legal · P2', 'Close call: runner-up Account Risk · P3']);
    expect(
      components(render(escalateVM({ recommendation: null }))).some((c) => c.type === 'text' && String(c.text).startsWith('Recommended')),
    ).toBe(false);
  });

  it('previews the summary, trimmed', () => {
    const res = render(escalateVM({ summaryPreview: `Start ${'word '.repeat(200)}` }));
    const preview = texts(res)[texts(res).indexOf('Summary preview') + 1]!;
    expect(preview.length).toBeLessThanOrEqual(280);
    expect(preview.endsWith('…')).toBe(true);
  });

  it('shows a single ticket type as text and carries it in stored_data', () => {
    const res = render(escalateVM({ ticketTypes: [{ id: '11', label: 'Back-office escalation' }] }));
    expect(ids(res)).not.toContain('ticket_type');
    expect(texts(res)).toContain('Ticket type: Back-office escalation');
    expect(res.canvas.stored_data).toMatchObject({ ticketTypeId: '11' });
  });

  it('keeps to ten ticket types, the preselected one included', () => {
    const ticketTypes = Array.from({ length: 14 }, (_, i) => ({ id: `${i + 1}`, label: `Type ${i + 1}` }));
    const res = render(escalateVM({ ticketTypes: ticketTypes as EscalateFormVM['ticketTypes'], ticketTypeId: '13' }));
    const options = (field(res, 'ticket_type').options as { id: string }[]).map((o) => o.id);
    expect(options).toHaveLength(10);
    expect(options).toContain('13');
    expect(field(res, 'ticket_type').value).toBe('13');
  });

  it('does not preselect a default that is no longer offered', () => {
    const res = render(escalateVM({ ticketTypeId: '99' }));
    expect(field(res, 'ticket_type').value).toBeUndefined();
  });

  it('hides sharing when the ticket type does not allow it, and keeps the choice when it does', () => {
    expect(ids(render(escalateVM({ shareAllowed: false })))).not.toContain('share_with_customer');
    expect(field(render(escalateVM({ shareWithCustomer: true })), 'share_with_customer').value).toEqual(['share']);
  });

  it('marks bad fields, says what is wrong under each, and keeps every value', () => {
    const vm = escalateVM({
      priority: 'P4',
      reason: 'kept text',
      fieldErrors: {
        ticket_type: 'Pick a ticket type.',
        priority: 'Pick a priority.',
        queue: 'Pick a queue.',
        reason: 'Say why (at least 10 characters).',
      },
    });
    const res = render(vm);
    for (const id of ['ticket_type', 'priority', 'queue']) expect(field(res, id).save_state).toBe('failed');
    expect(field(res, 'reason')).toMatchObject({ error: true, value: 'kept text' });
    expect(field(res, 'priority').value).toBe('P4');
    const list = components(res);
    for (const [id, message] of [
      ['ticket_type', 'Pick a ticket type.'],
      ['priority', 'Pick a priority.'],
      ['queue', 'Pick a queue.'],
      ['reason', 'Say why (at least 10 characters).'],
    ]) {
      const at = list.findIndex((c) => 'id' in c && c.id === id);
      expect(list[at + 1]).toEqual({ type: 'text', text: message, style: 'error' });
    }
  });

  it('leaves unmarked fields alone', () => {
    const res = render(escalateVM({ fieldErrors: { queue: 'Pick a queue.' } }));
    expect(field(res, 'priority').save_state).toBeUndefined();
    expect(field(res, 'reason').error).toBeUndefined();
  });

  it('shows what Intercom said when it rejected the ticket', () => {
    const res = render(escalateVM({ formError: 'Intercom rejected the ticket: attribute "Order id" is required.' }));
    expect(components(res)[1]).toEqual({
      type: 'text',
      text: 'Intercom rejected the ticket: attribute "Order id" is required.',
      style: 'error',
    });
  });

  it('with an open ticket, offers a note instead and makes a second ticket an explicit choice', () => {
    const res = render(escalateVM({ openTicket: { ticketId: '215', ticketNumber: '1042', title: 'Refund for duplicate charge' } }));
    expect(texts(res)).toContain('This conversation already has an open ticket: Refund for duplicate charge · #1042');
    expect(byId(res, 'escalate_add_note_instead')).toMatchObject({ label: 'Add a note to #1042 instead', style: 'secondary' });
    expect(byId(res, 'escalate_force')).toMatchObject({ label: 'Create another ticket anyway', style: 'primary' });
    expect(ids(res)).not.toContain('escalate_submit');
    expect(buttons(res).filter((b) => b.style === 'primary')).toHaveLength(1);
    expect(res.canvas.stored_data).toMatchObject({ flow: 'escalate', ticketId: '215' });
  });

  it('with an escalation on its way, says so and makes a second ticket an explicit choice', () => {
    const res = render(escalateVM({ pendingEscalation: { message: 'P2 · Billing / Legal' } }));
    expect(texts(res)).toContain('This conversation already has an escalation on its way: P2 · Billing / Legal');
    expect(byId(res, 'escalate_force')).toMatchObject({ style: 'primary' });
    expect(ids(res)).not.toContain('escalate_submit');
    expect(ids(res)).not.toContain('escalate_add_note_instead');
    expect(res.canvas.stored_data).not.toHaveProperty('ticketId');
  });
});
