/**
 * The latest problem signature of each conversation the sidebar has shown (migration 0009): the keys the
 * incident grouping compares (error codes, failing features, outage words). Written on each view; the sidebar
 * of another conversation reads the workspace's recent ones to notice "4 other conversations mention …".
 * Not observed by the change feed: a count a minute old is fine, and a write per view must not spoil reuse.
 */
import { fromJson, type RepoContext, toJson } from './repo-helpers';

export interface ConversationSignal {
  conversationId: string;
  keys: string[];
  seenAt: number;
}

export interface ConversationSignalsRepo {
  /** Replaces the conversation's signature; an empty one is removed (nothing to group on). */
  put(workspaceId: string, conversationId: string, keys: readonly string[], now: number): Promise<void>;
  /** Signatures seen since `since`, newest first, at most `limit`. */
  listSince(workspaceId: string, since: number, limit: number): Promise<ConversationSignal[]>;
}

export function createConversationSignalsRepo({ db }: RepoContext): ConversationSignalsRepo {
  return {
    async put(workspaceId, conversationId, keys, now) {
      if (keys.length === 0) {
        await db
          .deleteFrom('conversation_signals')
          .where('workspace_id', '=', workspaceId)
          .where('conversation_id', '=', conversationId)
          .execute();
        return;
      }
      const values = { keys_json: toJson([...keys]), seen_at: now };
      await db
        .insertInto('conversation_signals')
        .values({ workspace_id: workspaceId, conversation_id: conversationId, ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doUpdateSet(values))
        .execute();
    },
    async listSince(workspaceId, since, limit) {
      const rows = await db
        .selectFrom('conversation_signals')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('seen_at', '>=', since)
        .orderBy('seen_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        conversationId: row.conversation_id,
        keys: fromJson(row.keys_json) as string[],
        seenAt: Number(row.seen_at),
      }));
    },
  };
}
