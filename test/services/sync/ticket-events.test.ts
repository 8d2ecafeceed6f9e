/** What a new view of a ticket means: state changes, resolution, priority, and the team's first response. */
import { type Ticket, TicketSchema } from '../../../src/intercom/ticket-schemas';
import type { TicketPart } from '../../../src/intercom';
import { HANDOFF_NOTE_MARK, isTeamAction, stateChangedAt, ticketEvents } from '../../../src/services/sync/ticket-events';
import type { TicketLink } from '../../../src/store';

const T = 1_794_990_000;
const NOW = (T + 10_000) * 1000;

function link(overrides: Partial<TicketLink> = {}): TicketLink {
  return {
    workspaceId: 'w1',
    ticketId: '400123',
    ticketNumber: '57',
    conversationId: '1016',
    contactId: null,
    title: 'Refund',
    ticketTypeId: '77',
    stateCategory: 'in_progress',
    stateLabel: null,
    priority: 'P2',
    queue: 'billing_legal',
    teamId: '5',
    adminAssigneeId: null,
    ownerName: null,
    teamName: null,
    isOpen: true,
    intercomUpdatedAt: T * 1000,
    escalationId: null,
    syncedAt: T * 1000,
    createdAt: T * 1000,
    ...overrides,
  };
}

const part = (fields: Record<string, unknown>) =>
  TicketSchema.shape.ticket_parts.parse({ ticket_parts: [fields] }).ticket_parts[0] as TicketPart;
const note = (at: number, body: string, authorType = 'admin') =>
  part({ id: `p${at}`, part_type: 'note', body, created_at: at, author: { type: authorType, id: '9' } });
/** A note posted through the REST API, as all of Handoff's notes are (Intercom stamps `app_package_code`). */
const apiNote = (at: number, body: string) =>
  part({ id: `a${at}`, part_type: 'note', body, created_at: at, author: { type: 'admin', id: '1' }, app_package_code: 'handoff' });

function ticket(updatedAt: number, parts: Record<string, unknown>[] = []): Ticket {
  return TicketSchema.parse({ id: '400123', updated_at: updatedAt, ticket_parts: { ticket_parts: parts } });
}

const input = (before: TicketLink, after: TicketLink | null, t: Ticket, p: TicketPart | null = null, source = 'webhook' as const) => ({
  before,
  after,
  ticket: t,
  part: p,
  source,
  now: NOW,
});

