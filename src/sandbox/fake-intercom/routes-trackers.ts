/**
 * Tracker tickets' linked conversations (2.16): `POST /tickets/{id}/linked_conversations` links a conversation (or
 * a customer ticket) to a tracker after the tracker exists, `DELETE …/{id}` unlinks it. Both answer with the
 * conversation. The rules are the description's: only a tracker takes links (`invalid_ticket_type`), a
 * conversation has at most one tracker (`already_linked_to_tracker`, also when it is this very tracker: the fake
 * takes the strict reading, so a client that retries blindly finds out here and not in production), and a tracker
 * holds at most 2,500 conversations (`linked_conversation_limit_exceeded`).
 */
import { FakeHttpError, invalid, notFound } from './http-errors';
import type { RouteContext, RouteTable } from './route-types';
import { conversationJson } from './serialize-conversations';
import type { FakeConversation, FakeTicket } from './state';

/** Intercom's documented ceiling of conversations on one tracker. */
export const TRACKER_LINK_LIMIT = 2_500;

function trackerFor({ workspace, params }: RouteContext, verb: 'linking' | 'unlinking'): FakeTicket {
  const ticket = workspace.tickets.get(params['ticket_id']!);
  if (!ticket) throw notFound('Ticket not found', 'ticket_not_found');
  if (ticket.category !== 'Tracker') throw invalid(`Only tracker tickets support ${verb} conversations`, null, 'invalid_ticket_type');
  return ticket;
}

/**
 * The conversation to link or unlink. The description also allows a customer ticket's id; Handoff never sends one,
 * so the fake says plainly that it does not implement that case rather than pretending.
 */
function conversationFor(context: RouteContext, id: string): FakeConversation {
  const conversation = context.workspace.conversations.get(id);
  if (conversation) return conversation;
  if (context.workspace.tickets.get(id)?.category === 'Customer')
    throw new FakeHttpError(501, 'not_implemented', 'The fake does not link customer tickets to trackers');
  throw notFound('Conversation not found', 'conversation_not_found');
}

function link(context: RouteContext) {
  const tracker = trackerFor(context, 'linking');
  const id = String(context.body.conversation_id ?? '');
  if (id === '') throw invalid('conversation_id not specified', 'conversation_id', 'parameter_not_found');
  const conversation = conversationFor(context, id);
  if (conversation.links.some((candidate) => candidate.type === 'ticket' && candidate.category === 'Tracker'))
    throw invalid('A conversation can only have one tracker ticket', null, 'already_linked_to_tracker');
  const linkedCount = tracker.links.filter((candidate) => candidate.type === 'conversation').length;
  if (linkedCount >= TRACKER_LINK_LIMIT)
    throw invalid('Ticket has reached the maximum number of conversations that can be linked', null, 'linked_conversation_limit_exceeded');
  tracker.links.push({ type: 'conversation', id, category: null });
  conversation.links.push({ type: 'ticket', id: tracker.id, category: 'Tracker' });
  tracker.updatedAt = context.now;
  conversation.updatedAt = context.now;
  return conversationJson(context.workspace, conversation);
}

function unlink(context: RouteContext) {
  const tracker = trackerFor(context, 'unlinking');
  const id = context.params['id']!;
  const at = tracker.links.findIndex((candidate) => candidate.type === 'conversation' && candidate.id === id);
  if (at === -1) throw notFound('Conversation is not linked to this ticket', 'conversation_not_found');
  const conversation = conversationFor(context, id);
  tracker.links.splice(at, 1);
  conversation.links = conversation.links.filter((candidate) => !(candidate.type === 'ticket' && candidate.id === tracker.id));
  tracker.updatedAt = context.now;
  conversation.updatedAt = context.now;
  return conversationJson(context.workspace, conversation);
}

export const trackerRoutes: RouteTable = {
  'post /tickets/{ticket_id}/linked_conversations': link,
  'delete /tickets/{ticket_id}/linked_conversations/{id}': unlink,
};
