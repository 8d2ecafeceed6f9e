/**
 * "Add details": what a customer writes on the Messenger card while the team waits on them is posted into their
 * conversation as their own reply. Checked first (their own case, waiting on them, a bounded text), then written to
 * the outbox under the card's nonce, so a double tap or a resubmitted canvas posts once; the job looks for its
 * own earlier post before a retry posts again (a reply is not idempotent at Intercom).
 */
import { escapeHtml } from '../../domain/text';
import type { AppServices } from '../app-services';
import { containsNote } from '../sync/already-posted';
import type { Attempt } from '../sync/intercom-writes';
import { ownCase } from './cases';
import { CUSTOMER_DETAILS_JOB_KIND, type CustomerDetailsPayload, detailsKey } from './jobs';

export const DETAILS_MAX_CHARS = 2000;

export type DetailsDeps = Pick<AppServices, 'store' | 'settings' | 'clock' | 'directory'> & { pokeOutbox(): void };

export function detailsProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Write what you would like to add.';
  if (trimmed.length > DETAILS_MAX_CHARS) return `Please keep it under ${DETAILS_MAX_CHARS} characters.`;
  return null;
}

/** One paragraph per line, every character escaped: the customer's text reaches Intercom as text, never markup. */
export function detailsHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

export type DetailsOutcome = { ok: true } | { ok: false; reason: 'invalid' | 'not_waiting'; message: string };

export async function submitDetails(
  deps: DetailsDeps,
  workspaceId: string,
  input: { contactId: string; caseId: string; text: string; nonce: string },
): Promise<DetailsOutcome> {
  const problem = detailsProblem(input.text);
  if (problem) return { ok: false, reason: 'invalid', message: problem };
  const found = await ownCase(deps, workspaceId, input.contactId, input.caseId);
  // The same answer for "not yours", "not open" and "no such case": nothing is revealed about other people's cases.
  if (!found?.waitingOnCustomer) return { ok: false, reason: 'not_waiting', message: 'This request is not waiting for details from you.' };
  const payload: CustomerDetailsPayload = {
    conversationId: found.conversationId,
    contactId: input.contactId,
    ticketId: found.id,
    body: detailsHtml(input.text),
  };
  const { created } = await deps.store.outbox.enqueue(workspaceId, {
    kind: CUSTOMER_DETAILS_JOB_KIND,
    dedupeKey: detailsKey(found.id, input.nonce),
    payload,
    now: deps.clock.now(),
  });
  if (created) deps.pokeOutbox();
  return { ok: true };
}

/** The outbox side: post as the contact, unless a retry finds the earlier try's post. */
export async function postDetails(
  deps: Pick<AppServices, 'directory'>,
  workspaceId: string,
  job: CustomerDetailsPayload,
  attempt: Attempt,
) {
  const client = await deps.directory.clientFor(workspaceId);
  if (attempt.mayHavePosted) {
    const conversation = await client.conversations.get(job.conversationId);
    const mine = { adminId: job.contactId, body: job.body, notBefore: attempt.notBefore };
    if (containsNote(conversation.conversation_parts.conversation_parts, mine, 'comment')) return { alreadyPosted: true };
  }
  await client.conversations.replyAsContact(job.conversationId, { contactId: job.contactId, body: job.body });
  return { alreadyPosted: false };
}
