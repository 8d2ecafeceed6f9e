/**
 * Back-office tickets: create (linked to the conversation), read, update state/assignee/attributes, notes, search.
 * Inputs use our string ids; the 2.16 body types (ticket-update `admin_id` integer, everything else strings) are
 * produced here and nowhere else.
 */
import type { z } from 'zod';
import { type CallOptions, compact, toIntegerId } from './call-options';
import { TicketListSchema, TicketPartSchema, TicketSchema, type Ticket, type TicketPart } from './ticket-schemas';
import type { IntercomHttp } from './transport';

/** For a list attribute, the value is the list option's id, not its label. */
export type TicketAttributeValue = string | number | boolean | null | ReadonlyArray<string | number>;
export type TicketAttributes = Readonly<Record<string, TicketAttributeValue>>;

export type TicketContact = { id: string } | { externalId: string } | { email: string };

export interface CreateTicketInput {
  ticketTypeId: string;
  /** Intercom takes exactly one contact on create. */
  contact: TicketContact;
  conversationToLinkId?: string;
  attributes?: TicketAttributes;
  assignment?: { adminAssigneeId?: string; teamAssigneeId?: string };
  companyId?: string;
  /** Unix seconds. */
  createdAt?: number;
  skipNotifications?: boolean;
}

export interface UpdateTicketInput {
  /** The admin performing the change (attribution, Workflows); not the assignee. */
  actingAdminId?: string;
  ticketStateId?: string;
  /** Admin or team id; null unassigns. */
  assigneeId?: string | null;
  open?: boolean;
  snoozedUntil?: number;
  attributes?: TicketAttributes;
  isShared?: boolean;
  companyId?: string;
  skipNotifications?: boolean;
}

export interface TicketReplyInput {
  adminId: string;
  /** HTML; escape user text before it gets here. */
  body: string;
  /** Back-office tickets take notes only. */
  messageType?: 'note' | 'comment';
  /** Copy the note into every linked conversation. */
  crossPost?: boolean;
  attachmentUrls?: readonly string[];
  skipNotifications?: boolean;
}

export type SearchOperator = '=' | '!=' | 'IN' | 'NIN' | '<' | '<=' | '>' | '>=' | '~' | '!~' | '^' | '$';
export interface TicketSearchFilter {
  field: string;
  operator: SearchOperator;
  value: string | number | boolean | null | ReadonlyArray<string | number>;
}
export interface TicketSearchGroup {
  operator: 'AND' | 'OR';
  value: ReadonlyArray<TicketSearchFilter> | ReadonlyArray<TicketSearchGroup>;
}
export type TicketSearchQuery = TicketSearchFilter | TicketSearchGroup;

export interface TicketPage {
  tickets: Ticket[];
  totalCount: number;
  /** Cursor for the next page; null on the last one. */
  nextStartingAfter: string | null;
}

export interface TicketsApi {
  /** Not retried by default: create is not idempotent. */
  create(input: CreateTicketInput, options?: CallOptions): Promise<Ticket>;
  get(ticketId: string, options?: CallOptions): Promise<Ticket>;
  update(ticketId: string, input: UpdateTicketInput, options?: CallOptions): Promise<Ticket>;
  /** Returns the new part, not the ticket. Not retried by default: a repeat posts a second note. */
  reply(ticketId: string, input: TicketReplyInput, options?: CallOptions): Promise<TicketPart>;
  search(query: TicketSearchQuery, page?: { perPage?: number; startingAfter?: string }, options?: CallOptions): Promise<TicketPage>;
}

const ticketPath = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`;

export function ticketsApi(http: IntercomHttp): TicketsApi {
  const send = <S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S, body: unknown, retry: boolean | undefined) =>
    http.request({ method, path, schema, body, retry });

  return {
    create: (input, options) => send('POST', '/tickets', TicketSchema, createBody(input), options?.retry ?? false),
    get: (ticketId, options) => send('GET', ticketPath(ticketId), TicketSchema, undefined, options?.retry),
    // async so a bad actingAdminId rejects like every other failure instead of throwing synchronously.
    update: async (ticketId, input, options) => send('PUT', ticketPath(ticketId), TicketSchema, updateBody(input), options?.retry),
    reply: (ticketId, input, options) =>
      send('POST', `${ticketPath(ticketId)}/reply`, TicketPartSchema, replyBody(input), options?.retry ?? false),
    async search(query, page, options) {
      const pagination = page ? compact({ per_page: page.perPage, starting_after: page.startingAfter }) : undefined;
      // Search is a read, so retrying it is safe even though it is a POST.
      const list = await send('POST', '/tickets/search', TicketListSchema, compact({ query, pagination }), options?.retry);
      return {
        tickets: list.tickets,
        totalCount: list.total_count ?? list.tickets.length,
        nextStartingAfter: list.pages?.next?.starting_after ?? null,
      };
    },
  };
}

function contactBody(contact: TicketContact): Record<string, string> {
  if ('id' in contact) return { id: contact.id };
  if ('externalId' in contact) return { external_id: contact.externalId };
  return { email: contact.email };
}

function createBody(input: CreateTicketInput): Record<string, unknown> {
  return compact({
    ticket_type_id: input.ticketTypeId,
    contacts: [contactBody(input.contact)],
    conversation_to_link_id: input.conversationToLinkId,
    ticket_attributes: input.attributes,
    assignment: input.assignment
      ? compact({ admin_assignee_id: input.assignment.adminAssigneeId, team_assignee_id: input.assignment.teamAssigneeId })
      : undefined,
    company_id: input.companyId,
    created_at: input.createdAt,
    skip_notifications: input.skipNotifications,
  });
}

function updateBody(input: UpdateTicketInput): Record<string, unknown> {
  return compact({
    ticket_state_id: input.ticketStateId,
    admin_id: input.actingAdminId === undefined ? undefined : toIntegerId(input.actingAdminId, 'actingAdminId'),
    assignee_id: input.assigneeId === undefined ? undefined : (input.assigneeId ?? '0'),
    open: input.open,
    snoozed_until: input.snoozedUntil,
    ticket_attributes: input.attributes,
    is_shared: input.isShared,
    company_id: input.companyId,
    skip_notifications: input.skipNotifications,
  });
}

function replyBody(input: TicketReplyInput): Record<string, unknown> {
  return compact({
    message_type: input.messageType ?? 'note',
    type: 'admin',
    admin_id: input.adminId,
    body: input.body,
    cross_post: input.crossPost,
    attachment_urls: input.attachmentUrls,
    skip_notifications: input.skipNotifications,
  });
}
