/**
 * The response schemas accept what Intercom actually sends across versions and in webhooks, not only the 2.16
 * schema: these payloads are the variants intercom-rest.md lists (§1, §3.7, §7.3, §11).
 */
import { ConversationSchema } from '../../src/intercom/conversations';
import { ContactSchema } from '../../src/intercom/contacts';
import { TicketSchema } from '../../src/intercom/ticket-schemas';
import { TicketTypeSchema } from '../../src/intercom/ticket-types';

const attribute = {
  type: 'ticket_type_attribute',
  id: 165,
  name: '_default_title_',
  data_type: 'string',
  input_options: { multiline: false },
};

describe('response schemas tolerate the 2.16 type changes', () => {
  it('reads a 2.16 ticket: integer assignees, 0 meaning nobody, ticket_state object', () => {
    const ticket = TicketSchema.parse({
      type: 'ticket',
      id: '494',
      ticket_id: '33',
      category: 'Back-office',
      ticket_state: {
        type: 'ticket_state',
        id: '8498',
        category: 'in_progress',
        internal_label: 'In progress',
        external_label: 'In progress',
      },
      admin_assignee_id: 991268013,
      team_assignee_id: 0,
      open: true,
      created_at: 1734537866,
      updated_at: 1734537900,
    });
    expect(ticket).toMatchObject({ id: '494', ticket_id: '33', admin_assignee_id: '991268013', team_assignee_id: null });
    expect(ticket.ticket_state).toEqual({
      type: 'ticket_state',
      id: '8498',
      category: 'in_progress',
      internal_label: 'In progress',
      external_label: 'In progress',
    });
    expect(ticket.linked_objects.data).toEqual([]);
    expect(ticket.ticket_parts).toEqual({ ticket_parts: [], total_count: 0 });
  });

  it('reads a pre-2.16 / webhook ticket: string assignees ("0" = nobody), numeric id, legacy string state', () => {
    const ticket = TicketSchema.parse({
      id: 494,
      ticket_id: 33,
      ticket_state: 'submitted',
      admin_assignee_id: '0',
      team_assignee_id: '8',
      channel: 'api',
    });
    expect(ticket).toMatchObject({ id: '494', ticket_id: '33', admin_assignee_id: null, team_assignee_id: '8', channel: 'api' });
    expect(ticket.ticket_state).toEqual({ id: null, category: 'submitted', internal_label: null, external_label: null });
  });

  it('keeps unknown fields (passthrough) so nothing Intercom adds is lost', () => {
    const ticket = TicketSchema.parse({ id: '1', brand_new_field: { nested: true } });
    expect((ticket as Record<string, unknown>)['brand_new_field']).toEqual({ nested: true });
  });

  it('reads ticket_type_attributes both as {type:"list", data} and as the documented {ticket_type_attributes}', () => {
    const real = TicketTypeSchema.parse({ id: 67, name: 'Bug', ticket_type_attributes: { type: 'list', data: [attribute] } });
    const documented = TicketTypeSchema.parse({
      id: '67',
      name: 'Bug',
      ticket_type_attributes: { type: 'ticket_type_attributes.list', ticket_type_attributes: [attribute] },
      ticket_states: {
        type: 'list',
        data: [{ type: 'ticket_state', id: 8321, category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' }],
      },
    });
    expect(real.id).toBe('67');
    expect(real.ticket_type_attributes.map((a) => a.id)).toEqual(['165']);
    expect(documented.ticket_type_attributes.map((a) => a.name)).toEqual(['_default_title_']);
    expect(documented.ticket_states[0]!.id).toBe('8321');
    expect(real.ticket_states).toEqual([]);
  });

  it('reads conversations before and after 2.16: null vs 0 assignee, old and new priority values', () => {
    const old = ConversationSchema.parse({ id: 1295, admin_assignee_id: null, team_assignee_id: null, priority: 'not_priority' });
    const current = ConversationSchema.parse({ id: '1295', admin_assignee_id: 0, team_assignee_id: 5, priority: 'urgent' });
    expect(old).toMatchObject({ id: '1295', admin_assignee_id: null, team_assignee_id: null, priority: 'not_priority' });
    expect(current).toMatchObject({ admin_assignee_id: null, team_assignee_id: '5', priority: 'urgent' });
    expect(current.conversation_parts).toEqual({ conversation_parts: [], total_count: 0 });
  });

  it('reads contact owner_id as integer (before 2.16) or string (2.16)', () => {
    expect(ContactSchema.parse({ id: 'c1', owner_id: 42 }).owner_id).toBe('42');
    expect(ContactSchema.parse({ id: 'c1', owner_id: '42' }).owner_id).toBe('42');
    expect(ContactSchema.parse({ id: 'c1', owner_id: null }).owner_id).toBeNull();
  });
});
