/**
 * The webhook inbox: Intercom's notifications are stored first and answered
 * 200 at once, then applied by a worker. The (workspace, notification id) key
 * makes redelivery a no-op. Order of arrival does not matter: the ticket's own
 * `updated_at` decides which snapshot wins (see tickets.ts).
 */
import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { Tables, WebhookInboxTable, WebhookPayloadsTable } from '../schema';
import { capError, fromJson, narrow, type RepoContext, toJson } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { acceptAllAtOnce, finishAllAtOnce, inboxKey, payloadsAllAtOnce } from './webhooks-batch';

export const INBOX_STATUSES = ['pending', 'done', 'ignored', 'failed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface InboxNotification {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payload: unknown;
  receivedAt: number;
  status: InboxStatus;
  processedAt: number | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
}

/** How a row ended, for `finishMany`: `error` is the reason (ignored) or the problem (failed), null when done. */
export interface InboxFinish {
  workspaceId: string;
  notificationId: string;
  status: Exclude<InboxStatus, 'pending'>;
  error: string | null;
}

/** A delivery to store: its item already serialised, so an unserialisable one fails alone, before any write. */
export interface Delivery {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payloadJson: string;
}

/** Stored already leased to a worker that holds the parsed delivery in memory (see jobs/webhook-intake.ts). */
export interface LeaseOnArrival {
  workerId: string;
  leaseMs: number;
}

export interface WebhooksRepo {
  accept(workspaceId: string, notificationId: string, topic: string, payload: unknown, now: number): Promise<'new' | 'duplicate'>;
  /**
   * Stores each delivery unless its (workspace, notification id) is already there; true for the new ones. With a
   * lease, new rows are stored claimed (attempt 1) by `lease.workerId`, as `claimPending` would leave them.
   * Run it inside a transaction: one commit for the lot.
   */
  acceptMany(deliveries: readonly Delivery[], now: number, lease: LeaseOnArrival | null): Promise<boolean[]>;
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
   * Marks many pending rows done, ignored or failed for good (with their reasons) at once: on PostgreSQL one
   * statement. Returns how many were still pending and are now marked; fewer than asked means another worker
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
  backlog(cap: number): Promise<{ pending: number; capped: boolean; nextReceivedAt: number | null }>;
}

/**
 * SQLite: one insert per delivery (two rows when new); PostgreSQL stores a lot in two statements (acceptAllAtOnce).
 * One update per applied row (see reusable-query.ts).
 */
const insertNotification = reusableQuery((db, row: Insertable<WebhookInboxTable>) =>
  db
    .insertInto('webhook_inbox')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'notification_id']).doNothing())
    .returning('notification_id'),
);

/** Written once, with the row that is new: a payload never changes (see migration 0003 for why it lives apart). */
const insertPayload = reusableQuery((db, row: WebhookPayloadsTable) =>
  db
    .insertInto('webhook_payloads')
    .values(row)
    // Only a payload whose row was pruned while the payload stayed (a crash between the two deletes) is replaced.
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'notification_id']).doUpdateSet((eb) => ({ payload_json: eb.ref('excluded.payload_json') })),
    )
    .returning('notification_id'),
);

const selectPayload = reusableQuery((db, key: { workspaceId: string; notificationId: string }) =>
  db
    .selectFrom('webhook_payloads')
    .select('payload_json')
    .where('workspace_id', '=', key.workspaceId)
    .where('notification_id', '=', key.notificationId),
);