describe('ticketEvents', () => {
  it('reports a state change at the time of its state part, and resolution when it resolves', () => {
    const t = ticket(T + 900, [{ id: 's', part_type: 'ticket_state_updated_by_admin', ticket_state: 'resolved', created_at: T + 600 }]);
    const events = ticketEvents(input(link(), link({ stateCategory: 'resolved' }), t));
    expect(events.stateChange).toEqual({ category: 'resolved', at: (T + 600) * 1000 });
    expect(events.resolvedAt).toBe((T + 600) * 1000);
  });

  it('falls back to updated_at when no part names the state', () => {
    expect(stateChangedAt(ticket(T + 5), 'waiting_on_customer', NOW)).toBe((T + 5) * 1000);
    expect(stateChangedAt(TicketSchema.parse({ id: '1' }), 'waiting_on_customer', NOW)).toBe(NOW);
  });

  it('reports nothing for an older view (not applied), except a first response it carries', () => {
    const events = ticketEvents(input(link(), null, ticket(T - 100), note(T - 200, '<p>On it</p>')));
    expect(events).toEqual({ stateChange: null, resolvedAt: null, priorityChange: null, firstResponseAt: (T - 200) * 1000 });
  });

  it('reports a priority change at updated_at', () => {
    const events = ticketEvents(input(link({ priority: 'P2' }), link({ priority: 'P1' }), ticket(T + 50)));
    expect(events.priorityChange).toEqual({ priority: 'P1', at: (T + 50) * 1000 });
    expect(ticketEvents(input(link(), link({ priority: null }), ticket(T + 50))).priorityChange).toBeNull();
  });

  it("counts a teammate's note and an assignment to a person, not Handoff's own notes, users or teams", () => {
    expect(isTeamAction(note(T, '<p>Looking</p>'))).toBe(true);
    expect(isTeamAction(apiNote(T, `<p>From chat</p><p><em>${HANDOFF_NOTE_MARK}</em></p>`))).toBe(false);
    expect(isTeamAction(apiNote(T, '<p><b>SLA warning</b></p><p>ref: handoff-sla:response:0:warn</p>'))).toBe(false);
    // Another integration's API note without our marker is the team acting through a tool.
    expect(isTeamAction(apiNote(T, '<p>Status synced from Jira</p>'))).toBe(true);
    expect(isTeamAction(note(T, '<p>Hi</p>', 'user'))).toBe(false);
    expect(isTeamAction(part({ id: 'a', part_type: 'assignment', created_at: T, assigned_to: { type: 'admin', id: '9' } }))).toBe(true);
    expect(isTeamAction(part({ id: 'b', part_type: 'assignment', created_at: T, assigned_to: { type: 'team', id: '5' } }))).toBe(false);
  });

  it('counts a note typed by a person as the team acting even when it carries one of our markers', () => {
    // Markers are plain text: copying one into a note made in the Inbox must not hide the response from the clock.
    for (const body of [`<p>Done ${HANDOFF_NOTE_MARK}</p>`, '<p>ref: handoff-sla:response:0:breach</p>', '<p>Handoff note ref: 12</p>']) {
      expect({ body, team: isTeamAction(note(T, body)) }).toEqual({ body, team: true });
    }
    const forged = note(T + 5, `<p>Looking into it</p><p><em>${HANDOFF_NOTE_MARK}</em></p>`);
    expect(ticketEvents(input(link(), link(), ticket(T + 5, [forged]), forged)).firstResponseAt).toBe((T + 5) * 1000);
  });

  it('finds the earliest team action among all parts on a full read, only the given part on a webhook', () => {
    const parts = [
      { id: 'x', part_type: 'note', body: 'early', created_at: T + 10, author: { type: 'admin', id: '9' } },
      { id: 'y', part_type: 'note', body: 'late', created_at: T + 90, author: { type: 'admin', id: '9' } },
    ];
    const full = ticketEvents({ ...input(link(), link(), ticket(T + 90, parts)), source: 'reconcile' });
    expect(full.firstResponseAt).toBe((T + 10) * 1000);
    expect(ticketEvents(input(link(), link(), ticket(T + 90, parts))).firstResponseAt).toBeNull();
  });

  it('takes a new person assignee as a first response when no part says when', () => {
    const events = ticketEvents(input(link(), link({ adminAssigneeId: '9' }), ticket(T + 30)));
    expect(events.firstResponseAt).toBe((T + 30) * 1000);
  });

  it("does not take Handoff's own ladder assignment (made through the API) as the team's first response", () => {
    const apiAssignment = {
      id: 'l',
      part_type: 'assignment',
      created_at: T + 40,
      author: { type: 'admin', id: '1' },
      assigned_to: { type: 'admin', id: '9' },
      app_package_code: 'handoff',
    };
    expect(isTeamAction(part(apiAssignment))).toBe(false);
    const lead = link({ adminAssigneeId: '9' });
    // The webhook reports the part; a full read finds it as the latest assignment.
    expect(ticketEvents(input(link(), lead, ticket(T + 40, [apiAssignment]), part(apiAssignment))).firstResponseAt).toBeNull();
    expect(ticketEvents({ ...input(link(), lead, ticket(T + 40, [apiAssignment])), source: 'reconcile' }).firstResponseAt).toBeNull();
    // A teammate assigning someone in the Inbox afterwards still counts.
    const human = { ...apiAssignment, id: 'h', created_at: T + 60, app_package_code: null };
    expect(ticketEvents({ ...input(link(), lead, ticket(T + 60, [apiAssignment, human])), source: 'reconcile' }).firstResponseAt).toBe(
      (T + 60) * 1000,
    );
  });
});
