/**
 * Conversations: read one (with up to 500 parts) for the handoff summary, post the escalation breadcrumb note,
 * and open/close/snooze/assign. 2.16 made the unassigned admin `0` instead of null and changed `priority` to
 * none|low|medium|high|urgent; both old and new shapes parse.
 */
import { z } from 'zod';
import { type CallOptions, compact } from './call-options';
import {
  AssigneeId,
  ContactRefListSchema,
  Id,
  LinkedObjectListSchema,
  NullableString,
  OptionalId,
  PART_FIELDS,
  PartAuthorSchema,
  UnixTime,
} from './common-schemas';
import type { IntercomHttp } from './transport';

export const ConversationPartSchema = z.looseObject({
  ...PART_FIELDS,
  attachments: z.array(z.looseObject({ name: NullableString, url: NullableString, content_type: NullableString })).nullish(),
  redacted: z.boolean().optional(),
});

export const ConversationSchema = z.looseObject({
  id: Id,
  title: NullableString,
  created_at: UnixTime,
  updated_at: UnixTime,
  waiting_since: UnixTime,
  snoozed_until: UnixTime,
  open: z.boolean().nullish(),
  state: NullableString,
  read: z.boolean().nullish(),
  // 2.16: none|low|medium|high|urgent; earlier: priority|not_priority. Kept as the string Intercom sent.
  priority: NullableString,
  admin_assignee_id: AssigneeId,
  team_assignee_id: AssigneeId,
  source: z
    .looseObject({
      type: NullableString,
      id: OptionalId,
      delivered_as: NullableString,
      subject: NullableString,
      body: NullableString,
      author: PartAuthorSchema.nullish(),
      url: NullableString,
    })
    .nullish(),
  contacts: ContactRefListSchema,
  custom_attributes: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((attributes) => attributes ?? {}),
  conversation_parts: z
    .looseObject({ conversation_parts: z.array(ConversationPartSchema).default([]), total_count: z.number().optional() })
    .nullish()
    .transform((parts) => ({
      conversation_parts: parts?.conversation_parts ?? [],
      total_count: parts?.total_count ?? parts?.conversation_parts.length ?? 0,
    })),
  linked_objects: LinkedObjectListSchema,
});

export type Conversation = z.output<typeof ConversationSchema>;
export type ConversationPart = z.output<typeof ConversationPartSchema>;

export interface ConversationNoteInput {
  adminId: string;
  /** HTML; escape user text before it gets here. */
  body: string;
  /** `comment` is visible to the customer; breadcrumbs use `note`. */
  messageType?: 'note' | 'comment';
  skipNotifications?: boolean;
}

export interface ConversationsApi {
  /** `plaintext: true` asks Intercom for text bodies (`display_as=plaintext`) instead of HTML. */
  get(conversationId: string, options?: CallOptions & { plaintext?: boolean }): Promise<Conversation>;
  /** Not retried by default: a repeat posts a second note. */
  reply(conversationId: string, input: ConversationNoteInput, options?: CallOptions): Promise<Conversation>;
  /**
   * A reply written by the contact (`type: user`): what a customer adds from the Messenger card or the embed lands
   * in their conversation as their own message. Not retried by default: a repeat posts a second message.
   */
  replyAsContact(conversationId: string, input: { contactId: string; body: string }, options?: CallOptions): Promise<Conversation>;
  open(conversationId: string, input: { adminId: string }, options?: CallOptions): Promise<Conversation>;
  close(conversationId: string, input: { adminId: string; body?: string }, options?: CallOptions): Promise<Conversation>;
  snooze(conversationId: string, input: { adminId: string; snoozedUntil: number }, options?: CallOptions): Promise<Conversation>;
  /** Admin and team assignees are separate: one call each. `assigneeId: null` unassigns. */
  assign(
    conversationId: string,
    input: { adminId: string; assigneeType: 'admin' | 'team'; assigneeId: string | null; body?: string },
    options?: CallOptions,
  ): Promise<Conversation>;
}

const conversationPath = (conversationId: string) => `/conversations/${encodeURIComponent(conversationId)}`;

export function conversationsApi(http: IntercomHttp): ConversationsApi {
  // Open/close/snooze/assign converge on the same state when repeated, so they keep the default retry.
  const part = (conversationId: string, body: Record<string, unknown>, options: CallOptions | undefined) =>
    http.request({
      method: 'POST',
      path: `${conversationPath(conversationId)}/parts`,
      body: compact(body),
      schema: ConversationSchema,
      retry: options?.retry,
    });

  return {
    get: (conversationId, options) =>
      http.request({
        method: 'GET',
        path: conversationPath(conversationId),
        query: options?.plaintext ? { display_as: 'plaintext' } : undefined,
        schema: ConversationSchema,
        retry: options?.retry,
      }),
    reply: (conversationId, input, options) =>
      http.request({
        method: 'POST',
        path: `${conversationPath(conversationId)}/reply`,
        body: compact({
          message_type: input.messageType ?? 'note',
          type: 'admin',
          admin_id: input.adminId,
          body: input.body,
          skip_notifications: input.skipNotifications,
        }),
        schema: ConversationSchema,
        retry: options?.retry ?? false,
      }),
    replyAsContact: (conversationId, input, options) =>
      http.request({
        method: 'POST',
        path: `${conversationPath(conversationId)}/reply`,
        body: { message_type: 'comment', type: 'user', intercom_user_id: input.contactId, body: input.body },
        schema: ConversationSchema,
        retry: options?.retry ?? false,
      }),
    open: (conversationId, input, options) => part(conversationId, { message_type: 'open', admin_id: input.adminId }, options),
    close: (conversationId, input, options) =>
      part(conversationId, { message_type: 'close', type: 'admin', admin_id: input.adminId, body: input.body }, options),
    snooze: (conversationId, input, options) =>
      part(conversationId, { message_type: 'snoozed', admin_id: input.adminId, snoozed_until: input.snoozedUntil }, options),
    assign: (conversationId, input, options) =>
      part(
        conversationId,
        {
          message_type: 'assignment',
          type: input.assigneeType,
          admin_id: input.adminId,
          assignee_id: input.assigneeId ?? '0',
          body: input.body,
        },
        options,
      ),
  };
}
