/**
 * The typed codec for `canvas.stored_data`. It travels to the Inbox and back on the next submit, so it holds
 * only step names, our own ids and a nonce: never Intercom objects, names, emails or message text (it may sit
 * in an open canvas for hours and is not ours to keep). `decodeStoredData` returning `null` means "start over
 * from the sidebar" (missing, stale version, or not something we wrote).
 */
import { z } from 'zod';
import type { JsonObject } from './kit/types';

export const FLOWS = ['home', 'escalate', 'ticket', 'note', 'priority', 'incident', 'case'] as const;
export type Flow = (typeof FLOWS)[number];

/** Our ids and Intercom's (digits or hex): the same alphabet component ids accept. */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const storedDataSchema = z.object({
  /** Bumped when the shape changes; canvases left open across a deploy then restart cleanly. */
  v: z.literal(1),
  flow: z.enum(FLOWS),
  /** Idempotency key for the submit this canvas leads to (dedupe on workspace + conversation + nonce). */
  nonce: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  ticketId: id.optional(),
  conversationId: id.optional(),
  /** The conversation's incident link a screen acts on (Unlink). */
  linkId: id.optional(),
  /** The ticket type when the form showed it as text (only one type exists, so there was no dropdown). */
  ticketTypeId: id.optional(),
});

export type StoredData = z.infer<typeof storedDataSchema>;

/** Validates what we are about to send (a bad id here is our bug) and returns a frozen plain object. */
export function encodeStoredData(data: StoredData): JsonObject {
  const parsed = storedDataSchema.parse(data);
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(parsed)) if (value !== undefined) out[key] = value;
  return Object.freeze(out);
}

export function decodeStoredData(raw: unknown): StoredData | null {
  const result = storedDataSchema.safeParse(raw);
  return result.success ? result.data : null;
}
