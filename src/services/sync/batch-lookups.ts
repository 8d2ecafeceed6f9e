/**
 * What preparing a webhook batch reads from the store, read once per batch instead of once per notification: a
 * burst is mostly one workspace and a few hundred tickets, and on PostgreSQL every read is a round trip. Whether
 * each workspace is installed is asked once; the linked tickets the batch's payloads name are read in one
 * statement per workspace, the first time a notification of that workspace asks.
 *
 * The ids come from a quick look at each payload, before it is validated (`ticketIdHint`): a payload that lies
 * only costs a look-up of a ticket it does not name, since every notification still asks for the ticket its
 * validated item names, and one that was not looked up is read on its own.
 */
import type { InboxNotification, TicketLink } from '../../store';
import type { SyncDeps } from './sync-deps';
import { ticketIdHint } from './webhook-payloads';

export interface BatchLookups {
  /** Whether Handoff is installed in the workspace (and not since uninstalled). */
  isInstalled(workspaceId: string): Promise<boolean>;
  /** The stored snapshot of a linked ticket, null when the ticket is not linked through Handoff. */
  linkedTicket(workspaceId: string, ticketId: string): Promise<TicketLink | null>;
}

export function batchLookups(sync: Pick<SyncDeps, 'store'>, batch: readonly InboxNotification[]): BatchLookups {
  const installedAnswers = new Map<string, Promise<boolean>>();
  const hinted = new Map<string, Set<string>>();
  for (const n of batch) {
    const ticketId = ticketIdHint(n.payload);
    if (ticketId === null) continue;
    const ids = hinted.get(n.workspaceId) ?? new Set();
    ids.add(ticketId);
    hinted.set(n.workspaceId, ids);
  }
  const linked = new Map<string, Promise<Map<string, TicketLink>>>();

  return {
    isInstalled(workspaceId) {
      let answer = installedAnswers.get(workspaceId);
      if (!answer) {
        answer = sync.store.workspaces.get(workspaceId).then(installed);
        installedAnswers.set(workspaceId, answer);
      }
      return answer;
    },
    async linkedTicket(workspaceId, ticketId) {
      const ids = hinted.get(workspaceId);
      if (!ids?.has(ticketId)) return sync.store.tickets.get(workspaceId, ticketId);
      let found = linked.get(workspaceId);
      if (!found) {
        found = sync.store.tickets.getMany(workspaceId, [...ids]).then((rows) => new Map(rows.map((t) => [t.ticketId, t])));
        // A failed read is not kept: the notification that asked fails (and is retried), the next one reads again.
        found.catch(() => linked.delete(workspaceId));
        linked.set(workspaceId, found);
      }
      return (await found).get(ticketId) ?? null;
    },
  };
}

function installed(workspace: { uninstalledAt: number | null } | null): boolean {
  return workspace !== null && workspace.uninstalledAt === null;
}
