/**
 * Linked tickets: our snapshot of each Intercom ticket, enough to draw the
 * sidebar without calling Intercom. Snapshots arrive out of order (webhooks,
 * refreshes, reconciliation), so a write only lands when it is at least as new
 * as what is stored, decided in the database by one conditional upsert.
 */
import { type Selectable, sql } from 'kysely';
import { PRIORITIES, type Priority, QUEUE_KEYS, type QueueKey, STATE_CATEGORIES, type StateCategory } from '../../domain/model';
import type { TicketLinksTable } from '../schema';
import { type Db, narrow, narrowOrNull, oldestFirst, type RepoContext } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { upsertTickets } from './tickets-batch';

export interface TicketSnapshot {
  /** Intercom's ticket `id`. */
  ticketId: string;
  /** The number teammates see in the Inbox (Intercom's `ticket_id`). */
  ticketNumber: string | null;
  conversationId: string;
  contactId: string | null;
  title: string;
  ticketTypeId: string | null;
  stateCategory: StateCategory;
  stateLabel: string | null;
  priority: Priority | null;
  queue: QueueKey | null;
  teamId: string | null;
  adminAssigneeId: string | null;
  ownerName: string | null;
  teamName: string | null;
  isOpen: boolean;
  /** The ticket's `updated_at` in epoch ms: the order in which snapshots apply. */
  intercomUpdatedAt: number;
  /** Set when the ticket came from one of our escalations; a later snapshot without it keeps the stored one. */
  escalationId?: string | null;
}

export interface TicketLink extends TicketSnapshot {
  workspaceId: string;
  escalationId: string | null;
  /** When we last knew this snapshot to be current. */
  syncedAt: number;
  createdAt: number;
}

export interface TicketUpsertResult {
  /** False when the stored snapshot was newer: nothing was written. */
  applied: boolean;
  ticket: TicketLink;
}

export interface TicketsRepo {
  upsert(workspaceId: string, snapshot: TicketSnapshot, now: number): Promise<TicketUpsertResult>;
  /**
   * Many tickets' rows, each as `upsert` would write it (its conditional rule included), in one statement on
   * PostgreSQL: a webhook commit group's snapshots (tickets-batch.ts). One row per ticket; returns the ids written.
   */
  upsertMany(workspaceId: string, links: readonly TicketLink[]): Promise<string[]>;
  get(workspaceId: string, ticketId: string): Promise<TicketLink | null>;
  /**
   * Like `get`, but inside a transaction also locks the row (PostgreSQL) until commit: every view of a ticket
   * takes it before reading the snapshot it compares with, so two views of one ticket apply one after the other.
   */
  getForUpdate(workspaceId: string, ticketId: string): Promise<TicketLink | null>;
  /**
   * Locks the rows of several tickets at once (PostgreSQL), in id order: a transaction that applies many views
   * takes every lock it needs up front and in one order, so two such transactions never wait on each other in a
   * circle. Returns the rows found (on SQLite without locking: its transactions hold the only write lock).
   */
  getManyForUpdate(workspaceId: string, ticketIds: readonly string[]): Promise<TicketLink[]>;
  /** The named tickets that are linked, in id order, in one statement (a webhook batch's look-up). */
  getMany(workspaceId: string, ticketIds: readonly string[]): Promise<TicketLink[]>;
  listByConversation(workspaceId: string, conversationId: string): Promise<TicketLink[]>;
  /** The contact's open tickets linked through Handoff (the handoff summary's count; indexed by contact). */
  countOpenByContact(workspaceId: string, contactId: string): Promise<number>;
  markSynced(workspaceId: string, ticketId: string, at: number): Promise<boolean>;
  /** Open tickets whose snapshot is older than `olderThan`, oldest first; `null` = every workspace (reconciliation). */
  listStale(workspaceId: string | null, olderThan: number, limit: number): Promise<TicketLink[]>;
}

/** The statements every ticket view and every sidebar runs (see reusable-query.ts). */
const selectByConversation = reusableQuery((db, key: { workspaceId: string; conversationId: string }) =>
  db.selectFrom('ticket_links').selectAll().where('workspace_id', '=', key.workspaceId).where('conversation_id', '=', key.conversationId),
);

