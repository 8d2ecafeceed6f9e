/**
 * The optional AI triage, with the store and the providers (issue 16). Never on the sidebar's hot path:
 * `compute` runs in an outbox job (enqueued when a conversation webhook or the escalate form brings a new message),
 * reads the conversation from Intercom, judges it with the local engine first, asks the workspace's provider with
 * the policy and a masked transcript inside a time budget, and caches an accepted answer per conversation and last
 * part. `cachedRecommendation` is what the sidebar calls: one primary-key read, the AI answer when it describes the
 * conversation as it stands, else null (the sidebar shows the local engine's). Every fallback is logged without
 * secrets or text and counted.
 */
import { parseContact, parseConversation } from '../../domain/conversation';
import { analyseSignals } from '../../domain/signals';
import type { TriageRecommendation } from '../../domain/triage';
import { lastJudgedPartId, maskedTranscript, storedRecommendation } from '../../domain/triage-ai';
import type { TokenCipher } from '../../security/token-cipher';
import type { Store, TriageAiProvider } from '../../store';
import type { Clock } from '../../util/clock';
import type { SettingsService } from '../settings-service';
import type { TriageService } from '../triage';
import type { WorkspaceDirectory } from '../workspace-directory';
import { openKey } from './ai-settings';
import { askWithinBudget, type FallbackReason } from './ask';
import type { TriageAiCounters } from './counters';
import type { AskProvider } from './providers';

export {
  createTriageAiSettings,
  DEFAULT_MODELS,
  PROVIDER_NAMES,
  type TriageAiSettingsService,
  type TriageAiSettingsView,
} from './ai-settings';
export type { FallbackReason } from './ask';
export { createTriageAiCounters, TRIAGE_AI_METRICS, type TriageAiCounters } from './counters';
export { enqueueTriageAi, requestIfStale, TRIAGE_AI_JOB_KIND, TRIAGE_AI_TOPICS, triageAiJobPayload, triageAiWanted } from './jobs';
export { providerClients } from './providers';
export { type AiKeyRotationReport, resealAiKeys } from './reseal';
export { AI_ENGINE_VERSION, withAiAnswers } from './with-ai';

/** Only ids and outcomes: never the key, the transcript or the provider's words. */
export interface TriageAiLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface TriageAiDeps {
  store: Store;
  directory: Pick<WorkspaceDirectory, 'clientFor'>;
  settings: Pick<SettingsService, 'get'>;
  triage: Pick<TriageService, 'recommend'>;
  cipher: TokenCipher;
  clock: Clock;
  logger: TriageAiLogger;
  providers: Record<TriageAiProvider, AskProvider>;
  counters: TriageAiCounters;
  limits: { timeoutMs: number; maxTranscriptChars: number };
}

export type ComputeOutcome =
  | { status: 'cached'; lastPartId: string }
  | { status: 'fresh' | 'off' | 'not_judged' }
  | { status: 'fallback'; reason: FallbackReason };

export interface TriageAiService {
  /** The AI answer for the conversation as it stands at `lastPartId`, or null (off, none yet, or stale). */
  cachedRecommendation(workspaceId: string, conversationId: string, lastPartId: string | null): Promise<TriageRecommendation | null>;
  /** The background step (outbox job): judge the conversation now and cache an accepted answer. */
  compute(workspaceId: string, conversationId: string): Promise<ComputeOutcome>;
}

export function createTriageAiService(deps: TriageAiDeps): TriageAiService {
  const { store, logger, counters } = deps;

  async function readConversation(workspaceId: string, conversationId: string) {
    const client = await deps.directory.clientFor(workspaceId);
    const conversation = parseConversation(await client.conversations.get(conversationId));
    // The contact gives tier and renewal; without it the engine still judges the text (as the sidebar would).
    const rawContact = conversation.contactId ? await client.contacts.get(conversation.contactId).catch(() => null) : null;
    return { conversation, contact: rawContact ? parseContact(rawContact) : null };
  }

  return {
    async cachedRecommendation(workspaceId, conversationId, lastPartId) {
      if (!lastPartId) return null;
      const entry = await store.triageAi.getCached(workspaceId, conversationId);
      if (!entry || entry.lastPartId !== lastPartId) return null;
      const settings = await store.triageAi.getSettings(workspaceId);
      if (!settings?.enabled || !settings.key) return null;
      return storedRecommendation(entry.recommendation);
    },

    async compute(workspaceId, conversationId) {
      const settings = await store.triageAi.getSettings(workspaceId);
      const apiKey = settings?.enabled ? openKey(deps.cipher, workspaceId, settings) : null;
      if (!settings || !apiKey) return { status: 'off' };
      const { conversation, contact } = await readConversation(workspaceId, conversationId);
      const appSettings = await deps.settings.get(workspaceId);
      const now = deps.clock.now();
      const { facts } = analyseSignals({ conversation, contact, company: null, settings: appSettings.signals, now });
      const { mapped, recommendation: local } = await deps.triage.recommend(workspaceId, conversation, facts);
      const lastPartId = lastJudgedPartId(mapped.input);
      if (!local.judged || !lastPartId) return { status: 'not_judged' };
      if ((await store.triageAi.getCached(workspaceId, conversationId))?.lastPartId === lastPartId) return { status: 'fresh' };

      const transcript = maskedTranscript(mapped.input.messages, deps.limits.maxTranscriptChars);
      const fields = { workspaceId, conversationId, provider: settings.provider, model: settings.model };
      const outcome = await askWithinBudget({
        ask: deps.providers[settings.provider],
        model: settings.model,
        apiKey,
        timeoutMs: deps.limits.timeoutMs,
        input: mapped.input,
        local,
        transcript,
      });
      if (!outcome.ok) {
        counters.fellBack(outcome.reason);
        logger.warn({ ...fields, reason: outcome.reason, detail: outcome.detail }, 'AI triage fell back to the local engine');
        return { status: 'fallback', reason: outcome.reason };
      }
      await store.triageAi.putCached(workspaceId, {
        conversationId,
        lastPartId,
        provider: settings.provider,
        model: settings.model,
        recommendation: outcome.recommendation,
        computedAt: now,
      });
      counters.accepted();
      logger.info({ ...fields, outcome: outcome.recommendation.outcome, omitted: transcript.omitted }, 'AI triage answer cached');
      return { status: 'cached', lastPartId };
    },
  };
}
