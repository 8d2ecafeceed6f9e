/**
 * What the reports read, and the records they add (migrations 0008 and 0011). Reads are per workspace and bounded
 * by the report's window; the maths over the rows is the pure `src/domain/reports/`, so this file only selects.
 * The ticket reads and their stored figures are in ./report-tickets.ts, the incident reads in ./report-incidents.ts.
 */
import { createReportIncidentReads, type ReportIncidentReads } from './report-incidents';
import { createReportTicketReads, type ReportTicketReads, type ReportWindow, readInChunks } from './report-tickets';
import { sql } from 'kysely';
import { FIRING_SLOTS } from '../../domain/reports/facts';
import { readAsCells } from './json-rows';
import type { RepoContext } from './repo-helpers';

export type { ReportIncidentLinkRow, ReportIncidentRow } from './report-incidents';
export { reportFigureColumns } from './report-tickets';
export type {
  ReportClockRow,
  ReportFiguresWrite,
  ReportTicketDetails,
  ReportTicketListRow,
  ReportTicketRow,
  ReportWindow,
} from './report-tickets';

export const TICKET_STATE_EVENT_KINDS = ['resolved', 'reopened'] as const;
export type TicketStateEventKind = (typeof TICKET_STATE_EVENT_KINDS)[number];

export interface ReportEscalationRow {
  id: string;
  ticketId: string | null;
  status: string;
  createdAt: number;
  queue: string | null;
  priority: string | null;
}

export interface ReportStateEventRow {
  ticketId: string;
  kind: TicketStateEventKind;
  at: number;
}

/** One ticket's ladder steps fired in each period, one count per `FIRING_SLOTS` entry. */
export interface ReportFiringCountRow {
  ticketId: string;
  current: number[];
  previous: number[];
}

export interface ReportFeedbackRow {
  escalationId: string;
  createdAt: number;
  judged: boolean;
  suggestedOutcome: string;
  suggestedPriority: string | null;
  finalQueue: string;
  finalPriority: string;
  overrodeKeepInChat: boolean;
}

export interface ReportDeadJobRow {
  kind: string;
  createdAt: number;
}

export interface ReportsRepo extends ReportTicketReads, ReportIncidentReads {
  /** Conversations the sidebar was shown in; a conversation already recorded keeps its first sighting. */
  recordSeen(workspaceId: string, seen: readonly { conversationId: string; at: number }[]): Promise<void>;
  /** One resolution or reopening of a linked ticket (idempotent: the same event applied twice is one row). */
  recordStateEvent(workspaceId: string, event: ReportStateEventRow): Promise<void>;
  /** First sightings in [from, to), counted. */
  countSeen(workspaceId: string, from: number, to: number): Promise<number>;
  /** Every resolution and reopening of these tickets (those `tickets` returned), oldest first. */
  stateEvents(workspaceId: string, ticketIds: readonly string[]): Promise<ReportStateEventRow[]>;
  escalations(workspaceId: string, window: ReportWindow): Promise<ReportEscalationRow[]>;
  /**
   * The ladder steps each ticket fired in each period, counted here: only tickets with a firing in one of them
   * have a row, and firings of a step or clock kind the report does not know are not counted.
   */
  firingCounts(workspaceId: string, periods: { current: ReportWindow; previous: ReportWindow }): Promise<ReportFiringCountRow[]>;
  feedback(workspaceId: string, window: ReportWindow): Promise<ReportFeedbackRow[]>;
  /** Escalation work (create, note, share) dead-lettered, by when it was queued. */
  deadEscalationJobs(workspaceId: string, window: ReportWindow): Promise<ReportDeadJobRow[]>;
}

const ESCALATION_COLUMNS = ['id', 'ticket_id', 'status', 'created_at', 'queue', 'priority'] as const;
const PERIOD_NAMES = ['current', 'previous'] as const;
/** The count columns of a firing tally: per period, one per `FIRING_SLOTS` entry. */
const FIRING_COUNT_COLUMNS = PERIOD_NAMES.flatMap((p) => FIRING_SLOTS.map((_, i) => `${p}_${i}`));
const FEEDBACK_COLUMNS = [
  'escalation_id',
  'created_at',
  'judged',
  'suggested_outcome',
  'suggested_priority',
  'final_queue',
  'final_priority',
  'overrode_keep_in_chat',
] as const;