type Finish = { workspaceId: string; notificationId: string; status: InboxStatus; now: number; error: string | null };
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

  /** The stored payload, parsed; null for a row whose payload is gone (pruned halfway). */
  const payloadOf = async (workspaceId: string, notificationId: string): Promise<unknown> => {
    const [row] = await selectPayload(db, dialect, { workspaceId, notificationId });
    return row ? fromJson(row.payload_json) : null;
  };

  const acceptMany: WebhooksRepo['acceptMany'] = async (deliveries, now, lease) => {
    if (dialect === 'postgres') return acceptAllAtOnce(db, deliveries, now, lease);
    // SQLite runs in this process: a prepared statement per row costs no round trip.
    const stored: boolean[] = [];
    for (const d of deliveries) {
      const [row] = await insertNotification(db, dialect, {
        workspace_id: d.workspaceId,
        notification_id: d.notificationId,
        topic: d.topic,
        received_at: now,
        status: 'pending',
        processed_at: null,
        last_error: null,
        next_attempt_at: now,
        locked_by: lease?.workerId ?? null,
        locked_until: lease ? now + lease.leaseMs : null,
        attempts: lease ? 1 : 0,
      });
      if (row)
        await insertPayload(db, dialect, { workspace_id: d.workspaceId, notification_id: d.notificationId, payload_json: d.payloadJson });
      stored.push(row !== undefined);
    }
    return stored;
  };

  return {
    acceptMany,

    async releaseLeases(workerId, rows) {
      for (const r of rows) {
        await one(r.workspaceId, r.notificationId)
          .set({ locked_by: null, locked_until: null })
          .where('status', '=', 'pending')
          .where('locked_by', '=', workerId)
          .execute();
      }
    },

    async accept(workspaceId, notificationId, topic, payload, now) {
      const [stored] = await acceptMany([{ workspaceId, notificationId, topic, payloadJson: toJson(payload) }], now, null);
      return stored ? 'new' : 'duplicate';
    },

    async claimPending(now, limit, workerId, leaseMs) {
      // Same shape as the outbox claim (see outbox.ts): one statement, SKIP LOCKED on PostgreSQL.
      const rows = await db
        .with('due', (qb) =>
          qb
            .selectFrom('webhook_inbox')
            .select(['workspace_id as due_workspace_id', 'notification_id as due_notification_id'])
            .where('next_attempt_at', '<=', now)
            .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
            .orderBy('next_attempt_at')
            .limit(limit)
            .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .updateTable('webhook_inbox')
        .from('due')
        .whereRef('webhook_inbox.workspace_id', '=', 'due.due_workspace_id')
        .whereRef('webhook_inbox.notification_id', '=', 'due.due_notification_id')
        .set((eb) => ({ locked_by: workerId, locked_until: now + leaseMs, attempts: eb('webhook_inbox.attempts', '+', 1) }))
        .returningAll()
        .execute();
      const claimed: InboxNotification[] = [];
      if (dialect === 'postgres') {
        const payloads = await payloadsAllAtOnce(db, rows);
        for (const row of rows) {
          const json = payloads.get(inboxKey(row.workspace_id, row.notification_id));
          claimed.push(toNotification(row, json === undefined ? null : fromJson(json)));
        }
      } else for (const row of rows) claimed.push(toNotification(row, await payloadOf(row.workspace_id, row.notification_id)));
      return claimed.sort((a, b) => a.receivedAt - b.receivedAt);
    },

    async finishMany(rows, now) {
      if (dialect === 'postgres') return finishAllAtOnce(db, rows, now);
      let marked = 0;
      for (const r of rows)
        if (await finish(r.workspaceId, r.notificationId, r.status, now, r.error === null ? null : capError(r.error))) marked += 1;
      return marked;
    },

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
      return row ? toNotification(row, await payloadOf(workspaceId, notificationId)) : null;
    },

    async backlog(cap) {
      // Only pending rows have a next attempt time (finishing clears it), so both reads stay on that index.
      const counted = await db
        .selectFrom((qb) =>
          qb
            .selectFrom('webhook_inbox')
            .select('notification_id')
            .where('next_attempt_at', 'is not', null)
            .limit(cap + 1)
            .as('p'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const next = await db
        .selectFrom('webhook_inbox')
        .select('received_at')
        .where('next_attempt_at', 'is not', null)
        .orderBy('next_attempt_at')
        .limit(1)
        .executeTakeFirst();
      const n = Number(counted?.n ?? 0);
      return { pending: Math.min(n, cap), capped: n > cap, nextReceivedAt: next ? Number(next.received_at) : null };
    },
    async prune(before) {
      const prunable = (eb: ExpressionBuilder<Tables, 'webhook_inbox'>) =>
        eb.and([eb('webhook_inbox.status', 'in', ['done', 'ignored']), eb('webhook_inbox.processed_at', '<', before)]);
      // Payloads first: a crash between the two deletes leaves rows without payloads, which nothing reads again.
      await db
        .deleteFrom('webhook_payloads')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('webhook_inbox')
              .select('webhook_inbox.notification_id')
              .whereRef('webhook_inbox.workspace_id', '=', 'webhook_payloads.workspace_id')
              .whereRef('webhook_inbox.notification_id', '=', 'webhook_payloads.notification_id')
              .where(prunable),
          ),
        )
        .execute();
      const result = await db.deleteFrom('webhook_inbox').where(prunable).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toNotification(row: Selectable<WebhookInboxTable>, payload: unknown): InboxNotification {
  return {
    workspaceId: row.workspace_id,
    notificationId: row.notification_id,
    topic: row.topic,
    payload,
    receivedAt: row.received_at,
    status: narrow(INBOX_STATUSES, row.status, 'webhook_inbox.status'),
    processedAt: row.processed_at,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
  };
}
