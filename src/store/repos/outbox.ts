/**
 * The outbox: every side effect on Intercom is a row here, written in the same
 * transaction as the state change that causes it, so it is neither lost nor
 * doubled. One row per (workspace, dedupe key), whoever enqueues it and however
 * often. Workers take rows with a lease (`locked_until`); a worker that dies
 * simply lets its lease run out and another worker takes the row again.
 *
 * `next_attempt_at` is NULL once a row is done or dead, so a claim's range scan
 * of its index (`<= now`) never visits finished rows: its cost follows the
 * number of due rows, not the size of the table.
 */
import { affected, forRows } from './multi-row';
import { capError, newId, type RepoContext, toJson } from './repo-helpers';
import { listDead, type OutboxCounts, pruneDone, readCounts } from './outbox-housekeeping';
import { claimQuery, type OutboxJob, type OutboxStatus, toJob } from './outbox-job';

export type { OutboxCounts } from './outbox-housekeeping';
export { OUTBOX_STATUSES, type OutboxJob, type OutboxStatus } from './outbox-job';

export interface EnqueueInput {
  kind: string;
  dedupeKey: string;
  payload: unknown;
  now: number;
  /** When the job may first run; defaults to `now`. */
  runAt?: number;
}

export interface WorkspaceEnqueue extends EnqueueInput {
  workspaceId: string;
}

/**
 * Proof of holding a claim: each claim bumps `attempts`, so a worker whose lease
 * expired (and whose row was claimed again) can no longer change the row.
 */
export interface Lease {
  workerId: string;
  attempts: number;
}

export interface OutboxRepo {
  /** Idempotent: a second enqueue with the same dedupe key returns the first row, unchanged. */
  enqueue(workspaceId: string, input: EnqueueInput): Promise<{ created: boolean; job: OutboxJob }>;
  /**
   * Cross-workspace, one statement (each job names its workspace: the SLA scheduler's chunk of ladder steps):
   * idempotent like `enqueue`, a dedupe key already queued is left as it is. Returns how many rows were created.
   */
  enqueueMany(jobs: readonly WorkspaceEnqueue[]): Promise<number>;
  /** Cross-workspace: due rows (optionally only these kinds), leased to `workerId` for `leaseMs`. */
  claimDue(now: number, limit: number, workerId: string, leaseMs: number, kinds?: readonly string[]): Promise<OutboxJob[]>;
  complete(workspaceId: string, id: string, done: { now: number; result?: unknown; lease?: Lease }): Promise<boolean>;
  fail(workspaceId: string, id: string, failure: { error: string; retryAt: number; lease?: Lease }): Promise<boolean>;
  deadLetter(workspaceId: string, id: string, failure: { error: string; now: number; lease?: Lease }): Promise<boolean>;
  /**
   * Puts a dead job back in the queue (an operator's decision, e.g. after a reinstall), with a fresh retry budget.
   * Only a dead job: of two racing revivals one wins, so a retried job runs once.
   */
  revive(workspaceId: string, id: string, runAt: number): Promise<boolean>;
  get(workspaceId: string, id: string): Promise<OutboxJob | null>;
  getByDedupeKey(workspaceId: string, dedupeKey: string): Promise<OutboxJob | null>;
  listByWorkspace(workspaceId: string, options?: { status?: OutboxStatus; limit?: number }): Promise<OutboxJob[]>;
  /** Jobs not finished yet (pending or running); `null` = every workspace. A count over rows: not for probes. */
  pendingCount(workspaceId: string | null): Promise<number>;
  /** Cross-workspace totals from the counters the database maintains (migration 0006): cheap enough for /metrics. */
  counts(): Promise<OutboxCounts>;
  /** A workspace's dead jobs, most recent first (at most `limit`, default 100). */
  listDead(workspaceId: string, options?: { limit?: number }): Promise<OutboxJob[]>;
  /** Cross-workspace housekeeping: deletes at most `limit` done rows finished before `before`; returns how many. */
  pruneDone(before: number, limit: number): Promise<number>;
}

