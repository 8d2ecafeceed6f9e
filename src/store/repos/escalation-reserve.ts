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
 */
import { newId, oldestFirst, type RepoContext, toJson } from './repo-helpers';
import { ACTIVE, type Escalation, type EscalationRequest, findOne, toEscalation } from './escalation-model';
import { createTicketsRepo, type TicketLink } from './tickets';

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
}

export type Blocking = { type: 'escalation'; escalation: Escalation } | { type: 'ticket'; ticket: TicketLink };

export type ReserveResult =
  | { kind: 'new'; escalation: Escalation }
  | { kind: 'duplicate'; escalation: Escalation }
  | { kind: 'open_exists'; blocking: Blocking };

/** Must run inside a transaction (the lock row is held until it ends). */
export async function reserveIn(ctx: RepoContext, workspaceId: string, input: ReserveInput): Promise<ReserveResult> {
  const tx = ctx.db;
  await tx
    .insertInto('conversation_locks')
    .values({ workspace_id: workspaceId, conversation_id: input.conversationId, locked_at: input.now })
    .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doUpdateSet({ locked_at: input.now }))
    .execute();

  const same = await findOne(tx, workspaceId, 'idempotency_key', input.idempotencyKey);
  if (same) return { kind: 'duplicate', escalation: same };

  if (!input.force) {
    const blocking = await findBlocking(ctx, workspaceId, input.conversationId);
    if (blocking) return { kind: 'open_exists', blocking };
  }

  const inserted = await tx
    .insertInto('escalations')
    .values({
      workspace_id: workspaceId,
      id: newId(),
      conversation_id: input.conversationId,
      contact_id: input.contactId,
      admin_id: input.adminId,
      idempotency_key: input.idempotencyKey,
      status: input.status ?? 'queued',
      forced: input.force ? 1 : 0,
      request_json: toJson(input.request),
      ticket_id: null,
      attempts: 0,
      last_error: null,
      created_at: input.now,
      updated_at: input.now,
    })
    // Only reachable if one key were reused for another conversation (a different lock row).
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { kind: 'new', escalation: toEscalation(inserted) };
  const winner = await findOne(tx, workspaceId, 'idempotency_key', input.idempotencyKey);
  if (!winner) throw new Error('Escalation was neither inserted nor found');
  return { kind: 'duplicate', escalation: winner };
}

/**
 * An open linked ticket, an escalation still creating one, or a `linked`
 * escalation whose ticket we have no snapshot of yet (treated as open: we
 * cannot tell it is closed).
 */
async function findBlocking(ctx: RepoContext, workspaceId: string, conversationId: string): Promise<Blocking | null> {
  const tickets = await createTicketsRepo(ctx).listByConversation(workspaceId, conversationId);
  const openTicket = tickets.find((t) => t.isOpen);
  if (openTicket) return { type: 'ticket', ticket: openTicket };
  const known = new Set(tickets.map((t) => t.ticketId));
  const rows = await ctx.db
    .selectFrom('escalations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', [...ACTIVE, 'linked'])
    .execute();
  const pending = oldestFirst(rows.map(toEscalation), (e) => e.id).find(
    (e) => e.status !== 'linked' || e.ticketId === null || !known.has(e.ticketId),
  );
  return pending ? { type: 'escalation', escalation: pending } : null;
}
