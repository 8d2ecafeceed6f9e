/**
 * The app's triage service with the AI answer in front: wherever the app asks for a recommendation (the sidebar,
 * the escalate form, the handoff summary's opening sentence), it gets the cached AI answer when one describes the
 * conversation as it stands, else the local engine's. One cache read; never a provider call (those run in the
 * background job). What the learner replays stays the local engine's scores, and a feedback row says which
 * judge made the suggestion the agent accepted or corrected.
 */
import { lastJudgedPartId } from '../../domain/triage-ai';
import type { Recommended, TriageService } from '../triage';
import type { TriageAiService } from './index';

/** Stored as the feedback's engine version when the suggestion was the AI's. */
export const AI_ENGINE_VERSION = 'ai-1';

export function withAiAnswers(local: TriageService, ai: Pick<TriageAiService, 'cachedRecommendation'>): TriageService {
  const fromAi = new WeakSet<Recommended>();
  return {
    ...local,
    async recommend(workspaceId, conversation, facts) {
      const recommended = await local.recommend(workspaceId, conversation, facts);
      const answer = await ai.cachedRecommendation(workspaceId, conversation.id, lastJudgedPartId(recommended.mapped.input));
      if (!answer) return recommended;
      // `baseScores` is the local service's own closure: learning keeps replaying the engine, not the AI.
      const shown: Recommended = { ...recommended, recommendation: answer };
      fromAi.add(shown);
      return shown;
    },
    feedback(recommended, escalation, choice) {
      const row = local.feedback(recommended, escalation, choice);
      return fromAi.has(recommended) ? { ...row, engineVersion: AI_ENGINE_VERSION } : row;
    },
  };
}
