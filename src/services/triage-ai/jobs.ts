/**
 * The background job that asks the AI provider: one outbox kind, its payload, and how it is enqueued. A dedupe key
 * names the cause (one webhook notification, one escalate form), so a redelivered webhook finds its first row; the
 * job itself skips a conversation whose cached answer already matches its last part, so extra jobs cost one read.
 */
import { z } from 'zod';
import type { Store } from '../../store';

export const TRIAGE_AI_JOB_KIND = 'triage_ai.compute';

export const triageAiJobPayload = z.object({ conversationId: z.string().min(1).max(200) });
export type TriageAiJobPayload = z.infer<typeof triageAiJobPayload>;

/** Conversation webhooks that bring a new message the recommendation should read. */
export const TRIAGE_AI_TOPICS: ReadonlySet<string> = new Set([
  'conversation.user.created',
  'conversation.user.replied',
  'conversation.admin.replied',
]);

/** Whether this workspace has the AI provider switched on with a key: the only case a job is worth enqueueing. */
export async function triageAiWanted(store: Store, workspaceId: string): Promise<boolean> {
  const settings = await store.triageAi.getSettings(workspaceId);
  return Boolean(settings?.enabled && settings.key);
}

/** Enqueues the job in the caller's transaction; 1 when a new row was written (the caller pokes the outbox), else 0. */
export async function enqueueTriageAi(
  tx: Store,
  workspaceId: string,
  job: { conversationId: string; cause: string; now: number },
): Promise<number> {
  const payload: TriageAiJobPayload = { conversationId: job.conversationId };
  const { created } = await tx.outbox.enqueue(workspaceId, {
    kind: TRIAGE_AI_JOB_KIND,
    dedupeKey: `triage-ai:${job.conversationId}:${job.cause}`,
    payload,
    now: job.now,
  });
  return created ? 1 : 0;
}

/**
 * Escalate read the conversation afresh (form or submit): when the workspace uses the AI provider and its cached
 * answer is not for the last judged part, enqueue the job (once per part: the part is the dedupe cause).
 * True when a job was written (the caller pokes the outbox).
 */
export async function requestIfStale(
  store: Store,
  workspaceId: string,
  job: { conversationId: string; lastPartId: string | null; now: number },
): Promise<boolean> {
  if (!job.lastPartId || !(await triageAiWanted(store, workspaceId))) return false;
  if ((await store.triageAi.getCached(workspaceId, job.conversationId))?.lastPartId === job.lastPartId) return false;
  const cause = `part:${job.lastPartId}`;
  return (await enqueueTriageAi(store, workspaceId, { conversationId: job.conversationId, cause, now: job.now })) > 0;
}
