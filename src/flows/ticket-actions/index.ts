/**
 * The sidebar's ticket actions, as entries of the submit table: details, note, priority, refresh. (The escalate
 * form's "add a note instead" belongs to the escalation flow, which opens `ticket_note_open` from here.)
 */
import type { CanvasRequest } from '../types';
import { AppError } from '../../util/app-error';
import type { SubmitHandler, SubmitTable } from '../submit-table';
import type { CanvasResponse } from '../types';
import type { TicketActionDeps } from './action-context';
import { ticketDetails } from './details';
import { openNoteForm, submitNote } from './note';
import { openPriorityForm, submitPriority } from './priority';
import { refreshOne } from './refresh';

export type { TicketActionDeps } from './action-context';

type TicketHandler = (deps: TicketActionDeps, request: CanvasRequest, ticketId: string) => Promise<CanvasResponse>;

function perTicket(deps: TicketActionDeps, handler: TicketHandler): SubmitHandler {
  return (request, ticketId) => {
    if (ticketId === null) throw new AppError('stale_canvas', 'That button is not available any more. Refresh to see the current view.');
    return handler(deps, request, ticketId);
  };
}

export function ticketActions(deps: TicketActionDeps): SubmitTable {
  return {
    ticket_details: perTicket(deps, ticketDetails),
    ticket_note_open: perTicket(deps, openNoteForm),
    ticket_note_submit: perTicket(deps, submitNote),
    ticket_priority_open: perTicket(deps, openPriorityForm),
    ticket_priority_submit: perTicket(deps, submitPriority),
    ticket_refresh: perTicket(deps, refreshOne),
  };
}
