/**
 * Create ticket, as the teammate clicked it: reserve, then try Intercom inline, else leave it to the outbox.
 *
 * 1. Reserve (one transaction): the idempotency key `workspace:conversation:nonce` collapses double clicks and
 *    Intercom's retries of one form into one escalation; the conversation lock makes two agents' forms collapse
 *    too (the second sees `open_exists` unless it forces). The `escalation.create_ticket` job is enqueued in the
 *    same transaction, due only after the inline attempt has surely settled, so even a crash right after the
 *    reserve loses nothing.
 * 2. `POST /tickets` within the create budget; the triage feedback row is written once it has settled (see
 *    `recordFeedback`, `createInline`). Created → link (see link.ts). Rejected (4xx) → the escalation is `failed` and the form
 *    shows Intercom's message; its job will find it failed and do nothing. Anything else → `queued`; the job looks
 *    for the ticket by its reference before creating one.
 *
 * A nonce after a failure: the failed escalation keeps its key, so a replay of that very submit answers with the
 * same failure and creates nothing. The form that comes back carries a fresh nonce, so the corrected submit is a
 * new escalation (the failed one does not block it).
 */
import type { Priority, QueueKey } from '../../domain/model';
import type { Blocking, Escalation, TicketSnapshot } from '../../store';
import { withBudget } from './budget';
import { type EscalationContext, summaryFor } from './context';
import type { EscalationDeps } from './deps';
import { classify } from './failures';
import { recordFeedback } from './feedback';
import { createTicketInput, JOB_CREATE_TICKET, jobKey, prepareLink } from './link';
import { type EscalationPayload, toRequest } from './payload';
import { payloadFor } from './payload-builder';

export interface EscalationChoice {
  ticketTypeId: string;
  priority: Priority;
  queue: QueueKey;
  reason: string;
  shareWithCustomer: boolean;
}

export type SubmitOutcome =
  | { kind: 'created'; escalation: Escalation; ticket: TicketSnapshot }
  | { kind: 'queued'; escalation: Escalation }
  | { kind: 'rejected'; escalation: Escalation; message: string }
  | { kind: 'blocked'; blocking: Blocking };

export function idempotencyKey(workspaceId: string, conversationId: string, nonce: string): string {
  return `${workspaceId}:${conversationId}:${nonce}`;
}

export async function submitEscalation(
  deps: EscalationDeps,
  adminId: string,
  context: EscalationContext,
  choice: EscalationChoice,
  options: { nonce: string; force: boolean; afterReply?: (work: () => Promise<void>) => void },
): Promise<SubmitOutcome> {
  const { workspaceId, conversationId } = context;
  const type = context.types.find((t) => t.id === choice.ticketTypeId);
  if (!type) throw new Error('submitEscalation needs a validated ticket type');
  const payload = payloadFor(context, type, choice, summaryFor(deps, context, choice.reason));
  const now = deps.clock.now();
  // One transaction: the reservation and, for a new escalation, its create job (both or neither).
  const reserved = await deps.store.escalations.reserve(workspaceId, {
    idempotencyKey: idempotencyKey(workspaceId, conversationId, options.nonce),
    conversationId,
    contactId: context.contactId,
    adminId,
    request: toRequest(payload),
    force: options.force,
    now,
    status: 'creating',
    job: (id) => ({
      kind: JOB_CREATE_TICKET,
      dedupeKey: jobKey(JOB_CREATE_TICKET, id),
      payload: { escalationId: id },
      now,
      runAt: now + deps.budgets.settleMs,
    }),
  });
  switch (reserved.kind) {
    case 'open_exists':
      return { kind: 'blocked', blocking: reserved.blocking };
    case 'duplicate':
      return duplicateOutcome(deps, reserved.escalation);
    case 'new':
      deps.logger.info({ workspaceId, escalationId: reserved.escalation.id, forced: options.force }, 'escalation reserved');
      return createInline(deps, reserved.escalation, payload, options.afterReply, () =>
        recordFeedback(deps, context, choice, reserved.escalation.id, now),
      );
  }
}