export function createReportsRepo(ctx: RepoContext): ReportsRepo {
  const { db } = ctx;
  return {
    ...createReportTicketReads(ctx),
    ...createReportIncidentReads(db),

    async recordSeen(workspaceId, seen) {
      if (seen.length === 0) return;
      const values = seen.map((s) => ({ workspace_id: workspaceId, conversation_id: s.conversationId, first_seen_at: s.at }));
      await db
        .insertInto('conversations_seen')
        .values(values)
        .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doNothing())
        .execute();
    },

    async recordStateEvent(workspaceId, event) {
      await db
        .insertInto('ticket_state_events')
        .values({ workspace_id: workspaceId, ticket_id: event.ticketId, kind: event.kind, at: event.at })
        .onConflict((oc) => oc.columns(['workspace_id', 'ticket_id', 'kind', 'at']).doNothing())
        .execute();
    },

    async countSeen(workspaceId, from, to) {
      const row = await db
        .selectFrom('conversations_seen')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('first_seen_at', '>=', from)
        .where('first_seen_at', '<', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async stateEvents(workspaceId, ticketIds) {
      const rows = await readInChunks(ticketIds, (chunk) =>
        db
          .selectFrom('ticket_state_events')
          .select(['ticket_id', 'kind', 'at'])
          .where('workspace_id', '=', workspaceId)
          .where('ticket_id', 'in', chunk)
          .execute(),
      );
      return rows
        .map((r) => ({ ticketId: r.ticket_id, kind: r.kind as TicketStateEventKind, at: Number(r.at) }))
        .sort((a, b) => a.at - b.at);
    },

    // The three range reads below return thousands of rows each: read as cell arrays (./json-rows.ts).
    async escalations(workspaceId, window) {
      const query = db
        .selectFrom('escalations')
        // The queue and priority the agent chose, stored beside the request (migration 0013): every column read
        // here is in `escalations_report_idx`, so the rows (each with a summary of a few KB) are never visited.
        .select(ESCALATION_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to);
      return (await readAsCells(ctx, query, ESCALATION_COLUMNS)).map(([id, ticketId, status, createdAt, queue, priority]) => ({
        id: id as string,
        ticketId: ticketId as string | null,
        status: status as string,
        createdAt: Number(createdAt),
        queue: queue as string | null,
        priority: priority as string | null,
      }));
    },

    // ~26,000 firings in a busy workspace's 180-day window, ~10,000 tickets: one row per ticket with its counts
    // (the report filters by the ticket, so it needs no more), summed by the engine rather than shipped as rows.
    async firingCounts(workspaceId, periods) {
      const counts = PERIOD_NAMES.flatMap((name) =>
        FIRING_SLOTS.map(({ step, kind }, i) => {
          const { from, to } = periods[name];
          return sql<number>`sum(case when fired_at >= ${from} and fired_at < ${to} and step = ${step} and kind = ${kind} then 1 else 0 end)`.as(
            `${name}_${i}`,
          );
        }),
      );
      const query = db
        .selectFrom('ladder_firings')
        .select('ticket_id')
        .select(counts)
        .where('workspace_id', '=', workspaceId)
        .where('fired_at', '>=', Math.min(periods.current.from, periods.previous.from))
        .where('fired_at', '<', Math.max(periods.current.to, periods.previous.to))
        .groupBy('ticket_id');
      const slots = FIRING_SLOTS.length;
      return (await readAsCells(ctx, query, ['ticket_id', ...FIRING_COUNT_COLUMNS])).map(([ticketId, ...n]) => ({
        ticketId: ticketId as string,
        current: n.slice(0, slots).map(Number),
        previous: n.slice(slots).map(Number),
      }));
    },

    async feedback(workspaceId, window) {
      const query = db
        .selectFrom('triage_feedback')
        .select(FEEDBACK_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to);
      return (await readAsCells(ctx, query, FEEDBACK_COLUMNS)).map((c) => ({
        escalationId: c[0] as string,
        createdAt: Number(c[1]),
        judged: Number(c[2]) === 1,
        suggestedOutcome: c[3] as string,
        suggestedPriority: c[4] as string | null,
        finalQueue: c[5] as string,
        finalPriority: c[6] as string,
        overrodeKeepInChat: Number(c[7]) === 1,
      }));
    },

    async deadEscalationJobs(workspaceId, window) {
      const rows = await db
        .selectFrom('outbox')
        .select(['kind', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'dead')
        .where('kind', 'like', 'escalation.%')
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to)
        .execute();
      return rows.map((r) => ({ kind: r.kind, createdAt: Number(r.created_at) }));
    },
  };
}
