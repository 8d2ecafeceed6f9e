/**
 * The contact's companies as the escalate form last read them, for the submit of that form. The form reads
 * `GET /contacts/{id}/companies` beside the conversation; its submit, moments later, would read the same list
 * again only to build the same company facts, and that answer is one of the two a submit waits for before
 * `POST /tickets`. So the submit reuses a list read within `FORM_COMPANIES_TTL_MS`, which also keeps the ticket's
 * summary and account tier those of the preview the teammate saw. The conversation itself is always read again:
 * a customer's message between the form and the click belongs in the ticket.
 *
 * Per instance, bounded, only successful reads: a submit that lands on another instance, comes later than the
 * TTL, or follows a form whose read failed asks Intercom as before.
 */
import type { Company } from '../../intercom';

/** Company facts (plan, tier, renewal) change on the scale of days; a form is usually submitted within minutes. */
export const FORM_COMPANIES_TTL_MS = 10 * 60_000;
/** Contacts kept; past this the memory starts again (each submit then reads once more), it never grows without end. */
const MAX_CONTACTS = 10_000;

export interface FormCompanies {
  /** Keeps a successful read of the contact's companies, read at `now`. */
  remember(workspaceId: string, contactId: string, companies: Company[], now: number): void;
  /** That list when it was read within the TTL before `now`, else null. */
  recall(workspaceId: string, contactId: string, now: number): Company[] | null;
}

export function createFormCompanies(): FormCompanies {
  const entries = new Map<string, { companies: Company[]; readAt: number }>();
  const keyOf = (workspaceId: string, contactId: string) => JSON.stringify([workspaceId, contactId]);
  return {
    remember(workspaceId, contactId, companies, now) {
      const key = keyOf(workspaceId, contactId);
      entries.delete(key);
      if (entries.size >= MAX_CONTACTS) entries.clear();
      entries.set(key, { companies, readAt: now });
    },
    recall(workspaceId, contactId, now) {
      const hit = entries.get(keyOf(workspaceId, contactId));
      if (!hit) return null;
      const age = now - hit.readAt;
      return age >= 0 && age < FORM_COMPANIES_TTL_MS ? hit.companies : null;
    },
  };
}
