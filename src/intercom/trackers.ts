/**
 * Tracker tickets' linked conversations (2.16): link a conversation to a tracker that already exists, unlink it.
 * Both answer with the conversation. Linking is not idempotent at Intercom (a repeat answers
 * `already_linked_to_tracker`), so it is not retried here: the outbox job that links reads the conversation
 * before it tries again. Unlinking converges (a repeat answers 404 for a link already gone), so it keeps the
 * default retry.
 */
import type { CallOptions } from './call-options';
import { type Conversation, ConversationSchema } from './conversations';
import type { IntercomHttp } from './transport';

export interface TrackersApi {
  linkConversation(trackerId: string, conversationId: string, options?: CallOptions): Promise<Conversation>;
  unlinkConversation(trackerId: string, conversationId: string, options?: CallOptions): Promise<Conversation>;
}

const linksPath = (trackerId: string) => `/tickets/${encodeURIComponent(trackerId)}/linked_conversations`;

export function trackersApi(http: IntercomHttp): TrackersApi {
  return {
    linkConversation: (trackerId, conversationId, options) =>
      http.request({
        method: 'POST',
        path: linksPath(trackerId),
        body: { conversation_id: conversationId },
        schema: ConversationSchema,
        retry: options?.retry ?? false,
      }),
    unlinkConversation: (trackerId, conversationId, options) =>
      http.request({
        method: 'DELETE',
        path: `${linksPath(trackerId)}/${encodeURIComponent(conversationId)}`,
        schema: ConversationSchema,
        retry: options?.retry,
      }),
  };
}
