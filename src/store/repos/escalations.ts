/**
 * Escalations: the durable record of "an agent asked for a ticket", from the
 * reserve (see escalation-reserve.ts for why it is race-free) to the linked
 * ticket or the final failure.
 */
import { inTransaction, oldestFirst, type RepoContext } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { ACTIVE, type Escalation, type EscalationStatus, findOne, toEscalation } from './escalation-model';
import { type ReserveInput, type ReserveResult, reserveIn } from './escalation-reserve';

export { ESCALATION_STATUSES, type Escalation, type EscalationRequest, type EscalationStatus } from './escalation-model';
export type { Blocking, ReserveInput, ReserveResult } from './escalation-reserve';

export interface EscalationUpdate {
  status: EscalationStatus;
  ticketId?: string | null;
  lastError?: string | null;
  /** Adds to `attempts` (1 per try at Intercom). */
  addAttempts?: number;
}

export interface EscalationsRepo {
  reserve(workspaceId: string, input: ReserveInput): Promise<ReserveResult>;
  updateStatus(workspaceId: string, id: string, update: EscalationUpdate, now: number): Promise<Escalation | null>;
  get(workspaceId: string, id: string): Promise<Escalation | null>;
  getByIdempotencyKey(workspaceId: string, key: string): Promise<Escalation | null>;
  /** Escalations still on their way to a ticket (queued or creating), oldest first. */
  listActiveByConversation(workspaceId: string, conversationId: string): Promise<Escalation[]>;
  listByConversation(workspaceId: string, conversationId: string): Promise<Escalation[]>;
  /** How many times this contact has been escalated (the summary's "prior escalations"). */
  countByContact(workspaceId: string, contactId: string): Promise<number>;
}

/** Every escalation of a conversation, oldest first: read on every sidebar view (see reusable-query.ts). */
const selectByConversation = reusableQuery((db, key: { workspaceId: string; conversationId: string }) =>
  db.selectFrom('escalations').selectAll().where('workspace_id', '=', key.workspaceId).where('conversation_id', '=', key.conversationId),
);

/** The contact's escalations, counted for every escalate form and submit while Intercom is read. */
const countByContact = reusableQuery((db, key: { workspaceId: string; contactId: string }) =>
  db
    .selectFrom('escalations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', key.workspaceId)
    .where('contact_id', '=', key.contactId),
);

export function createEscalationsRepo(ctx: RepoContext): EscalationsRepo {
  const { db } = ctx;
  const byConversation = (workspaceId: string, conversationId: string, statuses: EscalationStatus[]) =>
    db
      .selectFrom('escalations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('conversation_id', '=', conversationId)
      .where('status', 'in', statuses)
      .execute()
      .then((rows) => oldestFirst(rows.map(toEscalation), (e) => e.id));

  return {
    reserve: (workspaceId, input) => inTransaction(db, (tx) => reserveIn({ db: tx, dialect: ctx.dialect }, workspaceId, input)),

    async updateStatus(workspaceId, id, update, now) {
      const row = await db
        .updateTable('escalations')
        .set((eb) => ({
          status: update.status,
          updated_at: now,
          attempts: eb('attempts', '+', update.addAttempts ?? 0),
          ...(update.ticketId !== undefined ? { ticket_id: update.ticketId } : {}),
          ...(update.lastError !== undefined ? { last_error: update.lastError } : {}),
        }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toEscalation(row) : null;
    },

    get: (workspaceId, id) => findOne(db, workspaceId, 'id', id),
    getByIdempotencyKey: (workspaceId, key) => findOne(db, workspaceId, 'idempotency_key', key),
    listActiveByConversation: (workspaceId, conversationId) => byConversation(workspaceId, conversationId, ACTIVE),
    listByConversation: async (workspaceId, conversationId) =>
      oldestFirst((await selectByConversation(db, ctx.dialect, { workspaceId, conversationId })).map(toEscalation), (e) => e.id),

    async countByContact(workspaceId, contactId) {
      const [row] = await countByContact(db, ctx.dialect, { workspaceId, contactId });
      if (!row) throw new Error('count(*) returned no row');
      return Number(row.n);
    },
  };
}
