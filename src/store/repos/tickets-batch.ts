/**
 * Ticket snapshots written many at once: a webhook commit group (src/services/sync/group-store.ts) holds its
 * tickets' rows locked, works out what each conditional upsert leaves stored (`upsertedTicket`) and writes the
 * group's rows in one statement before it commits (`upsertTickets`), instead of a round trip per notification.
 */
import type { TicketLinksTable } from '../schema';
import { type InsertColumn, insertRows } from './multi-row';
import type { Db } from './repo-helpers';
import type { DialectName } from '../database';
import { type TicketLink, type TicketSnapshot, toRow } from './tickets';

/**
 * What `tickets.upsert(snapshot)` leaves stored over `stored`, worked out in memory (the caller holds the row's lock):
 * null when the stored snapshot is newer and stays. Mirrors the upsert's SQL in tickets.ts (equal timestamps
 * apply; the ticket number and escalation are kept when the snapshot has none; `synced_at` becomes `now`); the
 * store contract test holds the two together, and `upsertTickets` checks every row it was told would land did.
 */
export function upsertedTicket(stored: TicketLink, snapshot: TicketSnapshot, now: number): TicketLink | null {
  if (stored.intercomUpdatedAt > snapshot.intercomUpdatedAt) return null;
  return {
    ...snapshot,
    workspaceId: stored.workspaceId,
    ticketNumber: snapshot.ticketNumber ?? stored.ticketNumber,
    escalationId: snapshot.escalationId ?? stored.escalationId,
    syncedAt: now,
    createdAt: stored.createdAt,
  };
}

type Column = keyof TicketLinksTable & string;
const TEXT: readonly Column[] = [
  'workspace_id',
  'ticket_id',
  'ticket_number',
  'conversation_id',
  'contact_id',
  'title',
  'ticket_type_id',
  'state_category',
  'state_label',
  'priority',
  'queue',
  'team_id',
  'admin_assignee_id',
  'owner_name',
  'team_name',
  'escalation_id',
];
const COLUMNS: readonly InsertColumn[] = [
  ...TEXT.map((name) => ({ name, pgType: 'text' as const })),
  { name: 'is_open', pgType: 'integer' },
  { name: 'intercom_updated_at', pgType: 'bigint' },
  { name: 'synced_at', pgType: 'bigint' },
  { name: 'created_at', pgType: 'bigint' },
];
const UPDATED = COLUMNS.map((c) => c.name).filter((name) => !['workspace_id', 'ticket_id', 'created_at'].includes(name));
const KEPT_WHEN_NULL = new Set(['ticket_number', 'escalation_id']);

/** The same conflict rule as the single upsert (tickets.ts): only a snapshot at least as new lands. */
const TAIL = `on conflict (workspace_id, ticket_id) do update set ${UPDATED.map((name) =>
  KEPT_WHEN_NULL.has(name) ? `${name} = coalesce(excluded.${name}, ticket_links.${name})` : `${name} = excluded.${name}`,
).join(', ')}
  where ticket_links.intercom_updated_at <= excluded.intercom_updated_at
  returning ticket_id`;

/**
 * Writes the rows (one per ticket) as `tickets.upsert` would, in one statement on PostgreSQL and a few on SQLite;
 * returns the ids of the tickets whose row was written (an older snapshot than the stored one is not).
 */
export async function upsertTickets(db: Db, dialect: DialectName, workspaceId: string, links: readonly TicketLink[]): Promise<string[]> {
  const rows = links.map((link) => {
    const row: TicketLinksTable = { ...toRow(workspaceId, link, link.syncedAt), created_at: link.createdAt };
    return COLUMNS.map((c) => row[c.name as Column]);
  });
  const written = await insertRows<{ ticket_id: string }>(db, dialect, 'ticket_links', COLUMNS, rows, TAIL);
  return written.map((row) => row.ticket_id);
}
