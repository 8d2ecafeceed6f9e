/**
 * Triage in the app: the recommendation for a conversation with the workspace's learnt adjustments, the feedback
 * row an escalation leaves, and the acceptance figures for the settings page. The engine itself is pure
 * (src/domain/triage); this is where the store comes in.
 */
import type { ConversationView } from '../../domain/conversation';
import type { Priority, QueueKey } from '../../domain/model';
import { type AccountFacts, type MappedInput, triageInputFrom } from '../../domain/recommendation';
import { TRIAGE_OUTCOMES, type TriageAdjustments, type TriageOutcome, type TriageRecommendation, triage } from '../../domain/triage';
import { type FeedbackStats, feedbackStats } from '../../domain/triage-learning';
import type { Store, TriageFeedbackInput } from '../../store';
import { type AdjustmentsCache, createAdjustmentsCache, FEEDBACK_WINDOW } from './adjustments-cache';

export { examplesFrom, FEEDBACK_WINDOW } from './adjustments-cache';

/** Stored beside every suggestion, so feedback from a different engine can be told apart. */
export const ENGINE_VERSION = 'local-1';

export interface Recommended {
  mapped: MappedInput;
  /** With this workspace's adjustments: what the teammate is shown. */
  recommendation: TriageRecommendation;
  /** The engine's scores without the adjustments (what the learner replays against). */
  baseScores(): Partial<Record<TriageOutcome, number>>;
}

export interface TriageService {
  recommend(workspaceId: string, conversation: ConversationView, facts: AccountFacts): Promise<Recommended>;
  /** The feedback row for an escalation of this conversation, to be recorded in the escalation's transaction. */
  feedback(recommended: Recommended, escalation: { id: string; conversationId: string; now: number }, choice: { queue: QueueKey; priority: Priority }): TriageFeedbackInput;
  /** Forget the cached adjustments after new feedback (other instances hear of it through the change feed). */
  invalidate(workspaceId: string): void;
  stats(workspaceId: string): Promise<FeedbackStats & { window: number }>;
}

function scoresOf(recommendation: TriageRecommendation): Partial<Record<TriageOutcome, number>> {
  const out: Partial<Record<TriageOutcome, number>> = {};
  for (const candidate of recommendation.candidates) if (TRIAGE_OUTCOMES.includes(candidate.outcome)) out[candidate.outcome] = candidate.score;
  return out;
}

function hasBias(adjustments: TriageAdjustments): boolean {
  return Object.keys(adjustments.bias).length > 0;
}

export function createTriageService(store: Store, cache: AdjustmentsCache = createAdjustmentsCache(store)): TriageService {
  return {
    async recommend(workspaceId, conversation, facts) {
      const adjustments = await cache.get(workspaceId);
      const mapped = triageInputFrom(conversation, facts);
      const recommendation = hasBias(adjustments) ? triage(mapped.input, adjustments) : triage(mapped.input);
      let base: Partial<Record<TriageOutcome, number>> | null = null;
      return {
        mapped,
        recommendation,
        baseScores: () => {
          base ??= scoresOf(hasBias(adjustments) ? triage(mapped.input) : recommendation);
          return base;
        },
      };
    },

    feedback(recommended, escalation, choice) {
      const { recommendation } = recommended;
      return {
        escalationId: escalation.id,
        conversationId: escalation.conversationId,
        now: escalation.now,
        engineVersion: ENGINE_VERSION,
        judged: recommendation.judged,
        suggestedOutcome: recommendation.outcome,
        suggestedPriority: recommendation.priority,
        signals: recommendation.signals,
        baseScores: recommended.baseScores(),
        finalQueue: choice.queue,
        finalPriority: choice.priority,
      };
    },

    invalidate: (workspaceId) => cache.invalidate(workspaceId),

    async stats(workspaceId) {
      const rows = await store.triageFeedback.listRecent(workspaceId, FEEDBACK_WINDOW);
      return { ...feedbackStats(rows), window: FEEDBACK_WINDOW };
    },
  };
}
