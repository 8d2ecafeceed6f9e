/**
 * The report's ticket rows as SQL columns and back: the narrow row the report computes with (its snapshot columns,
 * whether the figures were measured with the calendar asked for, and the figures, migration 0013), the all-time
 * CSV's list row, and the stored figures as `ticket_report_figures` columns.
 */
import type { StoredFigures } from '../../domain/reports/figures-codec';
import type { Tables } from '../schema';
import type { Cells } from './json-rows';
import type { ReportTicketListRow, ReportTicketRow } from './report-tickets';
import type { Db } from './repo-helpers';

/** The snapshot columns the all-time CSV lists. */
export const LIST_COLUMNS = [
  't.ticket_id',
  't.ticket_number',
  't.conversation_id',
  't.title',
  't.created_at',
  't.state_category',
  't.priority',
  't.queue',
  't.team_id',
  't.team_name',
  't.is_open',
] as const;

/** The stored figures' columns (migration 0013), in the order `toTicketRow` reads them after the snapshot's. */
export const FIGURE_COLUMNS = [
  'tier',
  'response_mode',
  'response_stopped_at',
  'response_spent_ms',
  'response_running_since',
  'response_target_ms',
  'resolution_mode',
  'resolution_stopped_at',
  'resolution_spent_ms',
  'resolution_running_since',
  'resolution_target_ms',
  'resolved_spent_ms',
  'paused_json',
  'events_json',
] as const;

/** The snapshot columns the report counts by, in the order `toTicketRow` reads them. */
const FACT_COLUMNS = ['ticket_id', 'created_at', 'state_category', 'priority', 'queue', 'team_id', 'is_open'] as const;

/** Every column of the narrow row, in order: the snapshot's, whether the figures were measured with the calendar asked for, the figures'. */
export const TICKET_ROW = [...FACT_COLUMNS, 'measured', ...FIGURE_COLUMNS] as const;

/**
 * The narrow row the report computes with: no title, names or links (only the oldest few tickets are named, read
 * by `ticketDetails`), and whether the figures were measured with the calendar asked for, compared in SQL so the
 * calendar's text is not shipped per row.
 */
export function ticketQuery(db: Db, calendar: string) {
  return db
    .selectFrom('ticket_links as t')
    .leftJoin('ticket_report_figures as f', (j) =>
      j.onRef('f.workspace_id', '=', 't.workspace_id').onRef('f.ticket_id', '=', 't.ticket_id'),
    )
    .select(FACT_COLUMNS.map((c) => `t.${c}` as const))
    .select((eb) => eb.case().when('f.calendar', '=', calendar).then(1).else(0).end().as('measured'))
    .select(FIGURE_COLUMNS.map((c) => `f.${c}` as const));
}

const num = (v: unknown) => (v === null ? null : Number(v));
const text = (v: unknown) => v as string | null;

export function toTicketRow(cells: Cells): ReportTicketRow {
  const [ticketId, createdAt, state, priority, queue, teamId, isOpen, measured, tier, ...f] = cells;
  const clock = (i: number) => ({
    mode: text(f[i]),
    stoppedAt: num(f[i + 1]),
    spentMs: num(f[i + 2]),
    runningSince: num(f[i + 3]),
    targetMs: num(f[i + 4]),
  });
  return {
    ticketId: ticketId as string,
    createdAt: Number(createdAt),
    stateCategory: state as string,
    priority: text(priority),
    queue: text(queue),
    teamId: text(teamId),
    isOpen: Number(isOpen) === 1,
    figures:
      Number(measured) === 1
        ? {
            tier: text(tier),
            response: clock(0),
            resolution: clock(5),
            resolvedSpentMs: num(f[10]),
            pausedJson: text(f[11]),
            eventsJson: text(f[12]),
          }
        : null,
  };
}

/** The stored figures as `ticket_report_figures` columns (also what the sandbox's history inserts). */
export function reportFigureColumns(f: StoredFigures) {
  return {
    tier: f.tier,
    response_mode: f.response.mode,
    response_stopped_at: f.response.stoppedAt,
    response_spent_ms: f.response.spentMs,
    response_running_since: f.response.runningSince,
    response_target_ms: f.response.targetMs,
    resolution_mode: f.resolution.mode,
    resolution_stopped_at: f.resolution.stoppedAt,
    resolution_spent_ms: f.resolution.spentMs,
    resolution_running_since: f.resolution.runningSince,
    resolution_target_ms: f.resolution.targetMs,
    resolved_spent_ms: f.resolvedSpentMs,
    paused_json: f.pausedJson,
    events_json: f.eventsJson,
  };
}

type ListSelect = Pick<Tables['ticket_links'], 'ticket_id' | 'ticket_number' | 'conversation_id' | 'title' | 'created_at'> &
  Pick<Tables['ticket_links'], 'state_category' | 'priority' | 'queue' | 'team_id' | 'team_name' | 'is_open'>;

export function toListRow(row: ListSelect): ReportTicketListRow {
  return {
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    conversationId: row.conversation_id,
    title: row.title,
    createdAt: Number(row.created_at),
    stateCategory: row.state_category,
    priority: row.priority,
    queue: row.queue,
    teamId: row.team_id,
    teamName: row.team_name,
    isOpen: row.is_open === 1,
  };
}
