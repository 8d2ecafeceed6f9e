/**
 * Refresh on a ticket: re-read it from Intercom now and apply it exactly as a webhook would (snapshot, SLA,
 * resolution follow-ups). When Intercom cannot be reached the teammate is told, and the ticket is handed to the
 * reconciliation job, which re-reads it on its next pass.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { STATE_LABELS } from '../../domain/model';
import type { CanvasRequest } from '../types';
import { AppError } from '../../util/app-error';
import { classifyIntercomFailure, intercomStatusLabel } from '../../services/intercom-failure';
import { expectTicketUpdate } from '../../services/sync/expect-update';
import { refreshTicket } from '../../services/sync/refresh-ticket';
import type { TicketLink } from '../../store';
import type { CanvasResponse } from '../types';
import { loadTicket, type TicketActionDeps, ticketNumber } from './common';

function summary(ticket: TicketLink): string {
  const state = ticket.stateLabel ?? STATE_LABELS[ticket.stateCategory];
  return `${state} · ${ticket.priority ?? 'P3'} · Owner: ${ticket.ownerName ?? 'unassigned'}`;
}

export async function refreshOne(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const ticket = await loadTicket(deps, request, ticketId);
  const { workspaceId } = request;
  const number = ticketNumber(ticket);
  try {
    const result = await refreshTicket(deps.sync, workspaceId, ticketId, 'refresh');
    const fresh = result.tracked ? result.ticket : ticket;
    return actionResultCanvas({ kind: 'done', message: `Ticket #${number} is up to date`, detail: summary(fresh), ticketId });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const label = intercomStatusLabel(error);
    if (label !== null && classifyIntercomFailure(error)?.kind === 'give_up') {
      throw new AppError('intercom_rejected', `Intercom could not return ticket #${number} (${label}).`, error);
    }
    const { clock, settings } = deps.flow;
    const maxAgeMs = (await settings.get(workspaceId)).snapshotMaxAgeMinutes * 60_000;
    await expectTicketUpdate(deps.flow.store, workspaceId, ticket, { withinMs: 0, maxAgeMs, now: clock.now() });
    deps.sync.logger.warn(
      { ticketId, err: error instanceof Error ? error.message : String(error) },
      'refresh failed; left to reconciliation',
    );
    return actionResultCanvas({
      kind: 'queued',
      message: `Could not refresh ticket #${number} now`,
      detail: `Intercom is not answering; Handoff will re-read it automatically. Last known: ${summary(ticket)}.`,
      ticketId,
    });
  }
}
