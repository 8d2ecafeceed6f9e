/**
 * The webhook inbox's way in: a commit group's deliveries stored in a constant number of statements whatever the
 * group's size, instead of two per delivery. A delivery whose (workspace, notification id) is already stored is
 * not stored again; a notification id twice in the lot is stored once, its first delivery the new one, as if
 * they had been stored one after the other. New rows carry their delivery's lease, if any (jobs/webhook-feed.ts).
 */
import { sql } from 'kysely';
import type { DialectName } from '../database';
import { forRows, inFixedSlices } from './multi-row';
import type { Db } from './repo-helpers';
import type { Delivery } from './webhooks-rows';

/** For each delivery, whether it was stored as a new row. Run it inside a transaction: one commit for the lot. */
export async function acceptDeliveries(db: Db, dialect: DialectName, deliveries: readonly Delivery[], now: number): Promise<boolean[]> {
  if (deliveries.length === 0) return [];
  const fresh = dialect === 'postgres' ? await insertRowsPg(db, deliveries, now) : await insertRowsSqlite(db, deliveries, now);
  // The first delivery of each inserted key takes the "new"; a repeat of it in the lot is a duplicate.
  const stored = deliveries.map((d) => fresh.delete(inboxKey(d.workspaceId, d.notificationId)));
  const added = deliveries.filter((_, i) => stored[i]);
  if (added.length > 0) {
    if (dialect === 'postgres') await insertPayloadsPg(db, added);
    else await insertPayloadsSqlite(db, added);
  }
  return stored;
}

/** Workspace ids never contain a NUL. */
export const inboxKey = (workspaceId: string, notificationId: string) => `${workspaceId}\u0000${notificationId}`;

const lockedBy = (d: Delivery) => d.lease?.workerId ?? null;
const lockedUntil = (d: Delivery, now: number) => (d.lease ? now + d.lease.leaseMs : null);
const attempts = (d: Delivery) => (d.lease ? 1 : 0);

/** PostgreSQL: every column bound as an array (`unnest`), so the SQL text never changes with the count. */
async function insertRowsPg(db: Db, deliveries: readonly Delivery[], now: number): Promise<Set<string>> {
  const column = <T>(pick: (d: Delivery) => T) => deliveries.map(pick);
  const { rows } = await sql<{ workspace_id: string; notification_id: string }>`
    insert into webhook_inbox
      (workspace_id, notification_id, topic, received_at, status, next_attempt_at, locked_by, locked_until, attempts)
    select d.workspace_id, d.notification_id, d.topic, ${now}::bigint, 'pending', ${now}::bigint, d.locked_by, d.locked_until, d.attempts
    from unnest(${column((d) => d.workspaceId)}::text[], ${column((d) => d.notificationId)}::text[], ${column((d) => d.topic)}::text[],
      ${column(lockedBy)}::text[], ${column((d) => lockedUntil(d, now))}::bigint[], ${column(attempts)}::integer[])
      as d(workspace_id, notification_id, topic, locked_by, locked_until, attempts)
    on conflict (workspace_id, notification_id) do nothing
    returning workspace_id, notification_id`.execute(db);
  return new Set(rows.map((row) => inboxKey(row.workspace_id, row.notification_id)));
}

/** Only a payload whose row was pruned while the payload stayed (a crash between the two deletes) is replaced. */
async function insertPayloadsPg(db: Db, added: readonly Delivery[]): Promise<void> {
  const column = (pick: (d: Delivery) => string) => added.map(pick);
  await sql`
    insert into webhook_payloads (workspace_id, notification_id, payload_json)
    select * from unnest(${column((d) => d.workspaceId)}::text[], ${column((d) => d.notificationId)}::text[], ${column((d) => d.payloadJson)}::text[])
    on conflict (workspace_id, notification_id) do update set payload_json = excluded.payload_json`.execute(db);
}

/** SQLite (no arrays): multi-row VALUES lists in slices of fixed sizes, so the statement cache keeps a few texts. */
async function insertRowsSqlite(db: Db, deliveries: readonly Delivery[], now: number): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const slice of inFixedSlices(deliveries)) {
    const values = slice.map((d) => [
      d.workspaceId,
      d.notificationId,
      d.topic,
      now,
      'pending',
      now,
      lockedBy(d),
      lockedUntil(d, now),
      attempts(d),
    ]);
    const [result] = await forRows<{ workspace_id: string; notification_id: string }>(
      db,
      'sqlite',
      values,
      (list) => `insert into webhook_inbox
        (workspace_id, notification_id, topic, received_at, status, next_attempt_at, locked_by, locked_until, attempts)
        values ${list}
        on conflict (workspace_id, notification_id) do nothing
        returning workspace_id, notification_id`,
    );
    for (const row of result?.rows ?? []) fresh.add(inboxKey(row.workspace_id, row.notification_id));
  }
  return fresh;
}

async function insertPayloadsSqlite(db: Db, added: readonly Delivery[]): Promise<void> {
  for (const slice of inFixedSlices(added))
    await forRows(
      db,
      'sqlite',
      slice.map((d) => [d.workspaceId, d.notificationId, d.payloadJson]),
      (list) => `insert into webhook_payloads (workspace_id, notification_id, payload_json) values ${list}
        on conflict (workspace_id, notification_id) do update set payload_json = excluded.payload_json`,
    );
}
