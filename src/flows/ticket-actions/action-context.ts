/**
 * What every ticket action shares: the dependencies, loading the ticket a button names (only if it is linked to
 * the conversation the teammate is looking at), its card, and how an outbox job's state reads to a
 * teammate. Component ids and stored_data come from our own canvases in signed requests, but a canvas may have
 * sat open for hours, so the ticket is always re-read from the store.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { decodeStoredData, type Flow, type StoredData } from '../../../canvases/stored-data';
import type { TicketCardVM } from '../../../canvases/view-models';
import type { CanvasRequest } from '../types';
import { AppError } from '../../util/app-error';
import type { SyncDeps } from '../../services/sync/sync-deps';
import type { OutboxJob, TicketLink } from '../../store';
import type { FlowDeps } from '../deps';
import { timeZoneOf } from '../sidebar';
import { ticketCard } from '../ticket-card-model';
import type { CanvasResponse } from '../types';

export interface TicketActionDeps {
  flow: FlowDeps;
  sync: SyncDeps;
}

export const STALE_TICKET = 'That ticket is not linked to this conversation any more. Refresh to see the current view.';

export async function loadTicket(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<TicketLink> {
  const ticket = await deps.flow.store.tickets.get(request.workspaceId, ticketId);
  if (!ticket || ticket.conversationId !== request.conversationId) throw new AppError('stale_canvas', STALE_TICKET);
  return ticket;
}

export async function cardFor(deps: TicketActionDeps, ticket: TicketLink, now: number): Promise<TicketCardVM> {
  const { store, settings, ticketUrl } = deps.flow;
  const [workspaceSettings, clocks] = await Promise.all([
    settings.get(ticket.workspaceId),
    store.clocks.listByTicket(ticket.workspaceId, ticket.ticketId),
  ]);
  return ticketCard(ticket, clocks, workspaceSettings, now, ticketUrl(ticket.workspaceId, ticket.ticketId));
}

export async function timeZone(deps: TicketActionDeps, workspaceId: string) {
  return timeZoneOf(await deps.flow.directory.get(workspaceId));
}

export const ticketNumber = (ticket: TicketLink) => ticket.ticketNumber ?? ticket.ticketId;

/** The form's stored_data, only if it is the form of this flow for this ticket. */
export function formState(request: CanvasRequest, flow: Flow, ticketId: string): StoredData & { nonce: string } {
  const stored = decodeStoredData(request.storedData);
  if (!stored || stored.flow !== flow || stored.ticketId !== ticketId || !stored.nonce) {
    throw new AppError('stale_canvas', 'This form is out of date. Open it again from the ticket.');
  }
  return { ...stored, nonce: stored.nonce };
}

/** A second submit of a form that already has its job: say where that job is instead of doing it again. */
export function resultOfExisting(job: OutboxJob, what: { done: string; ticketId: string }): CanvasResponse {
  if (job.status === 'done') return actionResultCanvas({ kind: 'done', message: what.done, ticketId: what.ticketId });
  if (job.status === 'dead') {
    throw new AppError('intercom_rejected', 'Intercom did not accept this change earlier. Open the form again to retry.');
  }
  return actionResultCanvas({ kind: 'queued', message: `${what.done} (queued)`, ticketId: what.ticketId });
}

/** Text a teammate typed, from `input_values` (missing, null and non-strings all read as empty). */
export function inputText(request: CanvasRequest, id: string): string {
  const value = request.inputValues[id];
  return typeof value === 'string' ? value : '';
}

export function inputChecked(request: CanvasRequest, id: string, option: string): boolean {
  const value = request.inputValues[id];
  return Array.isArray(value) && value.includes(option);
}
