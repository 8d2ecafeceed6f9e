/**
 * Resolutions and reopenings of linked tickets, for the reports. Called by the apply step of every ticket view
 * (src/services/sync/apply-ticket.ts) inside its transaction, so a view that changes the state and the record of
 * that change commit together; a view applied twice records nothing new (the row's key is the event itself).
 */
import type { StateCategory } from '../../domain/model';
import type { SlaPolicy } from '../../domain/settings';
import type { Store } from '../../store';
import { refreshTicketFigures } from './ticket-figures';

export async function recordStateChange(
  tx: Store,
  workspaceId: string,
  ticketId: string,
  before: StateCategory,
  change: { category: StateCategory; at: number } | null,
  policy: SlaPolicy,
  now: number,
): Promise<void> {
  if (!change || change.category === before) return;
  const kind = change.category === 'resolved' ? 'resolved' : before === 'resolved' ? 'reopened' : null;
  if (!kind) return;
  await tx.reports.recordStateEvent(workspaceId, { ticketId, kind, at: change.at });
  // The clocks may not move with the event (an older event in their stream is ignored), so the figures that read
  // the events are stored again here too.
  await refreshTicketFigures(tx, workspaceId, ticketId, policy, now);
}
