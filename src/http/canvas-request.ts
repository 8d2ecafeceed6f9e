/**
 * Canvas Kit request bodies → one plain, typed input for the flows. Tolerant of
 * the documented variants (canvas-kit.md §11): `contact` / legacy `customer` /
 * `user`, numeric conversation ids, legacy `app_id`, one- or two-level
 * `current_canvas`, extra fields. Only what we read is validated.
 */
import { z } from 'zod';
import type { CanvasRequest } from '../flows/types';

export type { CanvasRequest };

const id = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);
/** Any JSON object, passed on as it came: checked for being one, not walked key by key (the flows read what they use). */
const anyObject = z.custom<Record<string, unknown>>(isObject, 'Invalid input: expected object');

const adminSchema = z.object({
  id,
  name: z.string().max(500).nullish(),
  email: z.string().max(500).nullish(),
});

// Intercom's conversation ids are integers (2.16 types the path parameter so); anything else would only reach
// Intercom as an off-spec GET /conversations/{id}.
const conversationId = z
  .union([z.string().regex(/^\d{1,32}$/, 'must be a conversation id'), z.number().int().nonnegative()])
  .transform(String);

/**
 * The fields we read, validated on a projection of the body (see `projection`): a Canvas Kit body carries the whole
 * conversation and contact, and validating a copy of each (what a loose object schema makes) cost a fresh sidebar
 * view more than the rest of its parsing.
 */
const bodySchema = z.object({
  workspace_id: z.string().min(1).max(128).optional(),
  app_id: z.string().min(1).max(128).optional(),
  workspace_region: z.string().max(16).nullish(),
  admin: adminSchema,
  conversation: z.object({ id: conversationId }),
  contact: anyObject.nullish(),
  customer: anyObject.nullish(),
  user: anyObject.nullish(),
  component_id: z.string().max(256).nullish(),
  input_values: z.record(z.string(), z.unknown()).nullish(),
  current_canvas: anyObject.nullish(),
});

export type CanvasRequestResult = { ok: true; request: CanvasRequest } | { ok: false; problem: string };

export function parseCanvasRequest(json: unknown): CanvasRequestResult {
  if (!isObject(json)) return { ok: false, problem: 'body: Invalid input: expected object' };
  const parsed = bodySchema.safeParse(projection(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const b = parsed.data;
  const workspaceId = b.workspace_id ?? b.app_id;
  if (!workspaceId) return { ok: false, problem: 'workspace_id: missing' };
  const outer = b.current_canvas ?? {};
  const inner = outer['current_canvas'];
  const canvas = isObject(inner) ? inner : outer;
  // Both checked to be objects by the schema: the flows get them whole, as Intercom sent them.
  const admin = json['admin'] as Record<string, unknown>;
  const conversation = json['conversation'] as Record<string, unknown>;
  return {
    ok: true,
    request: {
      workspaceId,
      region: b.workspace_region ?? null,
      admin: { id: b.admin.id, name: b.admin.name ?? null, email: b.admin.email ?? null, raw: admin },
      conversationId: b.conversation.id,
      conversation,
      contact: b.contact ?? b.customer ?? b.user ?? null,
      componentId: b.component_id ?? null,
      inputValues: b.input_values ?? {},
      storedData: canvas['stored_data'] ?? null,
    },
  };
}

/** The body with the admin and the conversation cut down to the fields the schema checks; the rest as it came. */
function projection(body: Record<string, unknown>): Record<string, unknown> {
  const { admin, conversation } = body;
  return {
    ...body,
    admin: isObject(admin) ? { id: admin['id'], name: admin['name'], email: admin['email'] } : admin,
    conversation: isObject(conversation) ? { id: conversation['id'] } : conversation,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
