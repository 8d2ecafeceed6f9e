/**
 * Change priority: P1–P4 → the ticket's priority list attribute (`PUT /tickets/{id}`) and the SLA due times,
 * recomputed from the time already spent. Like a note, the change is an outbox job keyed by the form's nonce and
 * tried at once; when Intercom answers, its ticket is applied like any other view (snapshot and clocks move
 * together). When it cannot be reached, the store and the clocks change here and the job sends the value later.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { INPUT_IDS } from '../../../canvases/component-ids';
import { priorityFormCanvas } from '../../../canvases/priority-form';
import { isPriority, type Priority } from '../../domain/model';
import type { CanvasRequest } from '../types';
import { sendTicketPriority } from '../../services/sync/intercom-writes';
import { dedupeKeys, SYNC_JOB_KINDS, type TicketPriorityPayload } from '../../services/sync/sync-jobs';
import type { Store, TicketLink } from '../../store';
import type { CanvasResponse } from '../types';
import { formState, inputText, loadTicket, resultOfExisting, type TicketActionDeps, ticketNumber } from './action-context';
import { randomNonce } from '../../util/nonce';
import { INLINE_GRACE_MS, rejectionText, tryNow } from './inline';

const currentOf = (ticket: TicketLink): Priority => ticket.priority ?? 'P3';

function form(ticket: TicketLink, state: { nonce: string; selected?: Priority; error?: string | null }) {
  return priorityFormCanvas({
    ...state,
    ticketId: ticket.ticketId,
    ticketNumber: ticketNumber(ticket),
    title: ticket.title,
    current: currentOf(ticket),
  });
}

export async function openPriorityForm(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  return form(await loadTicket(deps, request, ticketId), { nonce: randomNonce() });
}

/**
 * Older queued priority changes of this ticket must not land after this one and undo it: they are completed as
 * superseded. (A change already in flight at Intercom can still land late; the next webhook then shows it.)
 */
async function supersedeOlder(tx: Store, ticket: TicketLink, keepJobId: string | null, now: number): Promise<void> {
  const pending = await tx.outbox.listByWorkspace(ticket.workspaceId, { status: 'pending', limit: 500 });
  for (const job of pending) {
    const payload = job.payload as Partial<TicketPriorityPayload> | null;
    if (job.kind !== SYNC_JOB_KINDS.ticketPriority || job.id === keepJobId || payload?.ticketId !== ticket.ticketId) continue;
    await tx.outbox.complete(ticket.workspaceId, job.id, { now, result: { superseded: true } });
  }
}

export async function submitPriority(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const { nonce } = formState(request, 'priority', ticketId);
  const ticket = await loadTicket(deps, request, ticketId);
  const chosen = inputText(request, INPUT_IDS.newPriority);
  if (!isPriority(chosen)) return form(ticket, { nonce, error: 'Choose P1, P2, P3 or P4.' });
  const number = ticketNumber(ticket);
  const done = `Priority of ticket #${number} is now ${chosen}`;
  const detail = 'SLA due times were recalculated from the time already spent.';
  const { store, clock, sla } = deps.flow;
  const { workspaceId } = request;
  // A replayed submit reads as the first one did, even though the ticket already shows its priority by now.
  const replay = await store.outbox.getByDedupeKey(workspaceId, dedupeKeys.ticketPriority(ticketId, nonce));
  if (replay) return resultOfExisting(replay, { done, ticketId });
  if (chosen === ticket.priority) return actionResultCanvas({ kind: 'done', message: `Ticket #${number} is already ${chosen}`, ticketId });

  const payload: TicketPriorityPayload = { ticketId, adminId: request.admin.id, priority: chosen };
  const now = clock.now();
  const { created, job } = await store.outbox.enqueue(workspaceId, {
    kind: SYNC_JOB_KINDS.ticketPriority,
    dedupeKey: dedupeKeys.ticketPriority(ticketId, nonce),
    payload,
    now,
    runAt: now + INLINE_GRACE_MS,
  });
  if (!created) return resultOfExisting(job, { done, ticketId });
  const outcome = await tryNow(deps, job, () => sendTicketPriority(deps.sync, workspaceId, payload));
  if (outcome.kind === 'rejected')
    return form(ticket, { nonce: randomNonce(), selected: chosen, error: `Not changed. ${rejectionText(outcome.reason)}` });

  await store.transaction(async (tx) => {
    await supersedeOlder(tx, ticket, job.id, now);
    // Sent: Intercom's answer was applied (and moved the clocks). Not sent (queued, or no priority attribute on
    // the type): the store and the clocks change here, and the job's later answer finds them already right.
    if (outcome.kind === 'done' && outcome.result.sent) return;
    const latest = (await tx.tickets.get(workspaceId, ticketId)) ?? ticket;
    await tx.tickets.upsert(workspaceId, { ...latest, priority: chosen }, latest.syncedAt);
    await sla.onPriorityChange(tx, workspaceId, ticketId, chosen, now);
  });
  if (outcome.kind === 'done') return actionResultCanvas({ kind: 'done', message: done, detail, ticketId });
  return actionResultCanvas({ kind: 'queued', message: `${done} (queued for Intercom)`, detail: null, ticketId });
}
