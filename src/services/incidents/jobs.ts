/**
 * The incident outbox jobs: kinds, payloads (zod: a row written by an older version is checked before it is acted
 * on) and dedupe keys. A key names its cause (one link request, one resolution of one tracker), so whoever
 * enqueues it again finds the first row.
 */
import { z } from 'zod';

export const INCIDENT_JOB_KINDS = {
  link: 'incident.link',
  unlink: 'incident.unlink',
  start: 'incident.start',
  fanOut: 'incident.fan_out',
  followUp: 'incident.follow_up',
} as const;

export const linkJobPayload = z.object({ linkId: z.string().min(1) });

export const startJobPayload = z.object({
  linkId: z.string().min(1),
  ticketTypeId: z.string().min(1),
  contactId: z.string().min(1),
  title: z.string().min(1),
  /** The handoff summary, ending in the reference line that lets a retry find the tracker it created. */
  description: z.string().min(1),
});

export const fanOutJobPayload = z.object({ trackerId: z.string().min(1), resolvedAt: z.number().int() });

export const followUpJobPayload = z.object({
  linkId: z.string().min(1),
  trackerId: z.string().min(1),
  conversationId: z.string().min(1),
  resolvedAt: z.number().int(),
});

export type StartJobPayload = z.infer<typeof startJobPayload>;
export type FollowUpJobPayload = z.infer<typeof followUpJobPayload>;

export const incidentKeys = {
  link: (linkId: string) => `incident:link:${linkId}`,
  unlink: (linkId: string) => `incident:unlink:${linkId}`,
  start: (linkId: string) => `incident:start:${linkId}`,
  /** The teammate's note on the tracker, once per link. */
  note: (linkId: string) => `incident:note:${linkId}`,
  fanOut: (trackerId: string, resolvedAt: number) => `incident:fanout:${trackerId}:${resolvedAt}`,
  followUp: (trackerId: string, conversationId: string, resolvedAt: number) =>
    `incident:followup:${trackerId}:${conversationId}:${resolvedAt}`,
};

/** The line a started incident's description ends with; link ids are UUIDs, so it cannot occur by accident. */
export function incidentReference(linkId: string): string {
  return `Handoff incident ref: ${linkId}`;
}