const selectTicket = reusableQuery((db, key: { workspaceId: string; ticketId: string }) =>
  db.selectFrom('ticket_links').selectAll().where('workspace_id', '=', key.workspaceId).where('ticket_id', '=', key.ticketId),
);

// SQLite needs no row lock: its transactions begin IMMEDIATE and hold the only write lock.
const selectTicketForUpdate = reusableQuery((db, key: { workspaceId: string; ticketId: string }) =>
  db.selectFrom('ticket_links').selectAll().where('workspace_id', '=', key.workspaceId).where('ticket_id', '=', key.ticketId).forUpdate(),
);

type TicketIds = { workspaceId: string; ticketIds: readonly string[] };
/** PostgreSQL only: `= any($2)` binds the whole list as one array, so the statement is the same for any count. */
const selectTickets = (db: Db, key: TicketIds) =>
  db
    .selectFrom('ticket_links')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where((eb) => eb('ticket_id', '=', eb.fn<string>('any', [eb.val(key.ticketIds)])))
    .orderBy('ticket_id');
const selectManyPg = reusableQuery(selectTickets);
const lockManyPg = reusableQuery((db, key: TicketIds) => selectTickets(db, key).forUpdate());
/** SQLite: the list bound as one JSON text (`json_each`), so here too the statement is the same for any count. */
const selectManySqlite = reusableQuery((db, key: { workspaceId: string; idsJson: string }) =>
  db
    .selectFrom('ticket_links')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', 'in', sql<string>`(select value from json_each(${key.idsJson}))`)
    .orderBy('ticket_id'),
);

const upsertTicket = reusableQuery((db, row: TicketLinksTable) =>
  db
    .insertInto('ticket_links')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'ticket_id'])
        .doUpdateSet((eb) => ({
          ticket_number: eb.fn.coalesce('excluded.ticket_number', 'ticket_links.ticket_number'),
          conversation_id: eb.ref('excluded.conversation_id'),
          contact_id: eb.ref('excluded.contact_id'),
          title: eb.ref('excluded.title'),
          ticket_type_id: eb.ref('excluded.ticket_type_id'),
          state_category: eb.ref('excluded.state_category'),
          state_label: eb.ref('excluded.state_label'),
          priority: eb.ref('excluded.priority'),
          queue: eb.ref('excluded.queue'),
          team_id: eb.ref('excluded.team_id'),
          admin_assignee_id: eb.ref('excluded.admin_assignee_id'),
          owner_name: eb.ref('excluded.owner_name'),
          team_name: eb.ref('excluded.team_name'),
          is_open: eb.ref('excluded.is_open'),
          intercom_updated_at: eb.ref('excluded.intercom_updated_at'),
          synced_at: eb.ref('excluded.synced_at'),
          escalation_id: eb.fn.coalesce('excluded.escalation_id', 'ticket_links.escalation_id'),
        }))
        // Equal timestamps apply too: a refresh of an unchanged ticket still proves it fresh.
        .where((eb) => eb('ticket_links.intercom_updated_at', '<=', eb.ref('excluded.intercom_updated_at'))),
    )
    .returningAll(),
);

/** The contact's open tickets, counted for every escalate form and submit while Intercom is read. */
const countOpenByContact = reusableQuery((db, key: { workspaceId: string; contactId: string }) =>
  db
    .selectFrom('ticket_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', key.workspaceId)
    .where('contact_id', '=', key.contactId)
    .where('is_open', '=', 1),
);

