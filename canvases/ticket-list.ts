/** "Show all N tickets": every linked ticket as a list row; a row opens that ticket's details. */
import { encodeComponentId } from './component-ids';
import { finalizeCanvas, list, listItem, submitAction, text } from './kit';
import type { CanvasResponse } from './kit/types';
import { asOf, clockLine, linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import { mostUrgentClock, ticketStatus } from './ticket-card';
import type { TicketListVM } from './view-models';

export function ticketListCanvas(vm: TicketListVM): CanvasResponse {
  const items = vm.tickets.map((t) => {
    const urgent = mostUrgentClock(t.clocks);
    return listItem({
      id: encodeComponentId('ticket_details', t.ticketId),
      title: trim(t.title, 80),
      subtitle: ticketStatus(t),
      tertiaryText: urgent ? clockLine(urgent, vm.tz) : undefined,
      action: submitAction(),
    });
  });
  const components = [
    text(`Linked tickets (${vm.tickets.length})`, { style: 'header' }),
    ...(items.length > 0 ? [list(items)] : [text('No back-office ticket linked to this conversation.', { style: 'muted' })]),
    asOf(vm.now, vm.tz),
    ...navigation(linkButton('Back', 'back')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'home' }), { first: false });
}
