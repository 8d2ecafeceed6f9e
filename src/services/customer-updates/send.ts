/**
 * Runs one case-update job: decide (src/domain/customer-updates/decide.ts) with the facts in the store, read the
 * conversation only when the rules so far allow the update, post the reply the customer sees, record the decision.
 * The case is a linked ticket or an incident (incident-update.ts); only the facts read about it differ, the rules,
 * the words, the pacing and the record are these, once.
 *
 * Exactly once: the decision row is keyed by the transition, so a job that already decided returns at once; a
 * reply is not idempotent at Intercom, so a retry that may have posted first looks for its own reply in the
 * conversation it has just read (same admin, same text, not older than the job) and records it instead of posting.
 */
import { allowedOn, planUpdate } from '../../domain/customer-updates/decide';
import { conversationLanguage, updateMessage } from '../../domain/customer-updates/message';
import { parseConversation } from '../../domain/conversation';
import type { QueueKey, StateCategory } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import type { CustomerUpdateOutcome } from '../../store';
import { RetryJobError } from '../job-outcomes';
import { containsNote } from '../sync/already-posted';
import { actingAdmin, type Attempt } from '../sync/intercom-writes';
import type { SyncDeps } from '../sync/sync-deps';
import { incidentCaseFacts } from './incident-update';
import { type CustomerUpdatePayload, caseKeyOf } from './jobs';
import { updatesEnabled } from './record-state';

export interface UpdateResult {
  outcome: CustomerUpdateOutcome;
  /** True when this run found the reply an earlier try posted. */
  alreadyPosted?: boolean;
  /** The transition had been decided by an earlier run. */
  decidedBefore?: boolean;
}

/** What the rules and the words need to know of the case, whichever kind it is. */
export interface CaseFacts {
  /** Whether the case still posts updates under these settings. */
  enabled(settings: WorkspaceSettings): boolean;
  /** The case's latest transition (null before its first). */
  latest: { state: StateCategory; changedAt: number } | null;
  /** The state's customer-facing label, when Intercom has one. */
  externalLabel: string | null;
  /** The reference the customer may be shown ("#123"), when there is one they can know. */
  ticketNumber: string | null;
  /** Picks the customer-facing title; null reads as the default queue. */
  queue: QueueKey | null;
}

async function ticketCaseFacts(sync: SyncDeps, workspaceId: string, ticketId: string): Promise<CaseFacts> {
  const [ticket, latest] = await Promise.all([
    sync.store.tickets.get(workspaceId, ticketId),
    sync.store.customerSide.getState(workspaceId, ticketId),
  ]);
  return {
    enabled: (settings) => ticket !== null && updatesEnabled(settings, ticket),
    latest: latest ? { state: latest.state, changedAt: latest.changedAt } : null,
    externalLabel: latest?.externalLabel ?? null,
    ticketNumber: ticket?.ticketNumber ?? null,
    queue: ticket?.queue ?? null,
  };
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
    job.linkId === undefined ? ticketCaseFacts(sync, workspaceId, job.ticketId) : incidentCaseFacts(sync.store, workspaceId, job),
    repo.getLastTold(workspaceId, caseKey),
    repo.listSent(workspaceId, job.conversationId, 1),
  ]);
  const now = sync.clock.now();
  const record = async (outcome: CustomerUpdateOutcome, language: string | null = null) => {
    const { linkId: _link, ...transition } = job;
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
