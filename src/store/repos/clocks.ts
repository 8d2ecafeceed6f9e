/**
 * Durable SLA timers. The clock's maths lives in the pure SLA module; the store
 * keeps its serialised state opaque and only understands `next_fire_at`: the
 * next instant a ladder step is due. That column is indexed on its own (not per
 * workspace) so the scheduler's "what is due now" costs time in proportion to
 * the due rows, however many clocks exist.
 *
 * A claim leases due clocks to one scheduler instance; writing the clock back
 * (`upsert`) ends the lease. Anything that reads a clock, computes and writes it
 * back while others may do the same (webhook vs scheduler) should do so in
 * `store.transaction` with `getForUpdate`.
 */
import type { Selectable } from 'kysely';
import { CLOCK_KINDS, type ClockKind, LADDER_STEPS, type LadderStep } from '../../domain/model';
import type { SlaClocksTable } from '../schema';
import { fromJson, narrow, narrowOrNull, type RepoContext, toJson } from './repo-helpers';
import { reusableQuery } from './reusable-query';

export const CLOCK_STATUSES = ['running', 'paused', 'stopped'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

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
  get(workspaceId: string, ticketId: string, kind: ClockKind): Promise<SlaClock | null>;
  /** Like `get`, but inside a transaction also locks the row (PostgreSQL) until commit. */
  getForUpdate(workspaceId: string, ticketId: string, kind: ClockKind): Promise<SlaClock | null>;
  listByTicket(workspaceId: string, ticketId: string): Promise<SlaClock[]>;
  /** Cross-workspace: clocks due at `now` not leased to someone else, leased to `instanceId`, earliest first. */
  claimDue(now: number, limit: number, instanceId: string, leaseMs: number): Promise<SlaClock[]>;
  /**
   * Makes every running clock of the workspace due at `at`, so the scheduler plans its ladder again under the
   * settings in force (after a save: new thresholds, hours or staff apply to clocks already running). Steps already
   * fired stay fired (ladder_firings); a clock whose next step is later is simply rescheduled. Returns how many.
   */
  rearmRunning(workspaceId: string, at: number): Promise<number>;
}

/** The statements every SLA event and every sidebar runs (see reusable-query.ts). */
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

    async claimDue(now, limit, instanceId, leaseMs) {
      // Same shape as the outbox claim (see outbox.ts): one statement, SKIP LOCKED on PostgreSQL.
      const rows = await db
        .with('due', (qb) =>
          qb
            .selectFrom('sla_clocks')
            .select(['workspace_id as due_workspace_id', 'ticket_id as due_ticket_id', 'kind as due_kind'])
            .where('next_fire_at', '<=', now)
            .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
            .orderBy('next_fire_at')
            .limit(limit)
            .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .updateTable('sla_clocks')
        .from('due')
        .whereRef('sla_clocks.workspace_id', '=', 'due.due_workspace_id')
        .whereRef('sla_clocks.ticket_id', '=', 'due.due_ticket_id')
        .whereRef('sla_clocks.kind', '=', 'due.due_kind')
        .set({ locked_by: instanceId, locked_until: now + leaseMs })
        .returningAll()
        .execute();
      return rows.map(toClock).sort((a, b) => (a.nextFireAt ?? 0) - (b.nextFireAt ?? 0));
    },

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

function toClock(row: Selectable<SlaClocksTable>): SlaClock {
  return {
    workspaceId: row.workspace_id,
    ticketId: row.ticket_id,
    kind: narrow(CLOCK_KINDS, row.kind, 'sla_clocks.kind'),
    cycle: row.cycle,
    state: fromJson(row.state_json),
    status: narrow(CLOCK_STATUSES, row.status, 'sla_clocks.status'),
    nextFireAt: row.next_fire_at,
    nextStep: narrowOrNull(LADDER_STEPS, row.next_step, 'sla_clocks.next_step'),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    updatedAt: row.updated_at,
  };
}
