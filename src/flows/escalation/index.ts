/**
 * The escalate flow's entries in the submit table. "Add a note instead" delegates to the ticket note form
 * (`ticket_note_open`, owned by the ticket actions and handed in by the composition root) with the open ticket
 * from stored_data.
 */
import { decodeStoredData } from '../../../canvases/stored-data';
import { AppError } from '../../util/app-error';
import type { EscalationDeps } from '../../services/escalation';
import type { SubmitHandler, SubmitTable } from '../submit-table';
import { openEscalation } from './open';
import { submitEscalationForm } from './submit';

export function escalationHandlers(deps: EscalationDeps, noteForm: SubmitHandler | undefined): SubmitTable {
  const addNoteInstead: SubmitHandler = async (request, _arg, ctx) => {
    const ticketId = decodeStoredData(request.storedData)?.ticketId;
    const ticket = ticketId ? await deps.store.tickets.get(request.workspaceId, ticketId) : null;
    if (!noteForm || !ticket || ticket.conversationId !== request.conversationId) {
      throw new AppError('stale_canvas', 'That ticket is not linked to this conversation any more. Refresh to see the current view.');
    }
    return noteForm(request, ticket.ticketId, ctx);
  };
  return {
    escalate_open: (request) => openEscalation(deps, request),
    escalate_submit: (request, _arg, ctx) => submitEscalationForm(deps, request, false, ctx),
    escalate_force: (request, _arg, ctx) => submitEscalationForm(deps, request, true, ctx),
    escalate_add_note_instead: addNoteInstead,
  };
}
