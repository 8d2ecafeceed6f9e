/**
 * Resolutions and reopenings of linked tickets, for the reports. Called by the apply step of every ticket view
 * (src/services/sync/apply-ticket.ts) inside its transaction, so a view that changes the state and the record of
 * that change commit together; a view applied twice records nothing new (the row's key is the event itself).
 */
import type { StateCategory } from '../../domain/model';
import type { Store } from '../../store';

export async function recordStateChange(
  tx: Store,
  workspaceId: string,
  ticketId: string,
  before: StateCategory,
  change: { category: StateCategory; at: number } | null,
): Promise<void> {
  if (!change || change.category === before) return;
  if (change.category === 'resolved') await tx.reports.recordStateEvent(workspaceId, { ticketId, kind: 'resolved', at: change.at });
  else if (before === 'resolved') await tx.reports.recordStateEvent(workspaceId, { ticketId, kind: 'reopened', at: change.at });
}
