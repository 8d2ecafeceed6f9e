/**
 * Notes are not idempotent at Intercom: a call whose answer was lost may still have posted. Before a *retry*
 * posts again, these look for the note among the latest parts (same author, same text, not older than the
 * job). Only retries pay for the read; a first attempt never does.
 */
import { htmlToText } from '../../domain/text';
import type { IntercomClient } from '../../intercom';

interface PartLike {
  part_type: string;
  body: string | null;
  created_at: number | null;
  author?: { id: string | null } | null;
}

const plain = (html: string | null) =>
  htmlToText(html ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** `partType` is `note` for notes, `comment` for a reply the customer sees (the automatic case updates). */
export function containsNote(
  parts: readonly PartLike[],
  note: { adminId: string; body: string; notBefore: number },
  partType: 'note' | 'comment' = 'note',
): boolean {
  const wanted = plain(note.body);
  const since = Math.floor(note.notBefore / 1000) - 1;
  return parts.some(
    (part) =>
      part.part_type === partType &&
      part.author?.id === note.adminId &&
      (part.created_at === null || part.created_at >= since) &&
      plain(part.body) === wanted,
  );
}

export async function noteOnTicket(client: IntercomClient, ticketId: string, note: { adminId: string; body: string; notBefore: number }) {
  const ticket = await client.tickets.get(ticketId);
  return containsNote(ticket.ticket_parts.ticket_parts, note);
}

export async function noteOnConversation(
  client: IntercomClient,
  conversationId: string,
  note: { adminId: string; body: string; notBefore: number },
) {
  const conversation = await client.conversations.get(conversationId);
  return containsNote(conversation.conversation_parts.conversation_parts, note);
}
