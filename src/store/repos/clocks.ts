/**
 * Durable SLA timers. The clock's maths lives in the pure SLA module; the store
 * keeps its serialised state opaque and only understands `next_fire_at`: the
 * next instant a ladder step is due. That column is indexed on its own (not per
 * workspace) so the scheduler's "what is due now" costs time in proportion to
 * the due rows, however many clocks exist.
 *
 * The scheduler locks a chunk of due clocks for the length of its transaction
 * (`lockDue`, clock-due.ts) and re-arms them in one statement (`rearm`). Anything
 * else that reads a clock, computes and writes it back while others may do the
 * same (webhook vs scheduler) should do so in `store.transaction` with
 * `getForUpdate`. Writing a clock (`upsert`, `rearm`) clears the lease columns,
 * which only instances of earlier versions still set.
 */
import { sql } from 'kysely';
import type { ClockKind, LadderStep } from '../../domain/model';
import type { SlaClocksTable } from '../schema';
import { type ClockRearm, type DueClock, lockDue, rearm } from './clock-due';
import { type ClockStatus, toClock } from './clock-row';
import { type InsertColumn, insertRows } from './multi-row';
import { type RepoContext, toJson } from './repo-helpers';
import { reusableQuery } from './reusable-query';

export { CLOCK_STATUSES, type ClockStatus } from './clock-row';
export type { ClockRearm, DueClock } from './clock-due';

export interface SlaClockWrite {
  ticketId: string;
  kind: ClockKind;
  /** Bumped by the SLA module when a resolved ticket reopens: ladder steps fire once per cycle. */
  cycle: number;
  /** The SLA module's own state; stored as JSON, never interpreted here. */
  state: unknown;
  status: ClockStatus;
  nextFireAt: number | null;
  nextStep: LadderStep | null;
}

export interface SlaClock extends SlaClockWrite {
  workspaceId: string;
  lockedBy: string | null;
  lockedUntil: number | null;
  updatedAt: number;
}

export interface ClocksRepo {
  /** Writes the clock and releases any claim on it. */
  upsert(workspaceId: string, clock: SlaClockWrite, now: number): Promise<SlaClock>;
  /**
   * Writes many clocks (one row per ticket and kind) as `upsert` would, each stamped with its own `updatedAt`, in
   * one statement on PostgreSQL: a webhook commit group's clock writes (src/services/sync/group-store.ts).
   */
  upsertMany(workspaceId: string, clocks: readonly SlaClock[]): Promise<void>;
  get(workspaceId: string, ticketId: string, kind: ClockKind): Promise<SlaClock | null>;
  /** Like `get`, but inside a transaction also locks the row (PostgreSQL) until commit. */
  getForUpdate(workspaceId: string, ticketId: string, kind: ClockKind): Promise<SlaClock | null>;
  listByTicket(workspaceId: string, ticketId: string): Promise<SlaClock[]>;
  /**
   * Every clock of these tickets, in (ticket, kind) order, locked like `getForUpdate` (PostgreSQL) in one statement:
   * a webhook commit group reads its tickets' clocks once instead of once per event and kind.
   */
  getManyForUpdate(workspaceId: string, ticketIds: readonly string[]): Promise<SlaClock[]>;
  /**
   * Cross-workspace, for the SLA scheduler inside its transaction: up to `limit` clocks due at `now`, earliest
   * first, each with what its ladder needs (workspace install state, settings revision, steps fired in its cycle).
   * Each clock stays locked until the transaction ends (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so instances take
   * disjoint clocks; SQLite: the transaction's write lock). Clocks leased to another instance are left alone.
   */
  lockDue(now: number, limit: number, instanceId: string): Promise<DueClock[]>;
  /**
   * Cross-workspace, one statement: writes each clock's next fire time and step (and releases any lease). The
   * scheduler's re-arm after firing: it changes no clock state, so nothing the sidebar shows. Returns how many.
   */
  rearm(rows: readonly ClockRearm[], now: number): Promise<number>;
  /**
   * Makes every running clock of the workspace due at `at`, so the scheduler plans its ladder again under the
   * settings in force (after a save: new thresholds, hours or staff apply to clocks already running). Steps already
   * fired stay fired (ladder_firings); a clock whose next step is later is simply rescheduled. Returns how many.
   */
  rearmRunning(workspaceId: string, at: number): Promise<number>;
}

/** The statement every SLA event runs (see reusable-query.ts). */
const selectByTicket = reusableQuery((db, key: { workspaceId: string; ticketId: string }) =>
  db.selectFrom('sla_clocks').selectAll().where('workspace_id', '=', key.workspaceId).where('ticket_id', '=', key.ticketId).orderBy('kind'),
);

type ClockKey = { workspaceId: string; ticketId: string; kind: ClockKind };
const selectClock = reusableQuery((db, key: ClockKey) =>
  db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', '=', key.ticketId)
    .where('kind', '=', key.kind),
);
// SQLite needs no row lock: its transactions begin IMMEDIATE and hold the only write lock.
const selectClockForUpdate = reusableQuery((db, key: ClockKey) =>
  db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', '=', key.ticketId)
    .where('kind', '=', key.kind)
    .forUpdate(),
);

