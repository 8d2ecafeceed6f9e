/**
 * The exactly-once guard for SLA ladder steps: a step fires for a clock cycle
 * only if this insert wins the (workspace, ticket, kind, cycle, step) key.
 * Record the firing in the same transaction as the outbox job that carries the
 * step's action; then a crash either leaves neither or both.
 */
import { type Selectable, sql } from 'kysely';
import { CLOCK_KINDS, type ClockKind, LADDER_STEPS, type LadderStep } from '../../domain/model';
import type { LadderFiringsTable } from '../schema';
import { forRows } from './multi-row';
import { narrow, type RepoContext } from './repo-helpers';
import { reusableQuery } from './reusable-query';

export interface LadderFiring {
  ticketId: string;
  kind: ClockKind;
  cycle: number;
  step: LadderStep;
  /** When the step fell due (shown in the note when it fires late, e.g. after downtime). */
  dueAt: number;
  firedAt: number;
}

/** A firing that names its workspace: the scheduler records a chunk's firings across workspaces at once. */
export interface WorkspaceFiring extends LadderFiring {
  workspaceId: string;
}

export interface LadderRepo {
  /** True if this call recorded the firing; false if the step had already fired for this cycle. */
  recordFiring(workspaceId: string, firing: LadderFiring): Promise<boolean>;
  /**
   * Cross-workspace, one statement (each row carries the workspace of the clock the scheduler locked): records
   * the firings and returns those this call recorded, the others having fired already.
   */
  recordFirings(firings: readonly WorkspaceFiring[]): Promise<WorkspaceFiring[]>;
  listByTicket(workspaceId: string, ticketId: string): Promise<LadderFiring[]>;
  /** The firings of several tickets in one statement, ordered as `listByTicket`'s per ticket (a webhook commit group's). */
  listByTickets(workspaceId: string, ticketIds: readonly string[]): Promise<LadderFiring[]>;
}

/** Read on every SLA clock write (see reusable-query.ts). */
const selectFirings = reusableQuery((db, key: { workspaceId: string; ticketId: string }) =>
  db
    .selectFrom('ladder_firings')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', '=', key.ticketId)
    .orderBy('kind')
    .orderBy('cycle')
    .orderBy('due_at'),
);

/** PostgreSQL: the ids bound as one array (`= any($2)`), so the statement is the same for any count. */
const selectManyPg = reusableQuery((db, key: { workspaceId: string; ticketIds: readonly string[] }) =>
  db
    .selectFrom('ladder_firings')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where((eb) => eb('ticket_id', '=', eb.fn<string>('any', [eb.val(key.ticketIds)])))
    .orderBy('ticket_id')
    .orderBy('kind')
    .orderBy('cycle')
    .orderBy('due_at'),
);
/** SQLite: the ids bound as one JSON text (`json_each`). */
const selectManySqlite = reusableQuery((db, key: { workspaceId: string; idsJson: string }) =>
  db
    .selectFrom('ladder_firings')
    .selectAll()
    .where('workspace_id', '=', key.workspaceId)
    .where('ticket_id', 'in', sql<string>`(select value from json_each(${key.idsJson}))`)
    .orderBy('ticket_id')
    .orderBy('kind')
    .orderBy('cycle')
    .orderBy('due_at'),
);

export function createLadderRepo({ db, dialect }: RepoContext): LadderRepo {
  return {
    async recordFiring(workspaceId, firing) {
      const row = await db
        .insertInto('ladder_firings')
        .values(toRow(workspaceId, firing))
        // ON CONFLICT DO NOTHING, not a caught unique violation: on PostgreSQL the error would abort the
        // surrounding transaction. A concurrent uncommitted insert of the same key makes this wait for it.
        .onConflict((oc) => oc.columns(['workspace_id', 'ticket_id', 'kind', 'cycle', 'step']).doNothing())
        .returning('step')
        .executeTakeFirst();
      return row !== undefined;
    },

    async recordFirings(firings) {
      if (firings.length === 0) return [];
      // Inserted in key order: two writers whose chunks overlap (a lease from an earlier version, say) then wait
      // on each other's keys in the same order instead of deadlocking.
      // Each key built once, not twice per comparison.
      const sorted = firings
        .map((f) => ({ f, key: keyOf(f.workspaceId, f.ticketId, f.kind, f.cycle, f.step) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map(({ f }) => f);
      const results = await forRows<Pick<LadderFiringsTable, 'workspace_id' | 'ticket_id' | 'kind' | 'cycle' | 'step'>>(
        db,
        dialect,
        sorted.map((f) => [f.workspaceId, f.ticketId, f.kind, f.cycle, f.step, f.dueAt, f.firedAt]),
        (values) =>
          `insert into ladder_firings (workspace_id, ticket_id, kind, cycle, step, due_at, fired_at) values ${values}
           on conflict (workspace_id, ticket_id, kind, cycle, step) do nothing
           returning workspace_id, ticket_id, kind, cycle, step`,
      );
      const won = new Set(results.flatMap((r) => r.rows).map((r) => keyOf(r.workspace_id, r.ticket_id, r.kind, r.cycle, r.step)));
      return firings.filter((f) => won.has(keyOf(f.workspaceId, f.ticketId, f.kind, f.cycle, f.step)));
    },

    async listByTicket(workspaceId, ticketId) {
      const rows = await selectFirings(db, dialect, { workspaceId, ticketId });
      return rows.map(toFiring);
    },

    async listByTickets(workspaceId, ticketIds) {
      const unique = [...new Set(ticketIds)].sort();
      if (unique.length === 0) return [];
      const rows =
        dialect === 'postgres'
          ? await selectManyPg(db, dialect, { workspaceId, ticketIds: unique })
          : await selectManySqlite(db, dialect, { workspaceId, idsJson: JSON.stringify(unique) });
      return rows.map(toFiring);
    },
  };
}

function toRow(workspaceId: string, firing: LadderFiring) {
  return {
    workspace_id: workspaceId,
    ticket_id: firing.ticketId,
    kind: firing.kind,
    cycle: firing.cycle,
    step: firing.step,
    due_at: firing.dueAt,
    fired_at: firing.firedAt,
  };
}

function keyOf(workspaceId: string, ticketId: string, kind: string, cycle: number, step: string): string {
  return `${workspaceId}\u0000${ticketId}\u0000${kind}\u0000${cycle}\u0000${step}`;
}

function toFiring(row: Selectable<LadderFiringsTable>): LadderFiring {
  return {
    ticketId: row.ticket_id,
    kind: narrow(CLOCK_KINDS, row.kind, 'ladder_firings.kind'),
    cycle: row.cycle,
    step: narrow(LADDER_STEPS, row.step, 'ladder_firings.step'),
    dueAt: row.due_at,
    firedAt: row.fired_at,
  };
}
