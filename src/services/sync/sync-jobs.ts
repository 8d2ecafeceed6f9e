/**
 * The outbox jobs sync writes: their kinds, payloads (zod, so a row written by an older version is checked
 * before it is acted on) and dedupe keys. A dedupe key names the *cause* (one resolution, one submitted form),
 * so whoever enqueues it again — a redelivered webhook, a double click — finds the first row instead.
 */
import { z } from 'zod';
import { PRIORITIES } from '../../domain/model';

export const SYNC_JOB_KINDS = {
  ticketNote: 'sync.ticket_note',
  ticketPriority: 'sync.ticket_priority',
  conversationNote: 'sync.conversation_note',
  conversationReopen: 'sync.conversation_reopen',
  ticketReread: 'sync.ticket_reread',
} as const;

export const ticketNotePayload = z.object({
  ticketId: z.string().min(1),
  /** The teammate who wrote it: the note is theirs in Intercom. */
  adminId: z.string().min(1),
  /** Escaped HTML, ready to send. */
  body: z.string().min(1),
  crossPost: z.boolean(),
});

export const ticketPriorityPayload = z.object({
  ticketId: z.string().min(1),
  adminId: z.string().min(1),
  priority: z.enum(PRIORITIES),
});

export const conversationNotePayload = z.object({
  conversationId: z.string().min(1),
  ticketId: z.string().min(1),
  /** Escaped HTML. */
  body: z.string().min(1),
  /** Who the note is from; null = the admin who installed Handoff. */
  adminId: z.string().min(1).nullable(),
});

export const conversationReopenPayload = z.object({
  conversationId: z.string().min(1),
  ticketId: z.string().min(1),
  /** reopen: open it unless it is open; unsnooze: open it only if it is snoozed. */
  mode: z.enum(['reopen', 'unsnooze']),
  adminId: z.string().min(1).nullable(),
});

/** Re-read a ticket whose views from one second disagreed (see contested-view.ts). */
export const ticketRereadPayload = z.object({ ticketId: z.string().min(1) });

export type TicketNotePayload = z.infer<typeof ticketNotePayload>;
export type TicketPriorityPayload = z.infer<typeof ticketPriorityPayload>;
export type ConversationNotePayload = z.infer<typeof conversationNotePayload>;
export type ConversationReopenPayload = z.infer<typeof conversationReopenPayload>;
export type TicketRereadPayload = z.infer<typeof ticketRereadPayload>;

export const dedupeKeys = {
  /** One note per submitted form (the form's nonce). */
  ticketNote: (ticketId: string, nonce: string) => `sync:note:${ticketId}:${nonce}`,
  ticketPriority: (ticketId: string, nonce: string) => `sync:priority:${ticketId}:${nonce}`,
  /** One follow-up per resolution, keyed by when the ticket entered resolved (the same from every source). */
  resolveNote: (ticketId: string, resolvedAt: number) => `sync:resolved-note:${ticketId}:${resolvedAt}`,
  resolveReopen: (ticketId: string, resolvedAt: number) => `sync:resolved-reopen:${ticketId}:${resolvedAt}`,
  /** One re-read per contested second of a ticket, however many views from that second disagree. */
  ticketReread: (ticketId: string, updatedAt: number) => `sync:reread:${ticketId}:${updatedAt}`,
};
