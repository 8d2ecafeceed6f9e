/**
 * The webhook inbox's batch statements on PostgreSQL, where each statement is a round trip: a commit group's
 * deliveries stored, and its rows' outcomes marked, each in a constant number of statements whatever the group's
 * size. SQLite (in process, no round trip) keeps one prepared statement per row in webhooks.ts.
 */
import { sql } from 'kysely';
import { capError, type Db } from './repo-helpers';
import type { Delivery, InboxFinish, LeaseOnArrival } from './webhooks';

/**
 * PostgreSQL: the lot in two statements, whatever its size, instead of two round trips per delivery. The columns
 * travel as arrays (`unnest`), so the SQL text never changes with the count. A notification id twice in the lot
 * is stored once; its first delivery is the new one, as if they had been stored one after the other.
 */
export async function acceptAllAtOnce(
  db: Db,
  deliveries: readonly Delivery[],
  now: number,
  lease: LeaseOnArrival | null,
): Promise<boolean[]> {
  if (deliveries.length === 0) return [];
  const column = (pick: (d: Delivery) => string) => deliveries.map(pick);
  const inserted = await sql<{ workspace_id: string; notification_id: string }>`
    insert into webhook_inbox
      (workspace_id, notification_id, topic, received_at, status, next_attempt_at, locked_by, locked_until, attempts)
    select d.workspace_id, d.notification_id, d.topic, ${now}::bigint, 'pending', ${now}::bigint, ${lease?.workerId ?? null}::text,
      ${lease ? now + lease.leaseMs : null}::bigint, ${lease ? 1 : 0}::integer
    from unnest(${column((d) => d.workspaceId)}::text[], ${column((d) => d.notificationId)}::text[], ${column((d) => d.topic)}::text[])
      as d(workspace_id, notification_id, topic)
    on conflict (workspace_id, notification_id) do nothing
    returning workspace_id, notification_id`.execute(db);
  const fresh = new Set(inserted.rows.map((row) => inboxKey(row.workspace_id, row.notification_id)));
  const stored = deliveries.map((d) => fresh.delete(inboxKey(d.workspaceId, d.notificationId)));
  const added = deliveries.filter((_, i) => stored[i]);
  if (added.length > 0) {
    const ids = (pick: (d: Delivery) => string) => added.map(pick);
    // Only a payload whose row was pruned while the payload stayed (a crash between the two deletes) is replaced.
    await sql`
      insert into webhook_payloads (workspace_id, notification_id, payload_json)
      select * from unnest(${ids((d) => d.workspaceId)}::text[], ${ids((d) => d.notificationId)}::text[], ${ids((d) => d.payloadJson)}::text[])
      on conflict (workspace_id, notification_id) do update set payload_json = excluded.payload_json`.execute(db);
  }
  return stored;
}

/** PostgreSQL: `finishMany` in one statement, the rows bound as arrays like `acceptAllAtOnce`'s. */
export async function finishAllAtOnce(db: Db, rows: readonly InboxFinish[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
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

/** PostgreSQL: the payloads of claimed rows in one statement (keyed by `inboxKey`), instead of a round trip each. */
export async function payloadsAllAtOnce(
  db: Db,
  rows: readonly { workspace_id: string; notification_id: string }[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const { rows: found } = await sql<{ workspace_id: string; notification_id: string; payload_json: string }>`
    select p.workspace_id, p.notification_id, p.payload_json
    from webhook_payloads as p
    join unnest(${rows.map((r) => r.workspace_id)}::text[], ${rows.map((r) => r.notification_id)}::text[]) as k(workspace_id, notification_id)
      on p.workspace_id = k.workspace_id and p.notification_id = k.notification_id`.execute(db);
  return new Map(found.map((row) => [inboxKey(row.workspace_id, row.notification_id), row.payload_json]));
}

/** Workspace ids never contain a NUL. */
export const inboxKey = (workspaceId: string, notificationId: string) => `${workspaceId}\u0000${notificationId}`;
