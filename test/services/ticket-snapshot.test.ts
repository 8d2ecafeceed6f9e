import { createTicketSnapshotter, linkedConversationId, toTicketSnapshot } from '../../src/services/ticket-snapshot';
import type { DirectoryCache } from '../../src/services/directory-cache';
import type { TicketTypeCache } from '../../src/services/ticket-types';
import { rawType, SETTINGS, ticket, ticketType } from './escalation/ticket-fixtures';

const names = {
  adminName: (id: string | null) => (id === '991' ? 'Lee Lead' : null),
  teamName: (id: string | null) => (id === '7' ? 'Billing' : null),
};

describe('toTicketSnapshot', () => {
  it('reads state, list attributes by item id, assignees, names and times', () => {
    expect(toTicketSnapshot(ticket(), { settings: SETTINGS, names, escalationId: 'esc-1' })).toEqual({
      ticketId: '400123',
      ticketNumber: '57',
      conversationId: '1295',
      contactId: 'c-1',
      title: 'Refund for double charge',
      ticketTypeId: '88',
      stateCategory: 'in_progress',
      stateLabel: 'Investigating',
      priority: 'P2',
      queue: 'billing_legal',
      teamId: null,
      adminAssigneeId: '991',
      ownerName: 'Lee Lead',
      teamName: null,
      isOpen: true,
      intercomUpdatedAt: 1_795_000_060_000,
      escalationId: 'esc-1',
    });
  });

  it('reads list values given as labels, and a team assignee as a string (pre-2.16 webhooks)', () => {
    const snap = toTicketSnapshot(ticket({ ticket_attributes: { Priority: 'P4 (low)', Queue: 'General' }, team_assignee_id: '7' }), {
      settings: SETTINGS,
      names,
    });
    expect(snap).toMatchObject({ priority: 'P4', queue: 'default', teamId: '7', teamName: 'Billing', title: 'Ticket #57' });
    expect(snap).not.toHaveProperty('escalationId');
  });

  it('uses the type from the cache when the ticket does not embed its attributes', () => {
    const bare = ticket({ ticket_type: { type: 'ticket_type', id: 88, name: 'Back-office escalation' } });
    expect(toTicketSnapshot(bare, { settings: SETTINGS })).toMatchObject({ priority: null, queue: null });
    expect(toTicketSnapshot(bare, { settings: SETTINGS, ticketType: ticketType() })).toMatchObject({
      priority: 'P2',
      queue: 'billing_legal',
    });
  });

  it('treats resolved (or closed) tickets as not open, and an unknown category as running', () => {
    const resolved = { type: 'ticket_state', id: 's4', category: 'resolved', internal_label: 'Resolved', external_label: 'Resolved' };
    expect(toTicketSnapshot(ticket({ ticket_state: resolved, open: true }), { settings: SETTINGS })).toMatchObject({
      isOpen: false,
      stateCategory: 'resolved',
    });
    expect(toTicketSnapshot(ticket({ open: false }), { settings: SETTINGS })!.isOpen).toBe(false);
    expect(toTicketSnapshot(ticket({ ticket_state: 'escalated_somewhere' }), { settings: SETTINGS })).toMatchObject({
      stateCategory: 'in_progress',
      stateLabel: null,
    });
  });

  it('finds the conversation from linked objects, else the given one, else gives up', () => {
    const unlinked = ticket({ linked_objects: { type: 'list', data: [] } });
    expect(linkedConversationId(ticket())).toBe('1295');
    expect(toTicketSnapshot(unlinked, { settings: SETTINGS, conversationId: '77' })!.conversationId).toBe('77');
    expect(toTicketSnapshot(unlinked, { settings: SETTINGS })).toBeNull();
    expect(toTicketSnapshot(ticket(), { settings: SETTINGS, conversationId: '77' })!.conversationId).toBe('1295');
  });

  it('ignores a priority or queue attribute the settings do not name', () => {
    const snap = toTicketSnapshot(ticket(), { settings: { ...SETTINGS, priorityAttribute: null, queueAttribute: 'Team queue' } });
    expect(snap).toMatchObject({ priority: null, queue: null });
  });
});

describe('createTicketSnapshotter', () => {
  it('looks up names, and the type only when the ticket lacks its attributes', async () => {
    const asked: string[] = [];
    const directory: DirectoryCache = { names: async () => names, invalidate: () => {} };
    const ticketTypes: TicketTypeCache = {
      backOffice: async () => [],
      find: async (_ws, id) => {
        asked.push(id);
        return ticketType();
      },
      invalidate: () => {},
    };
    const snapshotter = createTicketSnapshotter({ directory, ticketTypes });
    expect(await snapshotter.snapshot('ws', ticket(), { settings: SETTINGS })).toMatchObject({ ownerName: 'Lee Lead', priority: 'P2' });
    expect(asked).toEqual([]);
    const bare = ticket({ ticket_type: { ...rawType(), ticket_type_attributes: { type: 'list', data: [] } } });
    expect(await snapshotter.snapshot('ws', bare, { settings: SETTINGS })).toMatchObject({ priority: 'P2', queue: 'billing_legal' });
    expect(asked).toEqual(['88']);
  });
});
