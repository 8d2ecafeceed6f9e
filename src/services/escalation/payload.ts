/**
 * What an escalation stores (`escalations.request_json`): everything needed to create the ticket, post the note
 * and start the SLA clocks later, from a job, after a restart, without reading the conversation again. The
 * ticket attributes are resolved against the ticket type when the teammate submits, so a job sends exactly what
 * was decided then. No names or emails live here beyond what the summary text itself carries.
 */
import { z } from 'zod';
import { PRIORITIES, QUEUE_KEYS, TIERS } from '../../domain/model';
import { SECTION_KEYS } from '../../domain/summary';
import type { EscalationRequest } from '../../store';

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const escalationPayloadSchema = z.looseObject({
  ticketTypeId: z.string().min(1),
  priority: z.enum(PRIORITIES),
  queue: z.enum(QUEUE_KEYS),
  reason: z.string(),
  /** The handoff summary as plain text (the ticket description, before the reference line). */
  summary: z.string(),
  /** The same summary by section, for the note's HTML. */
  sections: z.object(Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string()])) as Record<(typeof SECTION_KEYS)[number], z.ZodString>),
  title: z.string().min(1),
  contactId: z.string().min(1),
  /** Intercom team of the queue; null leaves the ticket unassigned. */
  teamId: z.string().min(1).nullable(),
  /** Priority and queue attributes by name (list item ids), resolved against the type at submit. */
  attributes: z.record(z.string(), attributeValue),
  shareWithCustomer: z.boolean(),
  account: z.object({ tier: z.enum(TIERS), renewalInDays: z.number().nullable(), highRisk: z.boolean() }),
});

export type EscalationPayload = z.infer<typeof escalationPayloadSchema>;

export function toRequest(payload: EscalationPayload): EscalationRequest {
  return { ...payload };
}

/** Null for a row this version cannot read (written by hand, or by a future version). */
export function readPayload(request: EscalationRequest): EscalationPayload | null {
  const parsed = escalationPayloadSchema.safeParse(request);
  return parsed.success ? parsed.data : null;
}
