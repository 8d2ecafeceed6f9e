/**
 * The outbox job that tells a customer their case moved: its kind, payload (zod, so a row written by an older
 * version is checked before it is acted on) and dedupe key. The key names the *transition* (the case, its state,
 * when it was entered, which every source reads from the ticket's own state part), so a redelivered webhook, a
 * Refresh and reconciliation reporting the same change all find one row.
 *
 * A case is a ticket linked to the conversation, or a ticket many conversations share and that tells each of them
 * once: an incident's tracker (`linkId` set) or a shared case's back-office ticket, for a conversation attached to
 * it (`attachmentId` set). A shared ticket has many conversations, so their case is named by ticket and conversation
 * together (`caseKeyOf`): that name keys the job and the decision row.
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
  /** Set for a shared case's update: the conversation's attachment to the ticket, which must still stand when it is told. */
  attachmentId: z.string().min(1).optional(),
});

export type CustomerUpdatePayload = z.infer<typeof customerUpdatePayload>;

/** A shared ticket's case for one of its conversations (a ticket and a conversation id never contain `@`). */
export const memberCaseKey = (ticketId: string, conversationId: string) => `${ticketId}@${conversationId}`;

/** Whether the job tells one of a shared ticket's conversations (an incident's, a shared case's) rather than the ticket's own. */
const isMemberUpdate = (job: Pick<CustomerUpdatePayload, 'linkId' | 'attachmentId'>) =>
  job.linkId !== undefined || job.attachmentId !== undefined;

/** The name of the case the update is about: the ticket's id, or the shared ticket's case for this conversation. */
export function caseKeyOf(job: Pick<CustomerUpdatePayload, 'ticketId' | 'conversationId' | 'linkId' | 'attachmentId'>): string {
  return isMemberUpdate(job) ? memberCaseKey(job.ticketId, job.conversationId) : job.ticketId;
}

export const customerUpdateKey = (caseKey: string, state: string, enteredAt: number) => `customer:update:${caseKey}:${state}:${enteredAt}`;
