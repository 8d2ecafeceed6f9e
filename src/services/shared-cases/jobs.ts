/**
 * The shared-case outbox jobs: kinds, payloads (zod: a row written by an older version is checked before it is
 * acted on) and dedupe keys. A key names its cause (one attachment, one resolution of one ticket), so whoever
 * enqueues it again finds the first row.
 */
import { z } from 'zod';

export const CASE_JOB_KINDS = {
  fanOut: 'case.fan_out',
  followUp: 'case.follow_up',
} as const;

export const caseFanOutPayload = z.object({ ticketId: z.string().min(1), resolvedAt: z.number().int() });

export const caseFollowUpPayload = z.object({
  attachmentId: z.string().min(1),
  ticketId: z.string().min(1),
  conversationId: z.string().min(1),
  resolvedAt: z.number().int(),
});

export type CaseFollowUpPayload = z.infer<typeof caseFollowUpPayload>;

export const caseKeys = {
  /** The note on the ticket saying the case was also reported in the attached conversation, once per attachment. */
  note: (attachmentId: string) => `case:note:${attachmentId}`,
  fanOut: (ticketId: string, resolvedAt: number) => `case:fanout:${ticketId}:${resolvedAt}`,
  followUp: (ticketId: string, conversationId: string, resolvedAt: number) => `case:followup:${ticketId}:${conversationId}:${resolvedAt}`,
};
