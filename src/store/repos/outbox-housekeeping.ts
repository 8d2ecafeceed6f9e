/**
 * The outbox's reads for operators and probes, and its pruning: the maintained counters (migration 0006), the
 * dead jobs of one workspace, and deleting done rows in bounded batches. Apart from outbox.ts, which is the
 * queue's own contract (enqueue, claim, outcomes).
 */
import type { Db } from './common';
import { type OutboxJob, toJob } from './outbox-job';

export interface OutboxCounts {
  /** Pending or running, every workspace. */
  open: number;
  /** Dead now (a retried job leaves this count). */
  dead: number;
  /** Transitions into dead, ever (only a workspace purge takes its share away). */
  deadLetteredTotal: number;
}

/** Sums the per-workspace counter rows: as many rows as workspaces, never the outbox itself. */
export async function readCounts(db: Db): Promise<OutboxCounts> {
  const row = await db
    .selectFrom('outbox_counters')
    .select((eb) => [
      eb.fn.sum<number | string | null>('open_jobs').as('open'),
      eb.fn.sum<number | string | null>('dead_jobs').as('dead'),
      eb.fn.sum<number | string | null>('dead_lettered_total').as('total'),
    ])
    .executeTakeFirst();
  return { open: Number(row?.open ?? 0), dead: Number(row?.dead ?? 0), deadLetteredTotal: Number(row?.total ?? 0) };
}

/** A workspace's dead jobs, the most recent first; read through the `(workspace_id, status)` index. */
export async function listDead(db: Db, workspaceId: string, limit: number): Promise<OutboxJob[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'dead')
    .orderBy('done_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

/**
 * Deletes up to `limit` done rows finished before `before`, oldest first (the partial `done_at` index finds them);
 * returns how many went. Callers loop while a batch comes back full, so no statement holds locks for long.
 */
export async function pruneDone(db: Db, before: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where((eb) =>
      eb(
        eb.refTuple('workspace_id', 'id'),
        'in',
        eb
          .selectFrom('outbox as o')
          .select(['o.workspace_id', 'o.id'])
          .where('o.status', '=', 'done')
          .where('o.done_at', '<', before)
          .orderBy('o.done_at')
          .limit(limit)
          .$asTuple('workspace_id', 'id'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