/** PostgreSQL only: the ids bound as one array (`= any($2)`), so the statement is the same for any count. */
const lockManyPg = reusableQuery((db, key: { workspaceId: string; ticketIds: readonly string[] }) =>
  db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where((eb) => eb('ticket_id', '=', eb.fn<string>('any', [eb.val(key.ticketIds)])))
    .orderBy('ticket_id')
    .orderBy('kind')
    .forUpdate(),
);
/** SQLite: the list bound as one JSON text (`json_each`); no lock needed, its transaction holds the only write lock. */
const selectManySqlite = reusableQuery((db, key: { workspaceId: string; idsJson: string }) =>
  db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', 'in', sql<string>`(select value from json_each(${key.idsJson}))`)
    .orderBy('ticket_id')
    .orderBy('kind'),
);

const upsertClock = reusableQuery((db, row: SlaClocksTable) =>
  db
    .insertInto('sla_clocks')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'ticket_id', 'kind']).doUpdateSet((eb) => ({
        cycle: eb.ref('excluded.cycle'),
        state_json: eb.ref('excluded.state_json'),
        status: eb.ref('excluded.status'),
        next_fire_at: eb.ref('excluded.next_fire_at'),
        next_step: eb.ref('excluded.next_step'),
        locked_by: eb.ref('excluded.locked_by'),
        locked_until: eb.ref('excluded.locked_until'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll(),
);

/** `upsertMany`'s columns and conflict rule: `upsertClock`'s, with the lease columns cleared. */
const MANY_COLUMNS: readonly InsertColumn[] = [
  { name: 'workspace_id', pgType: 'text' },
  { name: 'ticket_id', pgType: 'text' },
  { name: 'kind', pgType: 'text' },
  { name: 'cycle', pgType: 'integer' },
  { name: 'state_json', pgType: 'text' },
  { name: 'status', pgType: 'text' },
  { name: 'next_fire_at', pgType: 'bigint' },
  { name: 'next_step', pgType: 'text' },
  { name: 'updated_at', pgType: 'bigint' },
];
const MANY_TAIL = `on conflict (workspace_id, ticket_id, kind) do update set cycle = excluded.cycle, state_json = excluded.state_json,
  status = excluded.status, next_fire_at = excluded.next_fire_at, next_step = excluded.next_step, locked_by = null,
  locked_until = null, updated_at = excluded.updated_at`;

export function createClocksRepo({ db, dialect }: RepoContext): ClocksRepo {
  return {
    async upsert(workspaceId, clock, now) {
      const [row] = await upsertClock(db, dialect, {
        workspace_id: workspaceId,
        ticket_id: clock.ticketId,
        kind: clock.kind,
        cycle: clock.cycle,
        state_json: toJson(clock.state),
        status: clock.status,
        next_fire_at: clock.nextFireAt,
        next_step: clock.nextStep,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      });
      if (!row) throw new Error('SLA clock upsert returned no row');
      return toClock(row);
    },

    async upsertMany(workspaceId, clocks) {
      const rows = clocks.map((c) => [
        workspaceId,
        c.ticketId,
        c.kind,
        c.cycle,
        toJson(c.state),
        c.status,
        c.nextFireAt,
        c.nextStep,
        c.updatedAt,
      ]);
      await insertRows(db, dialect, 'sla_clocks', MANY_COLUMNS, rows, MANY_TAIL);
    },

    async get(workspaceId, ticketId, kind) {
      const [row] = await selectClock(db, dialect, { workspaceId, ticketId, kind });
      return row ? toClock(row) : null;
    },

    async getForUpdate(workspaceId, ticketId, kind) {
      const [row] = await (dialect === 'postgres' ? selectClockForUpdate : selectClock)(db, dialect, { workspaceId, ticketId, kind });
      return row ? toClock(row) : null;
    },

    async listByTicket(workspaceId, ticketId) {
      const rows = await selectByTicket(db, dialect, { workspaceId, ticketId });
      return rows.map(toClock);
    },

    async getManyForUpdate(workspaceId, ticketIds) {
      const unique = [...new Set(ticketIds)].sort();
      if (unique.length === 0) return [];
      if (dialect === 'postgres') return (await lockManyPg(db, dialect, { workspaceId, ticketIds: unique })).map(toClock);
      return (await selectManySqlite(db, dialect, { workspaceId, idsJson: JSON.stringify(unique) })).map(toClock);
    },

    lockDue: (now, limit, instanceId) => lockDue({ db, dialect }, now, limit, instanceId),
    rearm: (rows, now) => rearm({ db, dialect }, rows, now),

    async rearmRunning(workspaceId, at) {
      const result = await db
        .updateTable('sla_clocks')
        .set({ next_fire_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
