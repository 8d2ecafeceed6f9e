/**
 * The last recommendations made, by conversation as it stands: the same conversation viewed again (another
 * teammate, a refresh, the form after the sidebar) is not analysed again unless a part was added, the account
 * facts changed or the workspace learnt something. A 500-part conversation costs the engine milliseconds, and
 * the sidebar is viewed far more often than conversations change. Bounded, oldest entry out first.
 */
import type { ConversationView } from '../../domain/conversation';
import type { AccountFacts } from '../../domain/recommendation';
import type { TriageAdjustments } from '../../domain/triage';

const MAX_ENTRIES = 5_000;

export interface RecentRecommendations<T> {
  get(workspaceId: string, conversation: ConversationView, facts: AccountFacts, adjustments: TriageAdjustments): T | undefined;
  set(workspaceId: string, conversation: ConversationView, facts: AccountFacts, adjustments: TriageAdjustments, value: T): void;
}

/** What identifies the conversation "as it stands": its last part, how many there are, the account facts. */
function keyOf(workspaceId: string, conversation: ConversationView, facts: AccountFacts): string {
  const last = conversation.parts[conversation.parts.length - 1];
  return JSON.stringify([
    workspaceId,
    conversation.id,
    conversation.parts.length,
    last?.id ?? null,
    last?.createdAt ?? null,
    last?.text.length ?? null,
    facts.tier,
    facts.isVip,
    facts.renewalInDays,
  ]);
}

export function createRecentRecommendations<T>(): RecentRecommendations<T> {
  // Insertion order is the eviction order; the adjustments object is compared by identity (the cache replaces it
  // whenever the workspace learnt something).
  const entries = new Map<string, { adjustments: TriageAdjustments; value: T }>();
  return {
    get(workspaceId, conversation, facts, adjustments) {
      const hit = entries.get(keyOf(workspaceId, conversation, facts));
      return hit && hit.adjustments === adjustments ? hit.value : undefined;
    },
    set(workspaceId, conversation, facts, adjustments, value) {
      const key = keyOf(workspaceId, conversation, facts);
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { adjustments, value });
    },
  };
}
