/**
 * The webhook inbox's housekeeping, across workspaces: how far behind the processor is (for /metrics), and
 * deleting what was processed long enough ago.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Tables } from '../schema';
import type { Db } from './repo-helpers';

export interface InboxBacklog {
  pending: number;
  capped: boolean;
  nextReceivedAt: number | null;
}

export async function inboxBacklog(db: Db, cap: number): Promise<InboxBacklog> {
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
}

/** Deletes done/ignored rows processed before `before`, with their payloads; returns how many rows. */
export async function pruneInbox(db: Db, before: number): Promise<number> {
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
}
