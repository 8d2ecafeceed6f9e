/**
 * Customer case states read and written many at once: a webhook commit group (src/services/sync/group-store.ts)
 * reads its tickets' states in one statement, works out which transitions `recordState` would keep
 * (`keepsState`), and writes them in one statement before it commits instead of one per notification.
 */
import { sql } from 'kysely';
import { STATE_CATEGORIES } from '../../domain/model';
import type { DialectName } from '../database';
import type { CaseState } from './customer-side';
import { type InsertColumn, insertRows } from './multi-row';
import { type Db, narrow } from './repo-helpers';

/**
 * Whether `recordState(state)` stores it over `stored` (null: no row yet): only a transition at least as new as the
 * recorded one. Mirrors its SQL (customer-side.ts); `recordCaseStates` checks every row said to land did.
 */
export function keepsState(stored: CaseState | null, state: CaseState): boolean {
  return stored === null || stored.changedAt <= state.changedAt;
}

/** The named tickets' recorded states, in one statement (ids as one array on PostgreSQL, one JSON text on SQLite). */
export async function caseStatesOf(db: Db, dialect: DialectName, workspaceId: string, ticketIds: readonly string[]): Promise<CaseState[]> {
  if (ticketIds.length === 0) return [];
  const unique = [...new Set(ticketIds)];
  const rows = await db
    .selectFrom('customer_case_states')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      dialect === 'postgres'
        ? eb('ticket_id', '=', eb.fn<string>('any', [eb.val(unique)]))
        : eb('ticket_id', 'in', sql<string>`(select value from json_each(${JSON.stringify(unique)}))`),
    )
    .execute();
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    conversationId: row.conversation_id,
    state: narrow(STATE_CATEGORIES, row.state, 'customer_case_states.state'),
    externalLabel: row.external_label,
    changedAt: Number(row.changed_at),
  }));
}

const COLUMNS: readonly InsertColumn[] = [
  { name: 'workspace_id', pgType: 'text' },
  { name: 'ticket_id', pgType: 'text' },
  { name: 'conversation_id', pgType: 'text' },
  { name: 'state', pgType: 'text' },
  { name: 'external_label', pgType: 'text' },
  { name: 'changed_at', pgType: 'bigint' },
];
const TAIL = `on conflict (workspace_id, ticket_id) do update set conversation_id = excluded.conversation_id,
  state = excluded.state, external_label = excluded.external_label, changed_at = excluded.changed_at
  where customer_case_states.changed_at <= excluded.changed_at
  returning ticket_id`;

/** Records the states (one per ticket) as `recordState` would; returns the ids of the tickets whose row was written. */
export async function recordCaseStates(db: Db, dialect: DialectName, workspaceId: string, states: readonly CaseState[]): Promise<string[]> {
  const rows = states.map((s) => [workspaceId, s.ticketId, s.conversationId, s.state, s.externalLabel, s.changedAt]);
  const written = await insertRows<{ ticket_id: string }>(db, dialect, 'customer_case_states', COLUMNS, rows, TAIL);
  return written.map((row) => row.ticket_id);
}
