/**
 * The webhook inbox's processor side: claiming due rows with their payloads, and marking a commit group's rows
 * done, ignored or failed, each in a constant number of statements whatever the group's size. On PostgreSQL each
 * statement is a round trip, so the rows travel as arrays (`unnest`); SQLite has no arrays and takes multi-row
 * VALUES lists in slices of fixed sizes (multi-row.ts).
 */
import { type Selectable, sql } from 'kysely';
import type { DialectName } from '../database';
import type { WebhookInboxTable } from '../schema';
import { forRows, inFixedSlices } from './multi-row';
import { capError, type Db, fromJson } from './repo-helpers';
import { inboxKey } from './webhooks-accept';
import { type InboxFinish, type InboxNotification, toNotification } from './webhooks-rows';

/** Pending rows due at `now`, oldest first, leased to `workerId`, with their payloads parsed. */
export async function claimDue(
  db: Db,
  dialect: DialectName,
  claim: { now: number; limit: number; workerId: string; leaseMs: number },
): Promise<InboxNotification[]> {
  const { now, limit, workerId, leaseMs } = claim;
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
  const payloads = await payloadsOf(db, dialect, rows);
  const claimed = rows.map((row: Selectable<WebhookInboxTable>) => {
    const json = payloads.get(inboxKey(row.workspace_id, row.notification_id));
    // A row whose payload is gone (pruned halfway) reads as null.
    return toNotification(row, json === undefined ? null : fromJson(json));
  });
  return claimed.sort((a, b) => a.receivedAt - b.receivedAt);
}

type Key = { workspace_id: string; notification_id: string };
type PayloadRow = Key & { payload_json: string };

/** The payloads of these rows, keyed by `inboxKey`. */
async function payloadsOf(db: Db, dialect: DialectName, rows: readonly Key[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const found: PayloadRow[] = [];
  if (dialect === 'postgres') {
    const result = await sql<PayloadRow>`
      select p.workspace_id, p.notification_id, p.payload_json
      from webhook_payloads as p
      join unnest(${rows.map((r) => r.workspace_id)}::text[], ${rows.map((r) => r.notification_id)}::text[]) as k(workspace_id, notification_id)
        on p.workspace_id = k.workspace_id and p.notification_id = k.notification_id`.execute(db);
    found.push(...result.rows);
  } else {
    for (const slice of inFixedSlices(rows)) {
      const results = await forRows<PayloadRow>(
        db,
        'sqlite',
        slice.map((r) => [r.workspace_id, r.notification_id]),
        (list) => `select workspace_id, notification_id, payload_json from webhook_payloads
          where (workspace_id, notification_id) in (values ${list})`,
      );
      for (const result of results) found.push(...result.rows);
    }
  }
  return new Map(found.map((row) => [inboxKey(row.workspace_id, row.notification_id), row.payload_json]));
}

/** Marks pending rows finished; returns how many were still pending (fewer: another worker finished some). */
export async function finishRows(db: Db, dialect: DialectName, rows: readonly InboxFinish[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  if (dialect === 'postgres') {
    const column = <T>(pick: (r: InboxFinish) => T) => rows.map(pick);
    const { rows: marked } = await sql<{ notification_id: string }>`
      update webhook_inbox as w
      set status = d.status, processed_at = ${now}::bigint, last_error = d.error, next_attempt_at = null, locked_by = null,
        locked_until = null
      from unnest(${column((r) => r.workspaceId)}::text[], ${column((r) => r.notificationId)}::text[], ${column((r) => r.status)}::text[],
        ${column((r) => (r.error === null ? null : capError(r.error)))}::text[]) as d(workspace_id, notification_id, status, error)
      where w.workspace_id = d.workspace_id and w.notification_id = d.notification_id and w.status = 'pending'
      returning w.notification_id`.execute(db);
    return marked.length;
  }
  let marked = 0;
  for (const slice of inFixedSlices(rows)) {
    // A VALUES list's columns are column1… in SQLite.
    const results = await forRows<{ notification_id: string }>(
      db,
      'sqlite',
      slice.map((r) => [r.workspaceId, r.notificationId, r.status, r.error === null ? null : capError(r.error), now]),
      (list) => `update webhook_inbox
        set status = d.column3, processed_at = d.column5, last_error = d.column4, next_attempt_at = null, locked_by = null,
          locked_until = null
        from (values ${list}) as d
        where webhook_inbox.workspace_id = d.column1 and webhook_inbox.notification_id = d.column2
          and webhook_inbox.status = 'pending'
        returning webhook_inbox.notification_id`,
    );
    for (const result of results) marked += result.rows.length;
  }
  return marked;
}
