/**
 * Intercom webhook notifications, parsed defensively. The envelope is parsed at ingest (it is all the route
 * needs); the item is parsed later by the processor, per topic. Payloads follow the app's configured API
 * version, not ours, so ids may be numbers or strings, `ticket_state` an object or a bare category, assignees
 * "0" — the ticket schema of the REST client already accepts every one of those shapes, so it is reused here
 * rather than written twice.
 */
import { z } from 'zod';
import { type Ticket, TicketPartSchema, type TicketPart, TicketSchema } from '../../intercom';

const Id = z
  .union([z.string().trim().min(1).max(200), z.number().int().nonnegative()])
  .transform((value) => String(value))
  .refine((value) => value.length > 0 && value.length <= 200, 'id out of range')
  // A lone surrogate is not text: SQLite stores it as bytes that never compare equal again, so the inbox row
  // could never be marked done and would be re-applied on every lease expiry.
  .refine((value) => !/\p{Cs}/u.test(value), 'id is not well-formed text');

const envelopeSchema = z.looseObject({
  type: z.string().optional(),
  topic: z.string().trim().min(1).max(100),
  // Intercom's ping carries `id: null`, so the id is checked only for real notifications.
  id: Id.nullish(),
  app_id: Id.nullish(),
  data: z.looseObject({ item: z.unknown() }).nullish(),
  created_at: z.number().nullish(),
});

/** What the inbox keeps of a notification: the item and when Intercom created it (unix seconds). */
export interface StoredPayload {
  item: unknown;
  createdAt: number | null;
}

export type Envelope =
  | { kind: 'ping' }
  | { kind: 'notification'; workspaceId: string; notificationId: string; topic: string; payload: StoredPayload }
  | { kind: 'malformed'; problem: string };

/** Topics Intercom sends to check the endpoint; they carry no workspace data. */
const PING_TOPICS = new Set(['ping', 'test']);

export function parseEnvelope(json: unknown): Envelope {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', problem: describe(parsed.error) };
  const envelope = parsed.data;
  if (PING_TOPICS.has(envelope.topic)) return { kind: 'ping' };
  if (!envelope.id) return { kind: 'malformed', problem: 'id: missing' };
  if (!envelope.app_id) return { kind: 'malformed', problem: 'app_id: missing' };
  return {
    kind: 'notification',
    workspaceId: envelope.app_id,
    notificationId: envelope.id,
    topic: envelope.topic,
    payload: { item: envelope.data?.item ?? null, createdAt: envelope.created_at ?? null },
  };
}

/** Ticket topics carry the ticket itself, or wrap it with the part that changed (`ticket_ticket_part`). */
const wrappedTicketSchema = z
  .looseObject({ type: z.literal('ticket_ticket_part'), ticket: TicketSchema, ticket_part: TicketPartSchema.nullish() })
  .transform((item) => ({ ticket: item.ticket, part: item.ticket_part ?? null }));
const bareTicketSchema = TicketSchema.transform((ticket) => ({ ticket, part: null }));

/** Chosen by `type`, not by trying both: the lenient ticket schema would otherwise accept a broken wrapper. */
function ticketItemSchemaFor(item: unknown) {
  const type = item && typeof item === 'object' ? (item as { type?: unknown }).type : undefined;
  return type === 'ticket_ticket_part' ? wrappedTicketSchema : bareTicketSchema;
}

export interface TicketItem {
  ticket: Ticket;
  part: TicketPart | null;
}

const storedPayloadSchema = z.looseObject({ item: z.unknown(), createdAt: z.number().nullish() });

export type ItemResult<T> = { ok: true; value: T } | { ok: false; problem: string };

function itemOf(payload: unknown): unknown {
  const stored = storedPayloadSchema.safeParse(payload);
  return stored.success ? stored.data.item : undefined;
}

export function parseTicketItem(payload: unknown): ItemResult<TicketItem> {
  const item = itemOf(payload);
  const parsed = ticketItemSchemaFor(item).safeParse(item);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: describe(parsed.error) };
}

/**
 * The ticket id a ticket topic's payload seems to carry (`item.id`, or `item.ticket.id` when wrapped), read without
 * validating anything: only good for fetching ahead. The validated item (`parseTicketItem`) is what is acted on.
 */
export function ticketIdHint(payload: unknown): string | null {
  const item = itemOf(payload);
  if (!item || typeof item !== 'object') return null;
  const wrapped =
    (item as { type?: unknown; ticket?: unknown }).type === 'ticket_ticket_part' ? (item as { ticket?: unknown }).ticket : item;
  const id = wrapped && typeof wrapped === 'object' ? (wrapped as { id?: unknown }).id : undefined;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id.trim() : null;
}

/** The conversation id a conversation topic's payload seems to carry (`item.id`), unvalidated like `ticketIdHint`. */
export function conversationIdHint(payload: unknown): string | null {
  const item = itemOf(payload);
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id.trim() : null;
}

const conversationItemSchema = z.looseObject({ id: Id });

export function parseConversationItem(payload: unknown): ItemResult<{ conversationId: string }> {
  const parsed = conversationItemSchema.safeParse(itemOf(payload));
  return parsed.success ? { ok: true, value: { conversationId: parsed.data.id } } : { ok: false, problem: describe(parsed.error) };
}

/** The first issue, path and message only: never the offending value (it may be message text). */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  return `${issue.path.join('.') || 'body'}: ${issue.message}`.slice(0, 200);
}