export function createTicketsRepo({ db, dialect }: RepoContext): TicketsRepo {
  const get = async (workspaceId: string, ticketId: string) => {
    const [row] = await selectTicket(db, dialect, { workspaceId, ticketId });
    return row ? toTicket(row) : null;
  };

  const getMany = async (workspaceId: string, ticketIds: readonly string[], onPostgres: typeof selectManyPg) => {
    const unique = [...new Set(ticketIds)];
    if (unique.length === 0) return [];
    if (dialect === 'postgres') return (await onPostgres(db, dialect, { workspaceId, ticketIds: unique })).map(toTicket);
    // No lock needed on SQLite (see getManyForUpdate).
    return (await selectManySqlite(db, dialect, { workspaceId, idsJson: JSON.stringify(unique) })).map(toTicket);
  };

  return {
    get,

    async getForUpdate(workspaceId, ticketId) {
      const [row] = await (dialect === 'postgres' ? selectTicketForUpdate : selectTicket)(db, dialect, { workspaceId, ticketId });
      return row ? toTicket(row) : null;
    },

    getManyForUpdate: (workspaceId, ticketIds) => getMany(workspaceId, ticketIds, lockManyPg),
    getMany: (workspaceId, ticketIds) => getMany(workspaceId, ticketIds, selectManyPg),

    async upsert(workspaceId, snapshot, now) {
      const [applied] = await upsertTicket(db, dialect, toRow(workspaceId, snapshot, now));
      if (applied) return { applied: true, ticket: toTicket(applied) };
      const current = await get(workspaceId, snapshot.ticketId);
      if (!current) throw new Error('Ticket snapshot was neither written nor found');
      return { applied: false, ticket: current };
    },

    upsertMany: (workspaceId, links) => upsertTickets(db, dialect, workspaceId, links),

    async countOpenByContact(workspaceId, contactId) {
      const [row] = await countOpenByContact(db, dialect, { workspaceId, contactId });
      return Number(row?.n ?? 0);
    },

    async listByConversation(workspaceId, conversationId) {
      const rows = await selectByConversation(db, dialect, { workspaceId, conversationId });
      return oldestFirst(rows.map(toTicket), (t) => t.ticketId);
    },

    async markSynced(workspaceId, ticketId, at) {
      const result = await db
        .updateTable('ticket_links')
        .set({ synced_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('ticket_id', '=', ticketId)
        // Never move freshness backwards (a slow refresh finishing after a newer one).
        .where('synced_at', '<', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async listStale(workspaceId, olderThan, limit) {
      const rows = await db
        .selectFrom('ticket_links')
        .selectAll()
        .where('is_open', '=', 1)
        .where('synced_at', '<', olderThan)
        .$if(workspaceId !== null, (qb) => qb.where('workspace_id', '=', workspaceId as string))
        .orderBy('synced_at')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },
  };
}

export function toRow(workspaceId: string, s: TicketSnapshot, now: number): TicketLinksTable {
  return {
    workspace_id: workspaceId,
    ticket_id: s.ticketId,
    ticket_number: s.ticketNumber,
    conversation_id: s.conversationId,
    contact_id: s.contactId,
    title: s.title,
    ticket_type_id: s.ticketTypeId,
    state_category: s.stateCategory,
    state_label: s.stateLabel,
    priority: s.priority,
    queue: s.queue,
    team_id: s.teamId,
    admin_assignee_id: s.adminAssigneeId,
    owner_name: s.ownerName,
    team_name: s.teamName,
    is_open: s.isOpen ? 1 : 0,
    intercom_updated_at: s.intercomUpdatedAt,
    synced_at: now,
    escalation_id: s.escalationId ?? null,
    created_at: now,
  };
}

export function toTicket(row: Selectable<TicketLinksTable>): TicketLink {
  return {
    workspaceId: row.workspace_id,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    title: row.title,
    ticketTypeId: row.ticket_type_id,
    stateCategory: narrow(STATE_CATEGORIES, row.state_category, 'ticket_links.state_category'),
    stateLabel: row.state_label,
    priority: narrowOrNull(PRIORITIES, row.priority, 'ticket_links.priority'),
    queue: narrowOrNull(QUEUE_KEYS, row.queue, 'ticket_links.queue'),
    teamId: row.team_id,
    adminAssigneeId: row.admin_assignee_id,
    ownerName: row.owner_name,
    teamName: row.team_name,
    isOpen: row.is_open === 1,
    intercomUpdatedAt: row.intercom_updated_at,
    syncedAt: row.synced_at,
    escalationId: row.escalation_id,
    createdAt: row.created_at,
  };
}
