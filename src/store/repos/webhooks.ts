/**
 * The webhook inbox: Intercom's notifications are stored first and answered 200 at once, then applied by a
 * worker. The (workspace, notification id) key makes redelivery a no-op. Which snapshot of a ticket wins is the
 * ticket's own `updated_at` (see tickets.ts); the processor keeps arrival order per ticket on top of that
 * (jobs/webhook-feed.ts). The statements over many rows are in webhooks-accept.ts (in) and webhooks-batch.ts
 * (claim and finish), housekeeping in webhooks-housekeeping.ts; here the single-row ones and the repository.
 */
import { capError, fromJson, type RepoContext, toJson } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { acceptDeliveries } from './webhooks-accept';
import { claimDue, finishRows } from './webhooks-batch';
import type { InboxBacklog } from './webhooks-housekeeping';
import { inboxBacklog, pruneInbox } from './webhooks-housekeeping';
import {
  type Delivery,
  type InboxFinish,
  type InboxNotification,
  type InboxStatus,
  type LeaseOnArrival,
  toNotification,
} from './webhooks-rows';

export { INBOX_STATUSES } from './webhooks-rows';
export type { Delivery, InboxFinish, InboxNotification, InboxStatus, LeaseOnArrival };

export interface WebhooksRepo {
  accept(workspaceId: string, notificationId: string, topic: string, payload: unknown, now: number): Promise<'new' | 'duplicate'>;
  /**
   * Stores each delivery unless its (workspace, notification id) is already there; true for the new ones, which
   * carry their delivery's lease. A constant number of statements for the lot: run it inside a transaction.
   */
  acceptMany(deliveries: readonly Delivery[], now: number): Promise<boolean[]>;
  /** Ends the leases `workerId` holds on these rows (a worker stopping with work in hand), so any worker may claim them. */
  releaseLeases(workerId: string, rows: readonly { workspaceId: string; notificationId: string }[]): Promise<void>;
  /** Cross-workspace: pending notifications due at `now`, oldest first, leased to `workerId`. */
  claimPending(now: number, limit: number, workerId: string, leaseMs: number): Promise<InboxNotification[]>;
  markDone(workspaceId: string, notificationId: string, now: number): Promise<boolean>;
  /** Understood and deliberately not acted on (unknown topic, stale snapshot, ping). */
  markIgnored(workspaceId: string, notificationId: string, now: number, reason: string): Promise<boolean>;
  /** `retryAt` null = give up (status 'failed'); otherwise it stays pending until then. */
  markFailed(
    workspaceId: string,
    notificationId: string,
    failure: { error: string; now: number; retryAt: number | null },
  ): Promise<boolean>;
  /**
   * Marks many pending rows done, ignored or failed for good (with their reasons) at once, in a constant number of
   * statements. Returns how many were still pending and are now marked; fewer than asked means another worker
   * finished some of them (the caller's transaction should not stand).
   */
  finishMany(rows: readonly InboxFinish[], now: number): Promise<number>;
  get(workspaceId: string, notificationId: string): Promise<InboxNotification | null>;
  /** Cross-workspace housekeeping: deletes done/ignored rows processed before `before`. */
  prune(before: number): Promise<number>;
  /**
   * Cross-workspace, for /metrics: pending rows (counted up to `cap`, through the index only pending rows are in)
   * and when the one due first was received, so its age is how far behind the processor is.
   */
  backlog(cap: number): Promise<InboxBacklog>;
}

const selectPayload = reusableQuery((db, key: { workspaceId: string; notificationId: string }) =>
  db
    .selectFrom('webhook_payloads')
    .select('payload_json')
    .where('workspace_id', '=', key.workspaceId)
    .where('notification_id', '=', key.notificationId),
);

type Finish = { workspaceId: string; notificationId: string; status: InboxStatus; now: number; error: string | null };
/** One row's end (see reusable-query.ts: built once, bound per call). */
const finishNotification = reusableQuery((db, f: Finish) =>
  db
    .updateTable('webhook_inbox')
    .set({ status: f.status, processed_at: f.now, last_error: f.error, next_attempt_at: null, locked_by: null, locked_until: null })
    .where('workspace_id', '=', f.workspaceId)
    .where('notification_id', '=', f.notificationId)
    .where('status', '=', 'pending')
    .returning('notification_id'),
);

export function createWebhooksRepo({ db, dialect }: RepoContext): WebhooksRepo {
  const one = (workspaceId: string, notificationId: string) =>
    db.updateTable('webhook_inbox').where('workspace_id', '=', workspaceId).where('notification_id', '=', notificationId);
  const finish = async (workspaceId: string, notificationId: string, status: InboxStatus, now: number, error: string | null) => {
    const rows = await finishNotification(db, dialect, { workspaceId, notificationId, status, now, error });
    return rows.length === 1;
  };

  return {
    acceptMany: (deliveries, now) => acceptDeliveries(db, dialect, deliveries, now),

    async accept(workspaceId, notificationId, topic, payload, now) {
      const delivery = { workspaceId, notificationId, topic, payloadJson: toJson(payload), lease: null };
      const [stored] = await acceptDeliveries(db, dialect, [delivery], now);
      return stored ? 'new' : 'duplicate';
    },

    async releaseLeases(workerId, rows) {
      for (const r of rows) {
        await one(r.workspaceId, r.notificationId)
          .set({ locked_by: null, locked_until: null })
          .where('status', '=', 'pending')
          .where('locked_by', '=', workerId)
          .execute();
      }
    },

    claimPending: (now, limit, workerId, leaseMs) => claimDue(db, dialect, { now, limit, workerId, leaseMs }),
    finishMany: (rows, now) => finishRows(db, dialect, rows, now),
    markDone: (workspaceId, notificationId, now) => finish(workspaceId, notificationId, 'done', now, null),
    markIgnored: (workspaceId, notificationId, now, reason) => finish(workspaceId, notificationId, 'ignored', now, capError(reason)),

    async markFailed(workspaceId, notificationId, failure) {
      if (failure.retryAt === null) return finish(workspaceId, notificationId, 'failed', failure.now, capError(failure.error));
      const result = await one(workspaceId, notificationId)
        .set({ last_error: capError(failure.error), next_attempt_at: failure.retryAt, locked_by: null, locked_until: null })
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async get(workspaceId, notificationId) {
      const row = await db
        .selectFrom('webhook_inbox')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('notification_id', '=', notificationId)
        .executeTakeFirst();
      if (!row) return null;
      const [payload] = await selectPayload(db, dialect, { workspaceId, notificationId });
      // A row whose payload is gone (pruned halfway) reads as null.
      return toNotification(row, payload ? fromJson(payload.payload_json) : null);
    },

    backlog: (cap) => inboxBacklog(db, cap),
    prune: (before) => pruneInbox(db, before),
  };
}