export function createOutboxRepo({ db, dialect }: RepoContext): OutboxRepo {
  const findBy = async (workspaceId: string, column: 'id' | 'dedupe_key', value: string) => {
    const row = await db
      .selectFrom('outbox')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  };
  /** An update of one row that, given a lease, only applies while that lease is the current claim. */
  const leased = (workspaceId: string, id: string, lease: Lease | undefined) =>
    db
      .updateTable('outbox')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .$if(lease !== undefined, (qb) =>
        qb
          .where('status', '=', 'running')
          .where('locked_by', '=', lease?.workerId ?? '')
          .where('attempts', '=', lease?.attempts ?? -1),
      );

  return {
    async enqueue(workspaceId, input) {
      const inserted = await db
        .insertInto('outbox')
        .values(newRow(workspaceId, input))
        // DO NOTHING rather than catching the unique violation: on PostgreSQL an error would abort the caller's transaction.
        .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { created: true, job: toJob(inserted) };
      const existing = await findBy(workspaceId, 'dedupe_key', input.dedupeKey);
      if (!existing) throw new Error('Outbox job was neither inserted nor found');
      return { created: false, job: existing };
    },

    async enqueueMany(jobs) {
      if (jobs.length === 0) return 0;
      // In key order, like ladder.recordFirings: overlapping writers wait on each other instead of deadlocking.
      const sorted = [...jobs].sort((a, b) => compare(a.workspaceId, b.workspaceId) || compare(a.dedupeKey, b.dedupeKey));
      const rows = sorted.map((job) => Object.values(newRow(job.workspaceId, job)));
      const columns = Object.keys(newRow('', sorted[0] as WorkspaceEnqueue)).join(', ');
      const results = await forRows(
        db,
        dialect,
        rows,
        (values) => `insert into outbox (${columns}) values ${values} on conflict (workspace_id, dedupe_key) do nothing`,
      );
      return affected(results);
    },

    async claimDue(now, limit, workerId, leaseMs, kinds) {
      if (kinds !== undefined && kinds.length === 0) return [];
      const rows = await claimQuery(db, dialect === 'postgres', now, limit, kinds)
        .set((eb) => ({ status: 'running', locked_by: workerId, locked_until: now + leaseMs, attempts: eb('outbox.attempts', '+', 1) }))
        .returningAll()
        .execute();
      return rows.map(toJob).sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
    },

    async complete(workspaceId, id, done) {
      const result = await leased(workspaceId, id, done.lease)
        .set({
          status: 'done',
          done_at: done.now,
          result_json: done.result === undefined ? null : toJson(done.result),
          next_attempt_at: null,
          locked_by: null,
          locked_until: null,
          last_error: null,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async fail(workspaceId, id, failure) {
      const result = await leased(workspaceId, id, failure.lease)
        .set({
          status: 'pending',
          last_error: capError(failure.error),
          next_attempt_at: failure.retryAt,
          locked_by: null,
          locked_until: null,
        })
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deadLetter(workspaceId, id, failure) {
      const result = await leased(workspaceId, id, failure.lease)
        .set({
          status: 'dead',
          last_error: capError(failure.error),
          done_at: failure.now,
          next_attempt_at: null,
          locked_by: null,
          locked_until: null,
        })
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async revive(workspaceId, id, runAt) {
      const result = await leased(workspaceId, id, undefined)
        .set({ status: 'pending', next_attempt_at: runAt, done_at: null, attempts: 0 })
        .where('status', '=', 'dead')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    get: (workspaceId, id) => findBy(workspaceId, 'id', id),
    getByDedupeKey: (workspaceId, dedupeKey) => findBy(workspaceId, 'dedupe_key', dedupeKey),

    async listByWorkspace(workspaceId, options = {}) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .$if(options.status !== undefined, (qb) => qb.where('status', '=', options.status as OutboxStatus))
        .orderBy('created_at')
        .orderBy('id')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(toJob);
    },

    async pendingCount(workspaceId) {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'running'])
        .$if(workspaceId !== null, (qb) => qb.where('workspace_id', '=', workspaceId as string))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    counts: () => readCounts(db),
    listDead: (workspaceId, options = {}) => listDead(db, workspaceId, options.limit ?? 100),
    pruneDone: (before, limit) => pruneDone(db, before, limit),
  };
}

/** The row `enqueue` inserts (the escalation reserve inserts it in its own statement on PostgreSQL). */
export function newRow(workspaceId: string, input: EnqueueInput) {
  return {
    workspace_id: workspaceId,
    id: newId(),
    kind: input.kind,
    dedupe_key: input.dedupeKey,
    payload_json: toJson(input.payload),
    status: 'pending',
    next_attempt_at: input.runAt ?? input.now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: input.now,
    done_at: null,
    result_json: null,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
