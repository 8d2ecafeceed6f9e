/**
 * Messenger Canvas Kit bodies (canvas-kit.md §12) → the plain MessengerRequest the flow reads. The end user is
 * `user` in Messenger requests (`contact` is accepted as the spec's `initialize_request` names it); only what the
 * card reads is validated, and ids are bounded so a forged-but-signed body cannot carry megabytes of "id".
 */
import { z } from 'zod';
import type { MessengerRequest } from '../flows/messenger/types';

const id = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);
const person = z.looseObject({ id: id.optional(), role: z.string().max(32).nullish() });

const bodySchema = z.looseObject({
  workspace_id: z.string().min(1).max(128).optional(),
  app_id: z.string().min(1).max(128).optional(),
  user: person.nullish(),
  contact: person.nullish(),
  context: z.looseObject({ locale: z.string().max(16).nullish() }).nullish(),
  component_id: z.string().max(256).nullish(),
  input_values: z.record(z.string(), z.unknown()).nullish(),
  current_canvas: z
    .looseObject({
      stored_data: z.looseObject({ nonce: z.string().min(8).max(64).optional() }).nullish(),
      canvas: z.looseObject({ stored_data: z.looseObject({ nonce: z.string().min(8).max(64).optional() }).nullish() }).nullish(),
    })
    .nullish(),
});

export type MessengerParse = { ok: true; request: MessengerRequest } | { ok: false; problem: string };

export function parseMessengerRequest(value: unknown): MessengerParse {
  const parsed = bodySchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.path.join('.') || 'body' };
  const body = parsed.data;
  const workspaceId = body.workspace_id ?? body.app_id;
  if (!workspaceId) return { ok: false, problem: 'workspace_id' };
  const who = body.user ?? body.contact ?? null;
  const canvas = body.current_canvas;
  return {
    ok: true,
    request: {
      workspaceId,
      contact: who?.id ? { id: who.id, role: who.role ?? null } : null,
      locale: body.context?.locale ?? null,
      componentId: body.component_id ?? null,
      inputValues: body.input_values ?? {},
      nonce: canvas?.stored_data?.nonce ?? canvas?.canvas?.stored_data?.nonce ?? null,
    },
  };
}
