/** Re-reads one linked ticket from Intercom and applies it: the sidebar's Refresh and the reconciliation job. */
import { applyTicket } from './apply-ticket';
import type { SyncDeps } from './sync-deps';
import type { ApplySource } from './ticket-events';

export async function refreshTicket(sync: SyncDeps, workspaceId: string, ticketId: string, source: ApplySource) {
  const client = await sync.directory.clientFor(workspaceId);
  const ticket = await client.tickets.get(ticketId);
  return applyTicket(sync, workspaceId, ticket, { source });
}
