/**
 * Read-only views of the fake Intercom for the simulator page: the inbox list, a transcript, and the tickets the
 * back-office panel acts on. Message bodies are reduced to plain text here, so the browser only ever shows text
 * (it never parses customer HTML).
 */
import { htmlToText } from '../../domain/text';
import type { FakeAuthor, FakePart, FakeTicket, FakeWorkspace } from '../fake-intercom/state';
import { stateCategory, ticketTypeOf } from '../fake-intercom/ticket-ops';

export interface PartView {
  id: string;
  kind: 'message' | 'reply' | 'note' | 'event';
  author: string;
  text: string;
  /** Epoch ms. */
  at: number;
}

export interface TicketView {
  id: string;
  number: number;
  title: string;
  type: string;
  stateCategory: string;
  stateLabel: string;
  admin: string | null;
  team: string | null;
  attributes: Record<string, string>;
  parts: PartView[];
}

const text = (html: string | null) => (html ? htmlToText(html).trim() : '');

export function authorName(workspace: FakeWorkspace, author: FakeAuthor): string {
  if (author.type === 'admin') return workspace.admins.get(author.id)?.name ?? 'Teammate';
  if (author.type === 'team') return workspace.teams.get(author.id)?.name ?? 'Team';
  if (author.type === 'bot') return 'Operator';
  return workspace.contacts.get(author.id)?.name ?? 'Customer';
}

function partView(workspace: FakeWorkspace, part: FakePart): PartView {
  const base = { id: part.id, author: authorName(workspace, part.author), at: part.createdAt * 1000 };
  if (part.partType === 'comment') return { ...base, kind: part.author.type === 'user' ? 'message' : 'reply', text: text(part.body) };
  if (part.partType === 'note') return { ...base, kind: 'note', text: text(part.body) };
  return { ...base, kind: 'event', text: describeEvent(workspace, part) };
}

function describeEvent(workspace: FakeWorkspace, part: FakePart): string {
  if (part.ticketState) return `changed the state to ${part.ticketState.replace(/_/g, ' ')}`;
  if (part.assignedTo) {
    const to = part.assignedTo;
    const name = to.type === 'team' ? workspace.teams.get(to.id ?? '')?.name : to.id ? workspace.admins.get(to.id)?.name : null;
    return `assigned to ${name ?? 'nobody'}`;
  }
  if (part.updatedAttributeData) return `set ${part.updatedAttributeData.attribute.name} to ${String(part.updatedAttributeData.value)}`;
  return part.partType.replace(/_/g, ' ');
}

export function inboxList(workspace: FakeWorkspace) {
  return [...workspace.conversations.values()].map((conversation) => {
    const contact = workspace.contacts.get(conversation.contactIds[0] ?? '');
    const company = conversation.companyId ? workspace.companies.get(conversation.companyId) : undefined;
    const customerParts = conversation.parts.filter((part) => part.author.type === 'user' && part.partType === 'comment');
    const last = customerParts.at(-1)?.body ?? conversation.source.body;
    return {
      id: conversation.id,
      title: conversation.title ?? '(no title)',
      contact: contact?.name ?? 'Unknown customer',
      company: company?.name ?? null,
      tier: typeof contact?.customAttributes.tier === 'string' ? contact.customAttributes.tier : null,
      preview: text(last).slice(0, 120),
      updatedAt: conversation.updatedAt * 1000,
      state: conversation.state,
      ticketCount: conversation.links.filter((link) => link.type === 'ticket').length,
    };
  });
}

export function transcript(workspace: FakeWorkspace, conversationId: string) {
  const conversation = workspace.conversations.get(conversationId);
  if (!conversation) return null;
  const contact = workspace.contacts.get(conversation.contactIds[0] ?? '');
  const company = conversation.companyId ? workspace.companies.get(conversation.companyId) : undefined;
  const source: PartView = {
    id: conversation.source.id,
    kind: 'message',
    author: authorName(workspace, conversation.source.author),
    text: text(conversation.source.body),
    at: conversation.source.createdAt * 1000,
  };
  const tickets = conversation.links
    .filter((link) => link.type === 'ticket')
    .map((link) => workspace.tickets.get(link.id))
    .filter((ticket): ticket is FakeTicket => ticket !== undefined)
    .map((ticket) => ticketView(workspace, ticket));
  return {
    id: conversation.id,
    title: conversation.title ?? '(no title)',
    state: conversation.state,
    contact: contact ? { name: contact.name ?? 'Customer', attributes: stringAttributes(contact.customAttributes) } : null,
    company: company ? { name: company.name, plan: company.plan, attributes: stringAttributes(company.customAttributes) } : null,
    parts: [source, ...conversation.parts.map((part) => partView(workspace, part))],
    tickets,
  };
}

export function ticketView(workspace: FakeWorkspace, ticket: FakeTicket): TicketView {
  const type = ticketTypeOf(workspace, ticket);
  const state = type.states.find((candidate) => candidate.id === ticket.stateId);
  // List attributes hold option ids; the back office reads their labels.
  const labels = new Map(type.attributes.flatMap((attribute) => (attribute.listOptions ?? []).map((o) => [o.id, o.label] as const)));
  const attributes = Object.fromEntries(Object.entries(stringAttributes(ticket.attributes)).map(([k, v]) => [k, labels.get(v) ?? v]));
  return {
    id: ticket.id,
    number: ticket.ticketNumber,
    title: attributes._default_title_ ?? type.name,
    type: type.name,
    stateCategory: stateCategory(workspace, ticket),
    stateLabel: state?.internalLabel ?? 'Unknown',
    admin: ticket.adminAssigneeId ? (workspace.admins.get(ticket.adminAssigneeId)?.name ?? null) : null,
    team: ticket.teamAssigneeId ? (workspace.teams.get(ticket.teamAssigneeId)?.name ?? null) : null,
    attributes: Object.fromEntries(Object.entries(attributes).filter(([name]) => !name.startsWith('_default_'))),
    parts: ticket.parts.map((part) => partView(workspace, part)),
  };
}

function stringAttributes(attributes: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    out[name] = String(value);
  }
  return out;
}
