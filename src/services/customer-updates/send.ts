/**
 * Runs one case-update job: decide (src/domain/customer-updates/decide.ts) with the facts in the store, read the
 * conversation only when the rules so far allow the update, post the reply the customer sees, record the decision.
 *
 * Exactly once: the decision row is keyed by the transition, so a job that already decided returns at once; a
 * reply is not idempotent at Intercom, so a retry that may have posted first looks for its own reply in the
 * conversation it has just read (same admin, same text, not older than the job) and records it instead of posting.
 */
import { allowedOn, planUpdate } from '../../domain/customer-updates/decide';
import { conversationLanguage, updateMessage } from '../../domain/customer-updates/message';
import { parseConversation } from '../../domain/conversation';
import type { CustomerUpdateOutcome } from '../../store';
import { RetryJobError } from '../job-outcomes';
import { containsNote } from '../sync/already-posted';
import { actingAdmin, type Attempt } from '../sync/intercom-writes';
import type { SyncDeps } from '../sync/sync-deps';
import type { CustomerUpdatePayload } from './jobs';
import { updatesEnabled } from './record-state';

export interface UpdateResult {
  outcome: CustomerUpdateOutcome;
  /** True when this run found the reply an earlier try posted. */
  alreadyPosted?: boolean;
  /** The transition had been decided by an earlier run. */
  decidedBefore?: boolean;
}

export async function sendCaseUpdate(
  sync: SyncDeps,
  workspaceId: string,
  job: CustomerUpdatePayload,
  attempt: Attempt,
): Promise<UpdateResult> {
  const repo = sync.store.customerSide;
  const decided = await repo.getUpdate(workspaceId, job.ticketId, job.state, job.enteredAt);
  if (decided) return { outcome: decided.outcome, decidedBefore: true };
  const [settings, ticket, latest, lastTold, lastSent] = await Promise.all([
    sync.settings.get(workspaceId),
    sync.store.tickets.get(workspaceId, job.ticketId),
    repo.getState(workspaceId, job.ticketId),
    repo.getLastTold(workspaceId, job.ticketId),
    repo.listSent(workspaceId, job.conversationId, 1),
  ]);
  const now = sync.clock.now();
  const record = async (outcome: CustomerUpdateOutcome, language: string | null = null) => {
    await repo.recordUpdate(workspaceId, { ...job, outcome, language, decidedAt: sync.clock.now() });
    return outcome;
  };
  const plan = planUpdate({
    state: job.state,
    enteredAt: job.enteredAt,
    latest: latest ? { state: latest.state, changedAt: latest.changedAt } : null,
    lastToldState: lastTold,
    lastSentAt: lastSent[0]?.decidedAt ?? null,
    enabled: ticket !== null && updatesEnabled(settings, ticket),
    intervalMs: settings.customer.intervalMinutes * 60_000,
    now,
  });
  if (plan.kind === 'skip') return { outcome: await record(plan.outcome) };
  // The worker retries at this time; by then a later state may own the news, and this run will say superseded.
  if (plan.kind === 'wait') throw new RetryJobError('waiting for the conversation’s update interval', plan.until);

  const [client, adminId] = await Promise.all([sync.directory.clientFor(workspaceId), actingAdmin(sync, workspaceId, null)]);
  const raw = await client.conversations.get(job.conversationId);
  const conversationState = raw.state ?? (raw.open === false ? 'closed' : 'open');
  if (!allowedOn(conversationState, job.state, settings.resolveBehaviour)) return { outcome: await record('closed') };

  const language = conversationLanguage(parseConversation(raw), settings.customer.defaultLanguage);
  const body = updateMessage(settings.customer, {
    state: job.state,
    externalLabel: latest?.externalLabel ?? null,
    ticketNumber: ticket?.ticketNumber ?? null,
    customerTitle: settings.customer.titles[ticket?.queue ?? 'default'],
    language,
  });
  const note = { adminId, body, notBefore: attempt.notBefore };
  const posted = attempt.mayHavePosted && containsNote(raw.conversation_parts.conversation_parts, note, 'comment');
  if (!posted) await client.conversations.reply(job.conversationId, { adminId, body, messageType: 'comment' });
  return { outcome: await record('sent', language), alreadyPosted: posted };
}
