import { noteFormCanvas } from '../../canvases/note-form';
import { priorityFormCanvas } from '../../canvases/priority-form';
import { ticketDetailsCanvas } from '../../canvases/ticket-details';
import { ticketListCanvas } from '../../canvases/ticket-list';
import type { CanvasResponse, Component } from '../../canvases/kit/types';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { HOUR, NOW, byId, clock, components, ids, texts, ticket } from './factories';

const UTC = { zone: 'UTC', source: 'utc' } as const;
const field = (res: CanvasResponse, id: string) => byId(res, id) as Component & Record<string, unknown>;
const lastLink = (res: CanvasResponse) => components(res).at(-1);

describe('ticket details', () => {
  const clocks = [clock(), clock({ kind: 'response', status: 'met' })];

  it('shows the full card, the SLA lines and every action for that ticket', () => {
    const res = ticketDetailsCanvas({ now: NOW, tz: UTC, ticket: ticket({ clocks, tightenedReason: 'renewal in 30 days' }) });
    assertValidCanvasResponse(res, 'submit');
    const table = components(res).find((c) => c.type === 'data-table');
    expect(table).toEqual({
      type: 'data-table',
      items: [
        { type: 'field-value', field: 'Ticket', value: '#1042' },
        { type: 'field-value', field: 'State', value: 'In progress' },
        { type: 'field-value', field: 'Priority', value: 'P2' },
        { type: 'field-value', field: 'Queue', value: 'Billing / Legal' },
        { type: 'field-value', field: 'Team', value: 'Billing' },
        { type: 'field-value', field: 'Owner', value: 'Dana Ops' },
        { type: 'field-value', field: 'SLA tightened', value: 'renewal in 30 days' },
      ],
    });
    expect(texts(res)).toEqual([
      'Refund for duplicate charge',
      'Response: met',
      'Resolution: 2h 14m left · due Nov 21, 2026, 6:19 PM UTC',
      'As of 4:05 PM UTC (UTC)',
    ]);
    expect(ids(res)).toEqual(['ticket_note_open:215', 'ticket_priority_open:215', 'ticket_refresh:215', 'open_ticket_215', 'back']);
    expect(field(res, 'open_ticket_215').action).toEqual({ type: 'url', url: ticket().url });
    expect(lastLink(res)).toMatchObject({ label: 'Back', style: 'link' });
    expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'ticket', ticketId: '215' });
  });

  it('marks a pending update and an unassigned ticket', () => {
    const res = ticketDetailsCanvas({ now: NOW, tz: UTC, ticket: ticket({ pending: true, ownerName: null, teamName: null, clocks: [] }) });
    assertValidCanvasResponse(res, 'submit');
    const rows = components(res).flatMap((c) => (c.type === 'data-table' ? c.items : []));
    expect(Object.fromEntries(rows.map((r) => [r.field, r.value]))).toMatchObject({
      State: 'In progress (update pending)',
      Team: '—',
      Owner: 'Unassigned',
    });
  });
});

describe('note form', () => {
  const vm = {
    nonce: 'note-nonce-1',
    ticketId: '215',
    ticketNumber: '1042',
    title: 'Refund for duplicate charge',
    body: '',
    crossPost: false,
  };

  it('asks for the note and whether to cross-post it', () => {
    const res = noteFormCanvas(vm);
    assertValidCanvasResponse(res, 'submit');
    expect(field(res, 'note_body')).toMatchObject({ type: 'textarea', label: 'Note' });
    expect(field(res, 'note_body').value).toBeUndefined();
    expect(field(res, 'cross_post')).toMatchObject({
      type: 'checkbox',
      value: [],
      option: [{ type: 'option', id: 'cross_post', text: 'Cross-post to this conversation' }],
    });
    expect(field(res, 'ticket_note_submit:215')).toMatchObject({ label: 'Add note', style: 'primary' });
    expect(lastLink(res)).toMatchObject({ id: 'ticket_details:215', label: 'Cancel', style: 'link' });
    expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'note', nonce: 'note-nonce-1', ticketId: '215' });
  });

  it('keeps the text and the choice after an error and says what is wrong', () => {
    const res = noteFormCanvas({ ...vm, body: 'half a note', crossPost: true, error: 'The note is empty.' });
    assertValidCanvasResponse(res, 'submit');
    expect(field(res, 'note_body')).toMatchObject({ value: 'half a note', error: true });
    expect(field(res, 'cross_post').value).toEqual(['cross_post']);
    expect(texts(res)).toContain('The note is empty.');
  });
});

describe('priority form', () => {
  const vm = { nonce: 'prio-nonce-1', ticketId: '215', ticketNumber: '1042', title: 'Refund for duplicate charge', current: 'P3' as const };

  it('preselects the current priority', () => {
    const res = priorityFormCanvas(vm);
    assertValidCanvasResponse(res, 'submit');
    expect(field(res, 'new_priority')).toMatchObject({ type: 'single-select', value: 'P3' });
    expect(field(res, 'new_priority').save_state).toBeUndefined();
    expect(field(res, 'ticket_priority_submit:215')).toMatchObject({ style: 'primary' });
    expect(lastLink(res)).toMatchObject({ id: 'ticket_details:215', style: 'link' });
    expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'priority', nonce: 'prio-nonce-1', ticketId: '215' });
  });

  it('keeps the teammate’s choice and marks it after an error', () => {
    const res = priorityFormCanvas({ ...vm, selected: 'P3', error: 'P3 is already the priority.' });
    assertValidCanvasResponse(res, 'submit');
    expect(field(res, 'new_priority')).toMatchObject({ value: 'P3', save_state: 'failed' });
    expect(texts(res)).toContain('P3 is already the priority.');
  });
});

describe('ticket list', () => {
  it('lists every ticket with its most urgent clock; a row opens its details', () => {
    const urgent = clock({ kind: 'response', status: 'breached', remainingMs: 0, breachedForMs: HOUR });
    const tickets = [ticket(), ticket({ ticketId: '216', ticketNumber: '1043', title: 'API 500 on export', clocks: [clock(), urgent] })];
    const res = ticketListCanvas({ now: NOW, tz: UTC, tickets });
    assertValidCanvasResponse(res, 'submit');
    const list = components(res).find((c) => c.type === 'list');
    expect(list).toEqual({
      type: 'list',
      items: [
        {
          type: 'item',
          id: 'ticket_details:215',
          title: 'Refund for duplicate charge',
          subtitle: '#1042 · P2 · In progress',
          tertiary_text: 'Resolution: 2h 14m left · due Nov 21, 2026, 6:19 PM UTC',
          action: { type: 'submit' },
        },
        {
          type: 'item',
          id: 'ticket_details:216',
          title: 'API 500 on export',
          subtitle: '#1043 · P2 · In progress',
          tertiary_text: 'Response: breached 1h ago',
          action: { type: 'submit' },
        },
      ],
    });
    expect(lastLink(res)).toMatchObject({ id: 'back', style: 'link' });
  });

  it('says so when there is nothing to list', () => {
    const res = ticketListCanvas({ now: NOW, tz: UTC, tickets: [] });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)).toContain('No back-office ticket linked to this conversation.');
  });
});
