/** How an `sla_clocks` row becomes the `SlaClock` the app sees (shared by the clock repository and its batch reads). */
import type { Selectable } from 'kysely';
import { CLOCK_KINDS, LADDER_STEPS } from '../../domain/model';
import type { SlaClocksTable } from '../schema';
import type { SlaClock } from './clocks';
import { fromJson, narrow, narrowOrNull } from './repo-helpers';

export const CLOCK_STATUSES = ['running', 'paused', 'stopped'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export function toClock(row: Selectable<SlaClocksTable>): SlaClock {
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
