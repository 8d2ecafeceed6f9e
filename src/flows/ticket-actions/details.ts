/** "Manage" on a sidebar card: the ticket in full, from the store (no Intercom call), with its actions. */
import { ticketDetailsCanvas } from '../../../canvases/ticket-details';
import type { CanvasRequest } from '../types';
import type { CanvasResponse } from '../types';
import { cardFor, loadTicket, type TicketActionDeps, timeZone } from './action-context';

export async function ticketDetails(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const now = deps.flow.clock.now();
  const ticket = await loadTicket(deps, request, ticketId);
  const [card, tz] = await Promise.all([cardFor(deps, ticket, now), timeZone(deps, request.workspaceId)]);
  return ticketDetailsCanvas({ now, tz, ticket: card });
}
