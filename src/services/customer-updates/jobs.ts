/**
 * The outbox job that tells a customer their case moved: its kind, payload (zod, so a row written by an older
 * version is checked before it is acted on) and dedupe key. The key names the *transition* (ticket, state, when it
 * was entered, which every source reads from the ticket's own state part), so a redelivered webhook, a Refresh and
 * reconciliation reporting the same change all find one row.
 */
import { z } from 'zod';
import { STATE_CATEGORIES } from '../../domain/model';

export const CUSTOMER_UPDATE_JOB_KIND = 'customer.case_update';

export const customerUpdatePayload = z.object({
  ticketId: z.string().min(1),
  conversationId: z.string().min(1),
  state: z.enum(STATE_CATEGORIES),
  enteredAt: z.number().int(),
});

export type CustomerUpdatePayload = z.infer<typeof customerUpdatePayload>;

export const customerUpdateKey = (ticketId: string, state: string, enteredAt: number) =>
  `customer:update:${ticketId}:${state}:${enteredAt}`;
