/**
 * Runs one case-update job: decide (src/domain/customer-updates/decide.ts) with the facts in the store, read the
 * conversation only when the rules so far allow the update, post the reply the customer sees, record the decision.
 * The case is a linked ticket (case-facts.ts), an incident (incident-update.ts) or a shared case's ticket for an
 * attached conversation (shared-case-update.ts); only the facts read about it differ, the rules, the words, the
 * pacing and the record are these, once.
 *
 * Exactly once: the decision row is keyed by the transition, so a job that already decided returns at once; a
 * reply is not idempotent at Intercom, so a retry that may have posted first looks for its own reply in the
 * conversation it has just read (same admin, same text, not older than the job) and records it instead of posting.
 */
import { allowedOn, planUpdate } from '../../domain/customer-updates/decide';
import { conversationLanguage, updateMessage } from '../../domain/customer-updates/message';
import { parseConversation } from '../../domain/conversation';
import type { CustomerUpdateOutcome, Store } from '../../store';
import { RetryJobError } from '../job-outcomes';
import { containsNote } from '../sync/already-posted';
import { actingAdmin, type Attempt } from '../sync/intercom-writes';
import type { SyncDeps } from '../sync/sync-deps';
import { type CaseFacts, ticketCaseFacts } from './case-facts';
import { incidentCaseFacts } from './incident-update';
import { type CustomerUpdatePayload, caseKeyOf } from './jobs';
import { sharedCaseFacts } from './shared-case-update';

export interface UpdateResult {
  outcome: CustomerUpdateOutcome;
  /** True when this run found the reply an earlier try posted. */
  alreadyPosted?: boolean;
  /** The transition had been decided by an earlier run. */
  decidedBefore?: boolean;
}

/** The facts of the job's case: an incident's, a shared case's for an attached conversation, or a ticket's own. */
function caseFactsOf(store: Store, workspaceId: string, job: CustomerUpdatePayload): Promise<CaseFacts> {
  if (job.linkId !== undefined) return incidentCaseFacts(store, workspaceId, job);
  if (job.attachmentId !== undefined) return sharedCaseFacts(store, workspaceId, job);
  return ticketCaseFacts(store, workspaceId, job.ticketId);
}

export async function sendCaseUpdate(
  sync: SyncDeps,
  workspaceId: string,
  job: CustomerUpdatePayload,
  attempt: Attempt,
): Promise<UpdateResult> {
  const repo = sync.store.customerSide;
  const caseKey = caseKeyOf(job);
  const decided = await repo.getUpdate(workspaceId, caseKey, job.state, job.enteredAt);
  if (decided) return { outcome: decided.outcome, decidedBefore: true };
  const [settings, facts, lastTold, lastSent] = await Promise.all([
    sync.settings.get(workspaceId),
    caseFactsOf(sync.store, workspaceId, job),
    repo.getLastTold(workspaceId, caseKey),
    repo.listSent(workspaceId, job.conversationId, 1),
  ]);
  const now = sync.clock.now();
  const record = async (outcome: CustomerUpdateOutcome, language: string | null = null) => {
    const { linkId: _link, attachmentId: _attachment, ...transition } = job;
    await repo.recordUpdate(workspaceId, { ...transition, ticketId: caseKey, outcome, language, decidedAt: sync.clock.now() });
    return outcome;
  };
  const plan = planUpdate({
    state: job.state,
    enteredAt: job.enteredAt,
    latest: facts.latest,
    lastToldState: lastTold,
    lastSentAt: lastSent[0]?.decidedAt ?? null,
    enabled: facts.enabled(settings),
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
    externalLabel: facts.externalLabel,
    ticketNumber: facts.ticketNumber,
    customerTitle: settings.customer.titles[facts.queue ?? 'default'],
    language,
  });
  const note = { adminId, body, notBefore: attempt.notBefore };
  const posted = attempt.mayHavePosted && containsNote(raw.conversation_parts.conversation_parts, note, 'comment');
  if (!posted) await client.conversations.reply(job.conversationId, { adminId, body, messageType: 'comment' });
  return { outcome: await record('sent', language), alreadyPosted: posted };
}
