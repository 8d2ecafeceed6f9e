/**
 * A ticket webhook about a tracker Handoff knows (one a conversation was linked to through Handoff): applied like
 * every other view of it (apply.ts), so a resolution reported by webhook fans out its follow-ups. Trackers
 * nobody linked through Handoff stay none of our business.
 */
import type { Ticket } from '../../intercom';
import type { PreparedNotification } from '../sync/process-notification';
import type { SyncDeps } from '../sync/sync-deps';
import { applyIncidentView } from './apply';
import { isTracker } from './snapshot';

export async function prepareIncidentNotification(sync: SyncDeps, workspaceId: string, item: Ticket): Promise<PreparedNotification | null> {
  if (!isTracker(item) || !(await sync.store.incidents.get(workspaceId, item.id))) return null;
  // A partial shape cannot be ordered or mapped: read the tracker itself.
  const ticket =
    item.updated_at === null || item.ticket_state === null
      ? await (await sync.directory.clientFor(workspaceId)).tickets.get(item.id)
      : item;
  return {
    key: `ticket:${workspaceId}:${ticket.id}`,
    async commit(tx) {
      const applied = await applyIncidentView(tx, workspaceId, ticket, sync.clock.now());
      return { outcome: { status: 'done' }, enqueued: applied?.enqueued ?? 0 };
    },
  };
}
