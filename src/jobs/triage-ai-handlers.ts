/**
 * The outbox handler of the optional AI triage: judge one conversation with the workspace's provider and cache an
 * accepted answer. Provider failures are not job failures (the local engine's recommendation stands, counted
 * and logged by the service); an Intercom read that fails is retried like any sync job.
 */
import { asOutboxJob } from '../services/intercom-failure';
import { parsePayload } from '../services/sync/parse-payload';
import { TRIAGE_AI_JOB_KIND, type TriageAiService, triageAiJobPayload } from '../services/triage-ai';
import type { OutboxHandler } from './outbox-worker';

export function createTriageAiHandlers(triageAi: Pick<TriageAiService, 'compute'>): Record<string, OutboxHandler> {
  return {
    [TRIAGE_AI_JOB_KIND]: (job) =>
      asOutboxJob(() => triageAi.compute(job.workspaceId, parsePayload(triageAiJobPayload, job.payload).conversationId)),
  };
}
