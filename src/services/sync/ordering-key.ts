/**
 * What a webhook notification's arrival order matters for. A ticket's changes must apply in the order they
 * arrived (a newer view applied first makes the older one stale, and its pause or resume of the SLA clocks is
 * lost); a conversation's notifications likewise. Notifications of different tickets or conversations touch
 * different rows and may overtake each other, so the processor keeps order per key and nothing wider.
 *
 * Read from a quick look at the payload (the hints of webhook-payloads.ts): a payload that lies about its ticket
 * only gets the order of another key, and the applied view still decides by its own `updated_at` (tickets.ts).
 */
import { TRIAGE_AI_TOPICS } from '../triage-ai/jobs';
import { CONVERSATION_TOPICS, TICKET_TOPICS } from './process-notification';
import { conversationIdHint, ticketIdHint } from './webhook-payloads';

/** The key whose notifications apply in arrival order; null when order does not matter (topics Handoff ignores). */
export function orderingKey(n: { workspaceId: string; topic: string; payload: unknown }): string | null {
  if (TICKET_TOPICS.has(n.topic)) {
    const ticketId = ticketIdHint(n.payload);
    // No id to order by: one key per workspace keeps such rows in order among themselves.
    return `${n.workspaceId}\u0000ticket\u0000${ticketId ?? ''}`;
  }
  if (CONVERSATION_TOPICS.has(n.topic) || TRIAGE_AI_TOPICS.has(n.topic)) {
    const conversationId = conversationIdHint(n.payload);
    return `${n.workspaceId}\u0000conversation\u0000${conversationId ?? ''}`;
  }
  return null;
}
