/** Envelope and item parsing on realistic notifications, 2.16 and older shapes, and on broken ones. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConversationItem, parseEnvelope, parseTicketItem, type StoredPayload } from '../../../src/services/sync/webhook-payloads';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'webhooks', `${name}.json`), 'utf8'));

function payloadOf(name: string): StoredPayload {
  const envelope = parseEnvelope(fixture(name));
  if (envelope.kind !== 'notification') throw new Error(`${name} is not a notification`);
  return envelope.payload;
}

describe('parseEnvelope', () => {
  it('reads the workspace, notification id, topic and item of a notification', () => {
    expect(parseEnvelope(fixture('ticket-state-updated-2.16'))).toMatchObject({
      kind: 'notification',
      workspaceId: 'demo1abc',
      notificationId: 'notif_4f1c8a0e-2b7d-4e51-9a35-0d2f6b1e9c77',
      topic: 'ticket.state.updated',
      payload: { createdAt: 1794996600 },
    });
  });

  it('recognises the ping, whose id is null', () => {
    expect(parseEnvelope(fixture('ping'))).toEqual({ kind: 'ping' });
  });

  it.each([
    ['no topic', { id: 'n1', app_id: 'w1' }, 'topic'],
    ['no id', { topic: 'ticket.created', app_id: 'w1', data: { item: {} } }, 'id: missing'],
    ['no app_id', { topic: 'ticket.created', id: 'n1' }, 'app_id: missing'],
    ['an object id', { topic: 'ticket.created', id: { x: 1 }, app_id: 'w1' }, 'id'],
    ['a huge id', { topic: 'ticket.created', id: 'x'.repeat(500), app_id: 'w1' }, 'id'],
    ['an array', [], 'body'],
  ])('reports %s as malformed, naming the field', (_name, body, problem) => {
    const result = parseEnvelope(body);
    expect(result.kind).toBe('malformed');
    expect(result.kind === 'malformed' && result.problem).toContain(problem);
  });
});

describe('parseTicketItem', () => {
  it('reads a 2.16 ticket: string ids, integer assignees, state object, parts', () => {
    const item = parseTicketItem(payloadOf('ticket-state-updated-2.16'));
    expect(item.ok && item.value.part).toBeNull();
    expect(item.ok && item.value.ticket).toMatchObject({
      id: '400123',
      ticket_id: '57',
      admin_assignee_id: '991268011',
      team_assignee_id: '5017693',
      ticket_state: { category: 'waiting_on_customer', internal_label: 'Waiting on customer' },
      updated_at: 1794996600,
    });
  });

  it('unwraps ticket_ticket_part: the ticket and the note that changed it; assignee 0 is nobody', () => {
    const item = parseTicketItem(payloadOf('ticket-note-created'));
    expect(item.ok && item.value.ticket).toMatchObject({ id: '400123', admin_assignee_id: null });
    expect(item.ok && item.value.part).toMatchObject({ id: '70000040', part_type: 'note', author: { type: 'admin', id: '991268011' } });
  });

  it('reads the older shape: numeric ids, "0" assignee, state as a bare category', () => {
    const item = parseTicketItem(payloadOf('ticket-admin-assigned-legacy'));
    expect(item.ok && item.value.ticket).toMatchObject({
      id: '400123',
      ticket_id: '57',
      admin_assignee_id: '991268011',
      team_assignee_id: null,
      ticket_state: { id: null, category: 'submitted' },
    });
    expect(item.ok && item.value.part).toMatchObject({ part_type: 'assignment', assigned_to: { type: 'admin', id: '991268011' } });
  });

  it('reads ticket.closed as the resolved ticket', () => {
    const item = parseTicketItem(payloadOf('ticket-closed'));
    expect(item.ok && item.value.ticket).toMatchObject({ open: false, ticket_state: { category: 'resolved' } });
  });

  it.each([
    ['no ticket id', { item: { type: 'ticket', ticket_state: 'resolved' } }],
    ['a wrapper without a usable ticket', { item: { type: 'ticket_ticket_part', id: 'p1', ticket: { ticket_state: 'x' } } }],
    ['a string item', { item: 'ticket' }],
    ['nothing stored', null],
  ])('refuses %s', (_name, payload) => {
    expect(parseTicketItem(payload).ok).toBe(false);
  });
});

describe('parseConversationItem', () => {
  it('reads the conversation id (a number in this capture) as a string', () => {
    expect(parseConversationItem(payloadOf('conversation-user-replied'))).toEqual({ ok: true, value: { conversationId: '1016' } });
    expect(parseConversationItem({ item: { type: 'conversation' } }).ok).toBe(false);
  });
});
