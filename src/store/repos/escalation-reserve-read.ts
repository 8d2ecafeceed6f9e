/**
 * The reserve's one read under the conversation lock (escalation-reserve.ts): this form's escalation (a replay),
 * the conversation's unfinished or linked ones, and its tickets when a check needs them.
 */
import { CompiledQuery, type Selectable } from 'kysely';
import { prepareOnPostgres } from '../pg-prepared';
import type { EscalationsTable, TicketLinksTable } from '../schema';
import { ACTIVE, type Escalation, toEscalation } from './escalation-model';
import type { RepoContext } from './repo-helpers';
import { createTicketsRepo, type TicketLink, toTicket } from './tickets';

export interface ReserveKey {
  idempotencyKey: string;
  conversationId: string;
}

/** The escalations that decide a reserve, and the conversation's tickets when a check needs them. */
export interface UnderLock {
  escalations: Escalation[];
  tickets: () => Promise<TicketLink[]>;
}

/** What the reserve's PostgreSQL read matches: this form's key, or the conversation's unfinished or linked escalations. */
const BLOCKING_STATUSES = [...ACTIVE, 'linked'] as const;

/**
 * PostgreSQL: both reads in one statement, one round trip (each table's rows as a JSON array: the columns keep their
 * names, and bigint and integer columns come back as the same numbers pg's parsers give). Prepared once per
 * connection (pg-prepared.ts): every submit runs it.
 */
const READ_UNDER_LOCK_PG = `select
  (select coalesce(json_agg(e), '[]') from escalations e where e.workspace_id = $1
    and (e.idempotency_key = $2 or (e.conversation_id = $3 and e.status in (${BLOCKING_STATUSES.map((s) => `'${s}'`).join(', ')})))) as escalations,
  (select coalesce(json_agg(t), '[]') from ticket_links t where t.workspace_id = $1 and t.conversation_id = $3) as tickets`;
prepareOnPostgres(READ_UNDER_LOCK_PG);

export async function readUnderLock(ctx: RepoContext, workspaceId: string, input: ReserveKey): Promise<UnderLock> {
  if (ctx.dialect === 'postgres') {
    const { rows } = await ctx.db.executeQuery<{ escalations: Selectable<EscalationsTable>[]; tickets: Selectable<TicketLinksTable>[] }>(
      CompiledQuery.raw(READ_UNDER_LOCK_PG, [workspaceId, input.idempotencyKey, input.conversationId]),
    );
    const [row] = rows;
    const tickets = (row?.tickets ?? []).map(toTicket);
    return { escalations: (row?.escalations ?? []).map(toEscalation), tickets: async () => tickets };
  }
  // SQLite runs statements in-process: the tickets are read only when a check needs them.
  const rows = await ctx.db
    .selectFrom('escalations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('idempotency_key', '=', input.idempotencyKey),
        eb.and([eb('conversation_id', '=', input.conversationId), eb('status', 'in', [...BLOCKING_STATUSES])]),
      ]),
    )
    .execute();
  return {
    escalations: rows.map(toEscalation),
    tickets: () => createTicketsRepo(ctx).listByConversation(workspaceId, input.conversationId),
  };
}
