/** Conversations: read (optionally as plain text), reply or note, and open/close/snooze/assign parts. */
import { invalid, notFound } from './http-errors';
import { nextNumericId } from './ids';
import type { RouteContext, RouteTable } from './route-types';
import { conversationJson } from './serialize-conversations';
import type { FakeConversation, FakePart } from './state';
import { requireAdmin } from './ticket-ops';

const PART_ID_BASE = 70_000_000;

function conversationFor({ workspace, params }: RouteContext): FakeConversation {
  const conversation = workspace.conversations.get(params['conversation_id']!);
  if (!conversation) throw notFound();
  return conversation;
}

function addPart(context: RouteContext, conversation: FakeConversation, part: Omit<FakePart, 'id' | 'createdAt'>): void {
  conversation.parts.push({ id: nextNumericId(context.state, PART_ID_BASE), createdAt: context.now, viaApi: true, ...part });
  conversation.updatedAt = context.now;
}

function reply(context: RouteContext) {
  const { workspace, body } = context;
  const conversation = conversationFor(context);
  if (body.type === 'admin') {
    requireAdmin(workspace, body.admin_id);
    if (body.message_type !== 'quick_reply' && !body.body) throw invalid('body is required', 'body');
    const partType = body.message_type === 'note' ? 'note' : 'comment';
    addPart(context, conversation, { partType, body: body.body ?? null, author: { type: 'admin', id: body.admin_id }, assignedTo: null });
    // A teammate's reply stops the customer's wait; a note does not.
    if (partType === 'comment') conversation.waitingSince = null;
  } else {
    const contact = [...workspace.contacts.values()].find(
      (candidate) =>
        candidate.id === body.intercom_user_id ||
        (body.user_id && candidate.externalId === body.user_id) ||
        (body.email && candidate.email === body.email),
    );
    if (!contact) throw notFound('User Not Found');
    addPart(context, conversation, { partType: 'comment', body: body.body, author: { type: 'user', id: contact.id }, assignedTo: null });
    conversation.waitingSince ??= context.now;
    if (conversation.state !== 'open') conversation.state = 'open';
  }
  return conversationJson(workspace, conversation);
}

function parts(context: RouteContext) {
  const { workspace, body } = context;
  const conversation = conversationFor(context);
  requireAdmin(workspace, body.admin_id);
  const author = { type: 'admin' as const, id: body.admin_id as string };
  switch (body.message_type) {
    case 'close':
      conversation.state = 'closed';
      conversation.snoozedUntil = null;
      addPart(context, conversation, { partType: 'close', body: body.body ?? null, author, assignedTo: null });
      break;
    case 'open':
      conversation.state = 'open';
      conversation.snoozedUntil = null;
      addPart(context, conversation, { partType: 'open', body: null, author, assignedTo: null });
      break;
    case 'snoozed':
      conversation.state = 'snoozed';
      conversation.snoozedUntil = body.snoozed_until;
      addPart(context, conversation, { partType: 'snoozed', body: null, author, assignedTo: null });
      break;
    default:
      assign(context, conversation, author);
  }
  return conversationJson(workspace, conversation);
}

/** `type` names the kind of assignee; admin and team assignees are independent, "0" clears one. */
function assign(context: RouteContext, conversation: FakeConversation, author: FakePart['author']): void {
  const { workspace, body } = context;
  const assigneeId: string = body.assignee_id;
  const isTeam = body.type === 'team';
  if (assigneeId !== '0' && !(isTeam ? workspace.teams.has(assigneeId) : workspace.admins.has(assigneeId))) {
    throw notFound('Assignee not found', 'assignee_not_found');
  }
  const assignee = assigneeId === '0' ? null : assigneeId;
  if (isTeam) conversation.teamAssigneeId = assignee;
  else conversation.adminAssigneeId = assignee;
  const assignedTo =
    assignee === null
      ? ({ type: 'nobody_admin', id: null } as const)
      : { type: isTeam ? ('team' as const) : ('admin' as const), id: assignee };
  addPart(context, conversation, { partType: 'assignment', body: body.body ?? null, author, assignedTo });
}

export const conversationRoutes: RouteTable = {
  'get /conversations/{conversation_id}': (context) =>
    conversationJson(context.workspace, conversationFor(context), { plaintext: context.query.get('display_as') === 'plaintext' }),
  'post /conversations/{conversation_id}/reply': reply,
  'post /conversations/{conversation_id}/parts': parts,
};
