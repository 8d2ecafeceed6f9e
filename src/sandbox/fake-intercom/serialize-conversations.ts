/** Conversations and their parts as Intercom 2.16 returns them, optionally as plain text. */
import { assigneeInt, authorJson, contactRefsJson, htmlToPlainText, linkedObjectsJson, withOptional } from './serialize-common';
import type { FakeConversation, FakePart, FakeWorkspace } from './state';

export interface ConversationJsonOptions {
  plaintext?: boolean;
}

function partJson(workspace: FakeWorkspace, part: FakePart, conversation: FakeConversation, text: (html: string) => string) {
  return withOptional(
    {
      type: 'conversation_part',
      id: part.id,
      part_type: part.partType,
      body: part.body === null ? null : text(part.body),
      created_at: part.createdAt,
      updated_at: part.createdAt,
      notified_at: part.createdAt,
      author: authorJson(workspace, part.author),
      attachments: [] as unknown[],
      redacted: false,
      state: conversation.state,
    },
    { assigned_to: part.assignedTo, app_package_code: part.viaApi ? 'handoff-fake' : null },
  );
}

export function conversationJson(workspace: FakeWorkspace, conversation: FakeConversation, options: ConversationJsonOptions = {}) {
  const text = options.plaintext ? htmlToPlainText : (html: string) => html;
  return withOptional(
    {
      type: 'conversation',
      id: conversation.id,
      title: conversation.title,
      created_at: conversation.createdAt,
      updated_at: conversation.updatedAt,
      waiting_since: conversation.waitingSince,
      snoozed_until: conversation.snoozedUntil,
      // Snoozed conversations are still open in Intercom's model; only closed ones are not.
      open: conversation.state !== 'closed',
      state: conversation.state,
      read: conversation.read,
      priority: conversation.priority,
      admin_assignee_id: assigneeInt(conversation.adminAssigneeId),
      team_assignee_id: assigneeInt(conversation.teamAssigneeId),
      tags: { type: 'tag.list', tags: [] as unknown[] },
      source: {
        type: 'conversation',
        id: conversation.source.id,
        delivered_as: conversation.source.deliveredAs,
        subject: text(conversation.source.subject),
        body: text(conversation.source.body),
        author: authorJson(workspace, conversation.source.author),
        attachments: [] as unknown[],
        url: null,
        redacted: false,
      },
      contacts: contactRefsJson(workspace, conversation.contactIds),
      teammates: { type: 'admin.list', admins: [] as unknown[] },
      custom_attributes: { ...conversation.customAttributes },
      statistics: { type: 'conversation_statistics', count_conversation_parts: conversation.parts.length + 1, count_reopens: 0 },
      conversation_parts: {
        type: 'conversation_part.list',
        // Intercom returns at most the 500 most recent parts.
        conversation_parts: conversation.parts.slice(-500).map((part) => partJson(workspace, part, conversation, text)),
        total_count: conversation.parts.length,
      },
      linked_objects: linkedObjectsJson(conversation.links),
      ai_agent_participated: false,
      first_contact_reply: { created_at: conversation.createdAt, type: 'conversation', url: null },
    },
    { company: conversation.companyId ? companyRef(workspace, conversation.companyId) : null },
  );
}

function companyRef(workspace: FakeWorkspace, companyId: string) {
  const company = workspace.companies.get(companyId);
  return company ? { type: 'company', id: company.id, name: company.name, company_id: company.companyId } : null;
}
