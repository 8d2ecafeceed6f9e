/**
 * Counting side effects where they land: in the fake Intercom's state (tickets, notes, assignments), which
 * the app cannot fake. "Exactly once" in this suite always means these counts, never the app's own records.
 */
import type { FakeIntercom } from '../../../src/sandbox/fake-intercom';
import type { FakePart, FakeTicket } from '../../../src/sandbox/fake-intercom/state';

const NOTE_REF = 'Handoff note ref:';
const TICKET_REF = 'Handoff escalation ref:';

function workspaceOf(fake: FakeIntercom, workspaceId: string) {
  const workspace = fake.state.workspaces.get(workspaceId);
  if (!workspace) throw new Error(`no fake workspace ${workspaceId}`);
  return workspace;
}

/** Back-office tickets created by an escalation of this conversation (their description carries our reference). */
export function escalationTickets(fake: FakeIntercom, workspaceId: string, conversationId: string): FakeTicket[] {
  return [...workspaceOf(fake, workspaceId).tickets.values()].filter(
    (ticket) =>
      ticket.links.some((link) => link.type === 'conversation' && link.id === conversationId) &&
      String(ticket.attributes['_default_description_'] ?? '').includes(TICKET_REF),
  );
}

/** Escalation summary notes posted into the conversation (each carries its escalation's note reference). */
export function summaryNotes(fake: FakeIntercom, workspaceId: string, conversationId: string): FakePart[] {
  const conversation = workspaceOf(fake, workspaceId).conversations.get(conversationId);
  if (!conversation) throw new Error(`no fake conversation ${conversationId}`);
  return conversation.parts.filter((part) => part.partType === 'note' && (part.body ?? '').includes(NOTE_REF));
}

/** Notes on a ticket whose body contains `marker` (ladder steps and sidebar notes carry one). */
export function ticketNotes(fake: FakeIntercom, workspaceId: string, ticketId: string, marker?: string): FakePart[] {
  const ticket = workspaceOf(fake, workspaceId).tickets.get(ticketId);
  if (!ticket) throw new Error(`no fake ticket ${ticketId}`);
  return ticket.parts.filter((part) => part.partType === 'note' && (marker === undefined || (part.body ?? '').includes(marker)));
}

/** Every conversation part in the workspace whose body contains `text` (cross-posted notes land there). */
export function conversationPartsContaining(fake: FakeIntercom, workspaceId: string, conversationId: string, text: string): FakePart[] {
  const conversation = workspaceOf(fake, workspaceId).conversations.get(conversationId);
  return (conversation?.parts ?? []).filter((part) => (part.body ?? '').includes(text));
}

/** Requests the fake received for `method path` (path with `{id}` or `*` segments). */
export function requestsTo(fake: FakeIntercom, method: string, pattern: string): number {
  const want = pattern.split('/');
  return fake.requests.filter((request) => {
    if (request.method !== method) return false;
    const got = request.path.split('/');
    return got.length === want.length && want.every((segment, i) => segment === '*' || /^\{.+\}$/.test(segment) || segment === got[i]);
  }).length;
}
