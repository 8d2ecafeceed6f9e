/**
 * The workspace's learnt adjustments, kept in memory: the sidebar applies them on every view, and replaying the
 * feedback costs a query and a few milliseconds. An entry stands while the store's change feed reports no write
 * to its workspace (here or in another instance); after one, a cheap revision check (count and newest row) says
 * whether the feedback itself changed, and only then are the rows read and replayed again.
 */
import type { TriageAdjustments } from '../../domain/triage';
import { type LearningExample, learnAdjustments, outcomeForQueue } from '../../domain/triage-learning';
import type { Store, TriageFeedback } from '../../store';

/** The newest rows the learner replays: enough to learn a habit, bounded so a busy workspace stays cheap. */
export const FEEDBACK_WINDOW = 2_000;
/** Workspaces kept; past this the cache starts again (one replay each), it never grows without end. */
const CACHE_MAX = 10_000;

export interface AdjustmentsCache {
  get(workspaceId: string): Promise<TriageAdjustments>;
  invalidate(workspaceId: string): void;
}

/** The agent's queue as the label; escalations to the catch-all queue teach nothing. */
export function examplesFrom(rows: readonly TriageFeedback[]): LearningExample[] {
  const out: LearningExample[] = [];
  for (const row of rows) {
    const label = outcomeForQueue(row.finalQueue);
    if (label !== null) out.push({ signals: row.signals, baseScores: row.baseScores, label });
  }
  return out;
}

export function createAdjustmentsCache(store: Store): AdjustmentsCache {
  const cache = new Map<string, { adjustments: TriageAdjustments; stamp: number; revision: string }>();
  return {
    async get(workspaceId) {
      const hit = cache.get(workspaceId);
      // Feedback is a workspace-wide write (it names no ticket or conversation): ticket traffic leaves this entry alone.
      if (hit && store.changes.subjectsUnchangedSince(workspaceId, hit.stamp, [])) return hit.adjustments;
      const stamp = store.changes.stamp();
      const { count, latestAt } = await store.triageFeedback.revision(workspaceId);
      const revision = `${count}:${latestAt ?? ''}`;
      if (hit && hit.revision === revision) {
        hit.stamp = stamp;
        return hit.adjustments;
      }
      const adjustments =
        count === 0 ? { bias: {} } : learnAdjustments(examplesFrom(await store.triageFeedback.listRecent(workspaceId, FEEDBACK_WINDOW)));
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(workspaceId, { adjustments, stamp, revision });
      return adjustments;
    },
    invalidate(workspaceId) {
      cache.delete(workspaceId);
    },
  };
}
