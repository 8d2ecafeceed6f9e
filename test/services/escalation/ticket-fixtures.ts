/** Hand-written 2.16 ticket and ticket-type payloads, parsed with the client's own schemas. */
import { defaultSettings } from '../../../src/domain/settings';
import type { Ticket, TicketType } from '../../../src/intercom';
import { TicketSchema } from '../../../src/intercom/ticket-schemas';
import { TicketTypeSchema } from '../../../src/intercom/ticket-types';

export const SETTINGS = defaultSettings();

const list = (name: string, items: Array<[string, string]>, id: string) => ({
  type: 'ticket_type_attribute',
  id,
  name,
  data_type: 'list',
  input_options: { list_options: items.map(([itemId, label]) => ({ id: itemId, label, archived: false })) },
});

export function rawType(overrides: Record<string, unknown> = {}) {
  return {
    type: 'ticket_type',
    id: 88,
    name: 'Back-office escalation',
    category: 'Back-office',
    archived: false,
    is_internal: false,
    ticket_type_attributes: {
      type: 'list',
      data: [
        { type: 'ticket_type_attribute', id: '1', name: '_default_title_', data_type: 'string' },
        list(
          'Priority',
          [
            ['0a1b2c3d-0001', 'P1 – Critical'],
            ['0a1b2c3d-0002', 'P2 – High'],
            ['0a1b2c3d-0003', 'P3'],
            ['0a1b2c3d-0004', 'P4 (low)'],
          ],
          '2',
        ),
        list(
          'Queue',
          [
            ['q-vip', 'VIP / High-Tier'],
            ['q-tech', 'technical bugs'],
            ['q-risk', 'Account Risk'],
            ['q-bill', 'Billing / Legal'],
            ['q-gen', 'General'],
          ],
          '3',
        ),
      ],
    },
    ticket_states: {
      type: 'list',
      data: [
        { type: 'ticket_state', id: 's1', category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' },
        { type: 'ticket_state', id: 's2', category: 'in_progress', internal_label: 'Investigating', external_label: 'In progress' },
        { type: 'ticket_state', id: 's4', category: 'resolved', internal_label: 'Resolved', external_label: 'Resolved' },
      ],
    },
    ...overrides,
  };
}

export function ticketType(overrides: Record<string, unknown> = {}): TicketType {
  return TicketTypeSchema.parse(rawType(overrides));
}

export function ticket(overrides: Record<string, unknown> = {}): Ticket {
  return TicketSchema.parse({
    type: 'ticket',
    id: '400123',
    ticket_id: '57',
    category: 'Back-office',
    ticket_attributes: {
      _default_title_: 'Refund for double charge',
      _default_description_: 'summary',
      Priority: '0a1b2c3d-0002',
      Queue: 'q-bill',
    },
    ticket_state: {
      type: 'ticket_state',
      id: 's2',
      category: 'in_progress',
      internal_label: 'Investigating',
      external_label: 'In progress',
    },
    ticket_type: rawType(),
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c-1', external_id: null }] },
    admin_assignee_id: 991,
    team_assignee_id: 0,
    open: true,
    created_at: 1_795_000_000,
    updated_at: 1_795_000_060,
    is_shared: false,
    linked_objects: { type: 'list', data: [{ type: 'conversation', id: '1295', category: null }] },
    ...overrides,
  });
}
