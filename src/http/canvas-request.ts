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
const looseObject = z.record(z.string(), z.unknown());

const adminSchema = z.looseObject({
  id,
  name: z.string().max(500).nullish(),
  email: z.string().max(500).nullish(),
  // Role names vary; an admin is a teammate who may change workspace settings.
  role: z.unknown().optional(),
});

// Intercom's conversation ids are integers (2.16 types the path parameter so); anything else would only reach
// Intercom as an off-spec GET /conversations/{id}.
const conversationId = z
  .union([z.string().regex(/^\d{1,32}$/, 'must be a conversation id'), z.number().int().nonnegative()])
  .transform(String);
const conversationSchema = z.looseObject({ id: conversationId });

const bodySchema = z.looseObject({
  workspace_id: z.string().min(1).max(128).optional(),
  app_id: z.string().min(1).max(128).optional(),
  workspace_region: z.string().max(16).nullish(),
  admin: adminSchema,
  conversation: conversationSchema,
  contact: looseObject.nullish(),
  customer: looseObject.nullish(),
  user: looseObject.nullish(),
  component_id: z.string().max(256).nullish(),
  input_values: z.record(z.string(), z.unknown()).nullish(),
  current_canvas: looseObject.nullish(),
});

export type CanvasRequestResult = { ok: true; request: CanvasRequest } | { ok: false; problem: string };

export function parseCanvasRequest(json: unknown): CanvasRequestResult {
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const b = parsed.data;
  const workspaceId = b.workspace_id ?? b.app_id;
  if (!workspaceId) return { ok: false, problem: 'workspace_id: missing' };
  const outer = b.current_canvas ?? {};
  const inner = outer['current_canvas'];
  const canvas = inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : outer;
  return {
    ok: true,
    request: {
      workspaceId,
      region: b.workspace_region ?? null,
      admin: { id: b.admin.id, name: b.admin.name ?? null, email: b.admin.email ?? null, raw: b.admin },
      conversationId: b.conversation.id,
      conversation: b.conversation,
      contact: b.contact ?? b.customer ?? b.user ?? null,
      componentId: b.component_id ?? null,
      inputValues: b.input_values ?? {},
      storedData: canvas['stored_data'] ?? null,
    },
  };
}
