/**
 * The exactly-once guard for SLA ladder steps: a step fires for a clock cycle
 * only if this insert wins the (workspace, ticket, kind, cycle, step) key.
 * Record the firing in the same transaction as the outbox job that carries the
 * step's action; then a crash either leaves neither or both.
 */
import type { Selectable } from 'kysely';
import { CLOCK_KINDS, type ClockKind, LADDER_STEPS, type LadderStep } from '../../domain/model';
import type { LadderFiringsTable } from '../schema';
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

export interface LadderRepo {
  /** True if this call recorded the firing; false if the step had already fired for this cycle. */
  recordFiring(workspaceId: string, firing: LadderFiring): Promise<boolean>;
  listByTicket(workspaceId: string, ticketId: string): Promise<LadderFiring[]>;
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

export function createLadderRepo({ db, dialect }: RepoContext): LadderRepo {
  return {
    async recordFiring(workspaceId, firing) {
      const row = await db
        .insertInto('ladder_firings')
        .values({
          workspace_id: workspaceId,
          ticket_id: firing.ticketId,
          kind: firing.kind,
          cycle: firing.cycle,
          step: firing.step,
          due_at: firing.dueAt,
          fired_at: firing.firedAt,
        })
        // ON CONFLICT DO NOTHING, not a caught unique violation: on PostgreSQL the error would abort the
        // surrounding transaction. A concurrent uncommitted insert of the same key makes this wait for it.
        .onConflict((oc) => oc.columns(['workspace_id', 'ticket_id', 'kind', 'cycle', 'step']).doNothing())
        .returning('step')
        .executeTakeFirst();
      return row !== undefined;
    },

    async listByTicket(workspaceId, ticketId) {
      const rows = await selectFirings(db, dialect, { workspaceId, ticketId });
      return rows.map(toFiring);
    },
  };
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
