/**
 * The report history's open tickets, made real in the fake Intercom: each gets a conversation (the customer's
 * message, the agent's handoff and Handoff's summary note) and a Back-office ticket linked to it, seeded as the
 * demo's trackers are (`seed.ticket`), in the history's state, with its priority and queue as list option ids
 * (what an escalation sends), its title, its description ending in the escalation's reference line, and the team
 * and teammate it is assigned to. The history's rows are then renamed to the fake's ids, so a reconciliation,
 * a webhook or a sidebar view of one of these tickets reads what the store already holds and changes nothing.
 */
import type { Priority, QueueKey, StateCategory } from '../domain/model';
import { noteReference, ticketDescription } from '../services/escalation/markers';
import type { SandboxDemo } from './demo-data';
import type { FakeIntercom } from './fake-intercom';
import type { HistoryRows } from './report-history';

/** Customers whose cases the backlog is about: the contacts of the demo's own conversations, in order. */
function demoCustomers(fake: FakeIntercom, demo: SandboxDemo): { contactId: string; companyId: string | null }[] {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const seen = new Set<string>();
  const customers: { contactId: string; companyId: string | null }[] = [];
  for (const id of Object.values(demo.conversations)) {
    const conversation = workspace.conversations.get(id)!;
    const contactId = conversation.contactIds[0]!;
    if (seen.has(contactId)) continue;
    seen.add(contactId);
    customers.push({ contactId, companyId: conversation.companyId });
  }
  return customers;
}

/** Seeds the open tickets of `rows` into the fake and rewrites `rows` in place to the fake's ids; returns how many. */
export function seedBacklogInFake(fake: FakeIntercom, demo: SandboxDemo, rows: HistoryRows, now: number): number {
  const { seed } = fake;
  const ws = demo.workspaceId;
  const customers = demoCustomers(fake, demo);
  const ticketIds = new Map<string, string>();
  const conversationIds = new Map<string, string>();
  const escalations = new Map(rows.escalations.map((e) => [e.id, e]));
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const open = rows.ticket_links.filter((link) => link.is_open === 1);
  for (const [index, link] of open.entries()) {
    const customer = customers[index % customers.length]!;
    const escalation = escalations.get(link.escalation_id!)!;
    const { summary } = JSON.parse(escalation.request_json) as { summary: string };
    // Intercom shows the ticket's own number beside its title; the history's made-up one goes.
    link.title = link.title.replace(/ \(#\d+\)$/, '');
    const conversation = seed.conversation(ws, {
      contactId: customer.contactId,
      companyId: customer.companyId,
      title: link.title,
      state: 'open',
      adminAssigneeId: demo.admins.agent,
      createdAt: seconds(link.created_at) - 20 * 60,
      messages: [
        { from: 'contact', body: `<p>${link.title}. Can you look into it?</p>`, createdAt: seconds(link.created_at) - 20 * 60 },
        { from: { adminId: demo.admins.agent }, body: '<p>I have passed this to our specialists; they will follow up.</p>' },
        { from: { adminId: demo.admins.agent }, partType: 'note', body: `<p>${noteReference(escalation.id)}</p>` },
      ],
    });
    const ticket = seed.ticket(ws, {
      ticketTypeId: demo.backOffice.ticketTypeId,
      contactId: customer.contactId,
      conversationId: conversation.id,
      attributes: {
        _default_title_: link.title,
        _default_description_: ticketDescription(summary, escalation.id),
        [demo.backOffice.priorityAttribute.name]: demo.backOffice.priorityAttribute.options[link.priority as Priority],
        [demo.backOffice.queueAttribute.name]: demo.backOffice.queueAttribute.options[link.queue as QueueKey],
      },
      state: link.state_category as StateCategory,
      adminAssigneeId: link.admin_assignee_id ?? undefined,
      teamAssigneeId: link.team_id ?? undefined,
      createdAt: seconds(link.created_at),
    });
    ticket.updatedAt = seconds(now);
    ticketIds.set(link.ticket_id, ticket.id);
    conversationIds.set(link.conversation_id, conversation.id);
    const type = fake.state.workspaces.get(ws)!.ticketTypes.get(ticket.ticketTypeId)!;
    link.ticket_number = String(ticket.ticketNumber);
    link.ticket_type_id = type.id;
    link.state_label = type.states.find((s) => s.id === ticket.stateId)!.internalLabel;
    link.contact_id = customer.contactId;
    escalation.contact_id = customer.contactId;
    link.intercom_updated_at = ticket.updatedAt * 1000;
  }
  renameIds(rows, ticketIds, conversationIds);
  return open.length;
}

/** Every row naming a renamed ticket or conversation, pointed at its new id. */
function renameIds(rows: HistoryRows, tickets: ReadonlyMap<string, string>, conversations: ReadonlyMap<string, string>): void {
  for (const list of Object.values(rows) as { ticket_id?: string | null; conversation_id?: string }[][]) {
    for (const row of list) {
      if (row.ticket_id != null && tickets.has(row.ticket_id)) row.ticket_id = tickets.get(row.ticket_id)!;
      if (row.conversation_id !== undefined && conversations.has(row.conversation_id))
        row.conversation_id = conversations.get(row.conversation_id)!;
    }
  }
}