async function duplicateOutcome(deps: EscalationDeps, escalation: Escalation): Promise<SubmitOutcome> {
  if (escalation.status === 'failed')
    return { kind: 'rejected', escalation, message: escalation.lastError ?? 'Intercom rejected the ticket.' };
  if (escalation.status === 'linked' && escalation.ticketId !== null) {
    const ticket = await deps.store.tickets.get(escalation.workspaceId, escalation.ticketId);
    if (ticket) return { kind: 'created', escalation, ticket };
  }
  return { kind: 'queued', escalation };
}

/**
 * With `afterReply` (the submit route), the teammate is answered as soon as Intercom has created the ticket, and the
 * link transaction runs right after the answer: it is our bookkeeping, idempotent, and the create job reserved
 * above completes it should it fail or the process stop first. Without it (no route), the link comes first.
 *
 * `afterwards` (the triage feedback, which never throws) runs once the create has settled, after the link: started
 * beside the create, it ran before the request reached the socket (the connection is handed over a turn of the
 * event loop later, after `setImmediate`), so its milliseconds of CPU delayed `POST /tickets` itself.
 */
async function createInline(
  deps: EscalationDeps,
  escalation: Escalation,
  payload: EscalationPayload,
  afterReply: ((work: () => Promise<void>) => void) | undefined,
  afterwards: () => Promise<void>,
): Promise<SubmitOutcome> {
  const outcome = await attemptCreate(deps, escalation, payload, afterReply);
  if (afterReply) afterReply(afterwards);
  else await afterwards();
  return outcome;
}

async function attemptCreate(
  deps: EscalationDeps,
  escalation: Escalation,
  payload: EscalationPayload,
  afterReply: ((work: () => Promise<void>) => void) | undefined,
): Promise<SubmitOutcome> {
  const { workspaceId, id } = escalation;
  let created: TicketSnapshot | null = null;
  try {
    const client = await deps.directory.clientFor(workspaceId);
    // Both at once: the create rejecting early must not wait for (nor be left unobserved by) the other, which never throws.
    const ticket = await withBudget(
      client.tickets.create(createTicketInput(escalation, payload)),
      deps.budgets.createMs,
      'creating the ticket',
    );
    const notLinked = (error: unknown) =>
      // The ticket exists and carries its reference: the queued job finds and links it.
      deps.logger.warn({ workspaceId, escalationId: id, err: String(error) }, 'ticket created but not linked yet; the outbox will link it');
    try {
      const link = await prepareLink(deps, escalation, payload, ticket);
      if (afterReply) {
        afterReply(() => link.commit().then(() => undefined, notLinked));
        created = link.snapshot;
      } else {
        created = await link.commit();
      }
    } catch (error) {
      notLinked(error);
      return { kind: 'queued', escalation };
    }
  } catch (error) {
    const failure = classify(error) ?? { kind: 'transient' as const, message: 'unexpected error', retryAt: null };
    const now = deps.clock.now();
    if (failure.kind === 'rejected') {
      const failed = await deps.store.escalations.updateStatus(
        workspaceId,
        id,
        { status: 'failed', lastError: failure.message, addAttempts: 1 },
        now,
      );
      deps.logger.warn({ workspaceId, escalationId: id, reason: failure.message }, 'Intercom rejected the ticket');
      return { kind: 'rejected', escalation: failed ?? escalation, message: failure.message };
    }
    const queued = await deps.store.escalations.updateStatus(
      workspaceId,
      id,
      { status: 'queued', lastError: failure.message, addAttempts: 1 },
      now,
    );
    deps.logger.warn({ workspaceId, escalationId: id, reason: failure.message }, 'ticket create deferred to the outbox');
    return { kind: 'queued', escalation: queued ?? escalation };
  }
  return { kind: 'created', escalation, ticket: created };
}
