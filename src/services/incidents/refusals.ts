/**
 * Intercom's refusals of a tracker link, in the words a teammate reads. Only these codes are final for a link;
 * anything else is left to the outbox's usual reading (src/services/intercom-failure.ts).
 */
import { isIntercomApiError } from '../../intercom';

export const REFUSALS: Readonly<Record<string, string>> = Object.freeze({
  already_linked_to_tracker: 'This conversation is already linked to another incident in Intercom. Unlink it there first.',
  linked_conversation_limit_exceeded:
    'That incident already has 2,500 conversations, the most Intercom allows. Start a new incident instead.',
  invalid_ticket_type: 'That ticket is not an incident (tracker) ticket, so conversations cannot be linked to it.',
  ticket_not_found: 'Intercom has no such incident in this workspace.',
  conversation_not_found: 'Intercom could not find this conversation.',
});

/** The refusal's code when Intercom answered one of the codes above, else null. */
export function refusalCode(error: unknown): string | null {
  if (!isIntercomApiError(error) || error.status < 400 || error.status >= 500) return null;
  return error.code in REFUSALS ? error.code : null;
}
