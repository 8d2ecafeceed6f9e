/**
 * What the conversation already has, from our store only: an open linked ticket, or an escalation still on its
 * way. The form explains either and makes a second ticket an explicit choice (escalate_force).
 */
import type { WorkspaceSettings } from '../../domain/settings';
import type { Blocking, Escalation, Store, TicketLink } from '../../store';

export interface Existing {
  openTicket: Pick<TicketLink, 'ticketId' | 'ticketNumber' | 'title'> | null;
  pendingEscalation: { message: string } | null;
}

export function pendingMessage(escalation: Escalation, settings: WorkspaceSettings): string {
  return `${escalation.request.priority} · ${settings.queues[escalation.request.queue]?.label ?? escalation.request.queue}`;
}

export async function existingWork(
  store: Store,
  workspaceId: string,
  conversationId: string,
  settings: WorkspaceSettings,
): Promise<Existing> {
  const [tickets, active] = await Promise.all([
    store.tickets.listByConversation(workspaceId, conversationId),
    store.escalations.listActiveByConversation(workspaceId, conversationId),
  ]);
  const open = tickets.find((t) => t.isOpen) ?? null;
  const pending = open ? null : (active[0] ?? null);
  return { openTicket: open, pendingEscalation: pending ? { message: pendingMessage(pending, settings) } : null };
}

/** The reserve's reason for refusing, in the same terms. */
export function fromBlocking(blocking: Blocking, settings: WorkspaceSettings): Existing {
  if (blocking.type === 'ticket') return { openTicket: blocking.ticket, pendingEscalation: null };
  const { escalation } = blocking;
  // A linked escalation whose ticket we have no snapshot of yet: the ticket exists, we only lack its details.
  if (escalation.status === 'linked' && escalation.ticketId !== null) {
    return { openTicket: { ticketId: escalation.ticketId, ticketNumber: null, title: 'Escalated ticket' }, pendingEscalation: null };
  }
  return { openTicket: null, pendingEscalation: { message: pendingMessage(escalation, settings) } };
}
