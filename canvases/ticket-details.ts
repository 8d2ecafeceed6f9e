/** One linked ticket in full, with what a teammate can do to it from the conversation. */
import { encodeComponentId } from './component-ids';
import { button, dataTable, finalizeCanvas, submitAction, text } from './kit';
import type { CanvasResponse } from './kit/types';
import { asOf, clockLine, linkButton, navigation, orderedClocks } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import { openInIntercomButton } from './ticket-card';
import type { TicketDetailsVM } from './view-models';

export function ticketDetailsCanvas(vm: TicketDetailsVM): CanvasResponse {
  const t = vm.ticket;
  // The Inbox truncates data-table values and shows the rest on hover, so long values may stay long here.
  const rows = [
    { field: 'Ticket', value: `#${t.ticketNumber}` },
    { field: 'State', value: t.pending ? `${t.stateLabel} (update pending)` : t.stateLabel },
    { field: 'Priority', value: t.priority },
    { field: 'Queue', value: t.queueLabel },
    { field: 'Team', value: t.teamName ?? '—' },
    { field: 'Owner', value: t.ownerName ?? 'Unassigned' },
    ...(t.tightenedReason ? [{ field: 'SLA tightened', value: t.tightenedReason }] : []),
  ];
  const action = (id: 'ticket_note_open' | 'ticket_priority_open' | 'ticket_refresh', label: string) =>
    button({ id: encodeComponentId(id, t.ticketId), label, style: 'secondary', action: submitAction() });
  const components = [
    text(t.title, { style: 'header' }),
    dataTable(rows),
    // SLA lines are text, not table rows: a truncated due time would hide the one thing that matters.
    ...orderedClocks(t.clocks).map((c) => text(clockLine(c, vm.tz))),
    asOf(vm.now, vm.tz),
    action('ticket_note_open', 'Add note'),
    action('ticket_priority_open', 'Change priority'),
    action('ticket_refresh', 'Refresh ticket'),
    openInIntercomButton(t),
    ...navigation(linkButton('Back', 'back')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'ticket', ticketId: t.ticketId }), { first: false });
}
