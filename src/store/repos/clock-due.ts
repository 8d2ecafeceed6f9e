/**
 * The SLA scheduler's two statements on `sla_clocks`, sized by the chunk, not by the clock: one read of the due
 * clocks with everything their ladder needs, one write of their next fire times. Between them the scheduler
 * computes in memory (src/services/sla/due-chunk.ts), so a chunk of 200 clocks costs the same few round trips as
 * a chunk of one.
 */
import { LADDER_STEPS, type ClockKind, type LadderStep } from '../../domain/model';
import type { SlaClock } from './clocks';
import { toClock } from './clock-row';
import { affected, forRows } from './multi-row';
import { narrow, type RepoContext } from './repo-helpers';
import { reusableQuery } from './reusable-query';
import { revisionKey } from './settings';

/** A due clock, read with what its ladder needs so that planning it reads nothing more. */
export interface DueClock extends SlaClock {
  /** The workspace's uninstall instant: an uninstalled workspace's clock is disarmed, not fired. */
  uninstalledAt: number | null;
  /** The workspace settings' revision (`settings.revision` would say the same), for the settings cache. */
  settingsRevision: string;
  /** Steps already fired in the clock's cycle (the `cycle` column, derived from the state on every write). */
  firedInCycle: LadderStep[];
}

export interface ClockRearm {
  workspaceId: string;
  ticketId: string;
  kind: ClockKind;
  nextFireAt: number | null;
  nextStep: LadderStep | null;
}

type DueKey = { now: number; limit: number; instanceId: string };

/**
 * Built once per engine and compiled once (reusable-query.ts): the scheduler runs it once a chunk, and building
 * this tree of a CTE and three joins cost kysely about as much as SQLite spends running it for a small chunk.
 */
function dueQuery(locking: boolean) {
  return reusableQuery((db, key: DueKey) =>
    db
      // The locking part is the CTE alone, over `sla_clocks` alone: on PostgreSQL it returns each row as locked (its
      // latest version), and the joins below only add what other tables say about it.
      .with('due', (qb) =>
        qb
          .selectFrom('sla_clocks')
          .selectAll()
          .where('next_fire_at', '<=', key.now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', key.now), eb('locked_by', '=', key.instanceId)]))
          .orderBy('next_fire_at')
          .limit(key.limit)
          .$if(locking, (q) => q.forUpdate().skipLocked()),
      )
      .selectFrom('due')
      .innerJoin('workspaces', 'workspaces.id', 'due.workspace_id')
      .leftJoin('workspace_settings', 'workspace_settings.workspace_id', 'due.workspace_id')
      .leftJoin('ladder_firings', (join) =>
        join
          .onRef('ladder_firings.workspace_id', '=', 'due.workspace_id')
          .onRef('ladder_firings.ticket_id', '=', 'due.ticket_id')
          .onRef('ladder_firings.kind', '=', 'due.kind')
          .onRef('ladder_firings.cycle', '=', 'due.cycle'),
      )
      .selectAll('due')
      .select([
        'workspaces.uninstalled_at',
        'workspaces.timezone',
        'workspace_settings.version as settings_version',
        'workspace_settings.updated_at as settings_updated_at',
        'ladder_firings.step as fired_step',
      ])
      .orderBy('due.next_fire_at'),
  );
}

/** PostgreSQL locks the chunk's rows (`FOR UPDATE SKIP LOCKED`); SQLite's transaction already holds the only write lock. */
const selectDue = { postgres: dueQuery(true), sqlite: dueQuery(false) } as const;

export async function lockDue({ db, dialect }: RepoContext, now: number, limit: number, instanceId: string): Promise<DueClock[]> {
  const rows = await selectDue[dialect](db, dialect, { now, limit, instanceId });
  // One row per (clock, fired step), or one with no step: folded back to one entry per clock, in due order.
  const byKey = new Map<string, DueClock>();
  for (const row of rows) {
    const key = `${row.workspace_id}\u0000${row.ticket_id}\u0000${row.kind}`;
    let due = byKey.get(key);
    if (!due) {
      due = {
        ...toClock(row),
        uninstalledAt: row.uninstalled_at,
        settingsRevision: revisionKey(row.settings_version ?? 0, row.settings_updated_at ?? null, row.timezone),
        firedInCycle: [],
      };
      byKey.set(key, due);
    }
    if (row.fired_step !== null) due.firedInCycle.push(narrow(LADDER_STEPS, row.fired_step, 'ladder_firings.step'));
  }
  return [...byKey.values()];
}

export async function rearm({ db, dialect }: RepoContext, rows: readonly ClockRearm[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  // A VALUES list joined by key: portable to both engines (UPDATE … FROM), one statement for the whole chunk. The
  // instant rides in every row so that the list is all parameters; `updated_at` takes it from there.
  const results = await forRows(
    db,
    dialect,
    rows.map((r) => [r.workspaceId, r.ticketId, r.kind, r.nextFireAt, r.nextStep, now]),
    (values) => `with v (workspace_id, ticket_id, kind, next_fire_at, next_step, updated_at) as (values ${values})
      update sla_clocks
      set next_fire_at = v.next_fire_at, next_step = v.next_step, locked_by = null, locked_until = null, updated_at = v.updated_at
      from v
      where sla_clocks.workspace_id = v.workspace_id and sla_clocks.ticket_id = v.ticket_id and sla_clocks.kind = v.kind`,
    [null, null, null, 'bigint', null, 'bigint'],
  );
  return affected(results);
}
