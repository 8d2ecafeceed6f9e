/** An Intercom ticket read as an incident: is it a tracker, and the snapshot we keep of it. */
import type { Ticket } from '../../intercom';
import type { IncidentSnapshot } from '../../store';

export const TRACKER = 'Tracker';

export function isTracker(ticket: Ticket): boolean {
  return ticket.category === TRACKER;
}

export function incidentSnapshot(ticket: Ticket, fallbackNow: number): IncidentSnapshot {
  const title = ticket.ticket_attributes['_default_title_'];
  const updatedAt = ticket.updated_at ?? Math.floor(fallbackNow / 1000);
  return {
    trackerId: ticket.id,
    ticketNumber: ticket.ticket_id ?? null,
    title: typeof title === 'string' && title.trim() !== '' ? title.trim() : `Tracker ${ticket.ticket_id ?? ticket.id}`,
    stateCategory: ticket.ticket_state?.category ?? 'submitted',
    stateLabel: ticket.ticket_state?.internal_label ?? null,
    open: ticket.open !== false && ticket.ticket_state?.category !== 'resolved',
    linkedCount: linkedConversations(ticket),
    intercomUpdatedAt: updatedAt * 1000,
    createdAt: (ticket.created_at ?? updatedAt) * 1000,
  };
}

/** The tracker's linked conversations: counted from the list, or Intercom's total when the list is cut short. */
function linkedConversations(ticket: Ticket): number {
  const list = ticket.linked_objects as { data: Array<{ type: string }>; total_count?: number; has_more?: boolean };
  if (list.has_more === true && typeof list.total_count === 'number') return list.total_count;
  return list.data.filter((o) => o.type === 'conversation').length;
}
