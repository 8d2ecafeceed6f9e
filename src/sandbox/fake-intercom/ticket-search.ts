/**
 * `POST /tickets/search`, enough of it for reconciliation jobs: the documented fields, every operator, AND/OR
 * groups and cursor pagination. Category values are the search keywords `request`/`task`/`tracker`, and `state`
 * matches state categories (the accepted values are undocumented; categories are the likely reading).
 */
import { invalid } from './http-errors';
import { ticketJson } from './serialize-tickets';
import type { FakeTicket, FakeWorkspace } from './state';
import { stateCategory, ticketTypeOf } from './ticket-ops';

type Scalar = string | number | boolean | null;
interface Filter {
  field: string;
  operator: string;
  value: Scalar | Scalar[];
}
interface Group {
  operator: 'AND' | 'OR';
  value: Array<Filter | Group>;
}

const SEARCH_CATEGORY = { Customer: 'request', 'Back-office': 'task', Tracker: 'tracker' } as const;

const FIELDS: Record<string, (workspace: FakeWorkspace, ticket: FakeTicket) => Scalar | Scalar[]> = {
  id: (_, ticket) => ticket.id,
  ticket_type_id: (_, ticket) => ticket.ticketTypeId,
  category: (_, ticket) => SEARCH_CATEGORY[ticket.category],
  open: (_, ticket) => ticket.open,
  state: (workspace, ticket) => stateCategory(workspace, ticket),
  admin_assignee_id: (_, ticket) => ticket.adminAssigneeId ?? '0',
  team_assignee_id: (_, ticket) => ticket.teamAssigneeId ?? '0',
  contact_ids: (_, ticket) => ticket.contactIds,
  created_at: (_, ticket) => ticket.createdAt,
  updated_at: (_, ticket) => ticket.updatedAt,
  snoozed_until: (_, ticket) => ticket.snoozedUntil,
  title: (_, ticket) => (ticket.attributes['_default_title_'] as Scalar) ?? null,
  description: (_, ticket) => (ticket.attributes['_default_description_'] as Scalar) ?? null,
};

function read(workspace: FakeWorkspace, ticket: FakeTicket, field: string): Scalar | Scalar[] {
  const reader = FIELDS[field];
  if (reader) return reader(workspace, ticket);
  const attributeId = /^ticket_attribute\.(.+)$/.exec(field)?.[1];
  const attribute = attributeId ? ticketTypeOf(workspace, ticket).attributes.find((candidate) => candidate.id === attributeId) : undefined;
  if (attributeId !== undefined) return attribute ? ((ticket.attributes[attribute.name] as Scalar) ?? null) : null;
  throw invalid(`Unsupported search field ${field}`, 'query');
}

function compare(actual: Scalar, operator: string, expected: Scalar | Scalar[]): boolean {
  const text = (value: Scalar) => String(value);
  const list = Array.isArray(expected) ? expected : [expected];
  switch (operator) {
    case '=':
      return !Array.isArray(expected) && text(actual) === text(expected);
    case '!=':
      return !Array.isArray(expected) && text(actual) !== text(expected);
    case 'IN':
      return list.some((value) => text(value) === text(actual));
    case 'NIN':
      return !list.some((value) => text(value) === text(actual));
    case '<':
      return Number(actual) < Number(expected);
    case '<=':
      return Number(actual) <= Number(expected);
    case '>':
      return Number(actual) > Number(expected);
    case '>=':
      return Number(actual) >= Number(expected);
    case '~':
      return text(actual).includes(text(expected as Scalar));
    case '!~':
      return !text(actual).includes(text(expected as Scalar));
    case '^':
      return text(actual).startsWith(text(expected as Scalar));
    default:
      return text(actual).endsWith(text(expected as Scalar));
  }
}

function matches(workspace: FakeWorkspace, ticket: FakeTicket, query: Filter | Group): boolean {
  if (query.operator === 'AND') return (query as Group).value.every((child) => matches(workspace, ticket, child));
  if (query.operator === 'OR') return (query as Group).value.some((child) => matches(workspace, ticket, child));
  const filter = query as Filter;
  const actual = read(workspace, ticket, filter.field);
  // Multi-valued fields (contact_ids) match when any value does, as a "contains" filter reads naturally.
  return Array.isArray(actual)
    ? actual.some((value) => compare(value, filter.operator, filter.value))
    : compare(actual, filter.operator, filter.value);
}

export function searchTickets(
  workspace: FakeWorkspace,
  body: { query: Filter | Group; pagination?: { per_page?: number; starting_after?: string | null } | null },
) {
  const perPage = Math.min(Math.max(body.pagination?.per_page ?? 20, 1), 150);
  const offset = body.pagination?.starting_after ? Number(Buffer.from(body.pagination.starting_after, 'base64url').toString()) || 0 : 0;
  const hits = [...workspace.tickets.values()]
    .filter((ticket) => matches(workspace, ticket, body.query))
    .sort((a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id));
  const page = hits.slice(offset, offset + perPage);
  const nextOffset = offset + perPage;
  return {
    type: 'ticket.list',
    tickets: page.map((ticket) => ticketJson(workspace, ticket)),
    total_count: hits.length,
    pages: {
      type: 'pages',
      page: Math.floor(offset / perPage) + 1,
      per_page: perPage,
      total_pages: Math.max(1, Math.ceil(hits.length / perPage)),
      ...(nextOffset < hits.length
        ? { next: { per_page: perPage, starting_after: Buffer.from(String(nextOffset)).toString('base64url') } }
        : {}),
    },
  };
}
