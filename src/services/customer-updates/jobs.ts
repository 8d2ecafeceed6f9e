/**
 * The outbox job that tells a customer their case moved: its kind, payload (zod, so a row written by an older
 * version is checked before it is acted on) and dedupe key. The key names the *transition* (the case, its state,
 * when it was entered, which every source reads from the ticket's own state part), so a redelivered webhook, a
 * Refresh and reconciliation reporting the same change all find one row.
 *
 * A case is a ticket linked to the conversation, or an incident the conversation is linked to (a tracker ticket
 * that tells each of its conversations once, `linkId` set). One tracker has many conversations, so an incident's
 * case is named by tracker and conversation together (`caseKeyOf`): that name keys the job and the decision row.
 */
import { z } from 'zod';
import { STATE_CATEGORIES } from '../../domain/model';

export const CUSTOMER_UPDATE_JOB_KIND = 'customer.case_update';

export const customerUpdatePayload = z.object({
  /** The ticket, or the incident's tracker ticket. */
  ticketId: z.string().min(1),
  conversationId: z.string().min(1),
  state: z.enum(STATE_CATEGORIES),
  enteredAt: z.number().int(),
  /** Set for an incident's update: the conversation's link to the tracker, which must still stand when it is told. */
  linkId: z.string().min(1).optional(),
});

export type CustomerUpdatePayload = z.infer<typeof customerUpdatePayload>;

/** An incident's case for one of its conversations (a tracker and a conversation id never contain `@`). */
export const incidentCaseKey = (trackerId: string, conversationId: string) => `${trackerId}@${conversationId}`;

/** The name of the case the update is about: the ticket's id, or the incident's case for this conversation. */
export function caseKeyOf(job: Pick<CustomerUpdatePayload, 'ticketId' | 'conversationId' | 'linkId'>): string {
  return job.linkId === undefined ? job.ticketId : incidentCaseKey(job.ticketId, job.conversationId);
}

export const customerUpdateKey = (caseKey: string, state: string, enteredAt: number) => `customer:update:${caseKey}:${state}:${enteredAt}`;
