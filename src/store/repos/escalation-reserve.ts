/**
 * The reserve transaction: where double clicks, Intercom's submit retries and
 * two agents at once collapse into exactly one escalation.
 *
 * Race-freedom, on both engines, comes from one statement: an upsert of the
 * conversation's row in `conversation_locks` at the start of the transaction.
 * - PostgreSQL: `INSERT … ON CONFLICT DO UPDATE` takes the row lock (or waits
 *   on a concurrent first insert), so reserves of one conversation queue up
 *   behind each other; under READ COMMITTED each later statement then sees what
 *   the previous holder committed. Other conversations are not blocked.
 * - SQLite: transactions begin IMMEDIATE (see database.ts), so the whole
 *   read-check-write already runs under the single write lock; the upsert is
 *   harmless there.
 * A unique (workspace_id, idempotency_key) index backs up the duplicate check.
 *
 * Every statement here stands between Intercom's answer and `POST /tickets`, and on PostgreSQL each is a round
 * trip: after the lock, the same-key escalation, the conversation's open ones and its tickets are read in one
 * statement (escalation-reserve-read.ts), the escalation goes in with its outbox job in one (a data-modifying CTE;
 * SQLite runs them in-process, one after the other), and the NOTIFY travels with the COMMIT (pg-prepared.ts):
 * BEGIN, lock, read, insert, COMMIT.
 */
import type { Insertable } from 'kysely';
import type { EscalationsTable } from '../schema';
import { newId, oldestFirst, type RepoContext, toJson } from './repo-helpers';
import { type Escalation, type EscalationRequest, findOne, toEscalation } from './escalation-model';
import { readUnderLock } from './escalation-reserve-read';
import { executeHot } from '../pg-prepared';
import { createOutboxRepo, type EnqueueInput, newRow } from './outbox';
import type { TicketLink } from './tickets';

export interface ReserveInput {
  idempotencyKey: string;
  conversationId: string;
  contactId: string | null;
  adminId: string | null;
  request: EscalationRequest;
  /** Create even when the conversation has an open ticket or escalation. */
  force: boolean;
  now: number;
  status?: 'queued' | 'creating';
  /** The outbox job a new escalation stands for (given its id), enqueued with it: both or neither. */
  job?: (escalationId: string) => EnqueueInput;
}

export type Blocking = { type: 'escalation'; escalation: Escalation } | { type: 'ticket'; ticket: TicketLink };

export type ReserveResult =
  | { kind: 'new'; escalation: Escalation }
  | { kind: 'duplicate'; escalation: Escalation }
  | { kind: 'open_exists'; blocking: Blocking };

/** Must run inside a transaction (the lock row is held until it ends). */
export async function reserveIn(ctx: RepoContext, workspaceId: string, input: ReserveInput): Promise<ReserveResult> {
  const tx = ctx.db;
  await executeHot(
    tx,
    ctx.dialect,
    tx
      .insertInto('conversation_locks')
      .values({ workspace_id: workspaceId, conversation_id: input.conversationId, locked_at: input.now })
      .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doUpdateSet({ locked_at: input.now })),
  );

  // One read under the lock for every check: this form's escalation (a replay), the conversation's open ones, its tickets.
  const { escalations, tickets } = await readUnderLock(ctx, workspaceId, input);
  const same = escalations.find((e) => e.idempotencyKey === input.idempotencyKey);
  if (same) return { kind: 'duplicate', escalation: same };

  if (!input.force) {
    // No row has this key, so every row read is one of the conversation's.
    const blocking = findBlocking(await tickets(), escalations);
    if (blocking) return { kind: 'open_exists', blocking };
  }

  const row = {
    workspace_id: workspaceId,
    id: newId(),
    conversation_id: input.conversationId,
    contact_id: input.contactId,
    admin_id: input.adminId,
    idempotency_key: input.idempotencyKey,
    status: input.status ?? 'queued',
    forced: input.force ? 1 : 0,
    request_json: toJson(input.request),
    // Beside the request, for the reports' range reads (migration 0013); the request never changes after this.
    queue: input.request.queue,
    priority: input.request.priority,
    ticket_id: null,
    attempts: 0,
    last_error: null,
    created_at: input.now,
    updated_at: input.now,
  } satisfies Insertable<EscalationsTable>;
  const inserted = await insertWithJob(ctx, workspaceId, row, input.job?.(row.id) ?? null);
  if (inserted) return { kind: 'new', escalation: toEscalation(inserted) };
  const winner = await findOne(tx, workspaceId, 'idempotency_key', input.idempotencyKey);
  if (!winner) throw new Error('Escalation was neither inserted nor found');
  return { kind: 'duplicate', escalation: winner };
}

/**
 * The escalation, and its job when one is given. The key conflict (`DO NOTHING`) is only reachable if one key were
 * reused for another conversation (a different lock row); on PostgreSQL the job was then inserted beside nothing
 * and is taken out again, so a job never outlives the escalation it was enqueued for.
 */
async function insertWithJob(ctx: RepoContext, workspaceId: string, row: Insertable<EscalationsTable>, job: EnqueueInput | null) {
  const tx = ctx.db;
  const insertEscalation = tx
    .insertInto('escalations')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returningAll();
  if (job === null) return insertEscalation.executeTakeFirst();
  if (ctx.dialect !== 'postgres') {
    const inserted = await insertEscalation.executeTakeFirst();
    if (inserted) await createOutboxRepo(ctx).enqueue(workspaceId, job);
    return inserted;
  }
  // Every row has the same columns, so the text is fixed: prepared once per connection.
  const [inserted] = await executeHot(
    tx,
    ctx.dialect,
    tx
      .with('reserved', () => insertEscalation)
      .with('job', (db) =>
        db
          .insertInto('outbox')
          .values(newRow(workspaceId, job))
          .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing()),
      )
      .selectFrom('reserved')
      .selectAll(),
  );
  if (!inserted) await tx.deleteFrom('outbox').where('workspace_id', '=', workspaceId).where('dedupe_key', '=', job.dedupeKey).execute();
  return inserted;
}

/**
 * An open linked ticket, an escalation still creating one, or a `linked`
 * escalation whose ticket we have no snapshot of yet (treated as open: we
 * cannot tell it is closed).
 */
function findBlocking(
  /** The conversation's linked tickets, read under the lock. */
  tickets: readonly TicketLink[],
  /** The conversation's queued, creating and linked escalations, read under the lock. */
  escalations: Escalation[],
): Blocking | null {
  const openTicket = oldestFirst([...tickets], (t) => t.ticketId).find((t) => t.isOpen);
  if (openTicket) return { type: 'ticket', ticket: openTicket };
  const known = new Set(tickets.map((t) => t.ticketId));
  const pending = oldestFirst(escalations, (e) => e.id).find((e) => e.status !== 'linked' || e.ticketId === null || !known.has(e.ticketId));
  return pending ? { type: 'escalation', escalation: pending } : null;
}
