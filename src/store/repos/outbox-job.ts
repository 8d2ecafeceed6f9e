/**
 * An outbox job as the app sees it, how a row becomes one, and the claim
 * statement. Kept apart so outbox.ts reads as the repository's contract.
 */
import type { Selectable } from 'kysely';
import type { OutboxTable } from '../schema';
import { type Db, fromJson, fromJsonOrNull, narrow } from './repo-helpers';

export const OUTBOX_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxJob {
  workspaceId: string;
  id: string;
  kind: string;
  dedupeKey: string;
  payload: unknown;
  status: OutboxStatus;
  /** Claims so far, including the current one. */
  attempts: number;
  nextAttemptAt: number | null;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  createdAt: number;
  doneAt: number | null;
  result: unknown;
}

/**
 * UPDATE … FROM (due rows) in one statement. On PostgreSQL the CTE locks its
 * rows `FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint rows
 * without waiting on each other; a CTE that locks is evaluated exactly once.
 * SQLite has one writer at a time, and a single statement is atomic there.
 */
export function claimQuery(db: Db, postgres: boolean, now: number, limit: number, kinds: readonly string[] | undefined) {
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('outbox')
        .select(['workspace_id as due_workspace_id', 'id as due_id'])
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds as readonly string[]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .$if(postgres, (q) => q.forUpdate().skipLocked()),
    )
    .updateTable('outbox')
    .from('due')
    .whereRef('outbox.workspace_id', '=', 'due.due_workspace_id')
    .whereRef('outbox.id', '=', 'due.due_id');
}

export function toJob(row: Selectable<OutboxTable>): OutboxJob {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    kind: row.kind,
    dedupeKey: row.dedupe_key,
    payload: fromJson(row.payload_json),
    status: narrow(OUTBOX_STATUSES, row.status, 'outbox.status'),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    doneAt: row.done_at,
    result: fromJsonOrNull(row.result_json),
  };
}
