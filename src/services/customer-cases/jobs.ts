/** The outbox job that posts a customer's added details into their conversation: kind, payload and dedupe key. */
import { z } from 'zod';

export const CUSTOMER_DETAILS_JOB_KIND = 'customer.add_details';

export const customerDetailsPayload = z.object({
  conversationId: z.string().min(1),
  contactId: z.string().min(1),
  ticketId: z.string().min(1),
  /** Escaped HTML. */
  body: z.string().min(1),
});

export type CustomerDetailsPayload = z.infer<typeof customerDetailsPayload>;

/** One post per submitted card (the card's nonce), however often it arrives. */
export const detailsKey = (ticketId: string, nonce: string) => `customer:details:${ticketId}:${nonce}`;
