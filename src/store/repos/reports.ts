/**
 * What the reports read, and the records they add (migrations 0008 and 0011). Reads are per workspace and bounded
 * by the report's window; the maths over the rows is the pure `src/domain/reports/`, so this file only selects.
 * The ticket reads and their stored figures are in ./report-tickets.ts, the incident reads in ./report-incidents.ts.
 */
import { sql } from 'kysely';
import { createReportIncidentReads, type ReportIncidentReads } from './report-incidents';
import { createReportTicketReads, type ReportTicketReads, type ReportWindow, readInChunks } from './report-tickets';
import type { RepoContext } from './repo-helpers';

export type { ReportIncidentLinkRow, ReportIncidentRow } from './report-incidents';
export type {
  ReportClockRow,
  ReportFiguresWrite,
  ReportTicketListRow,
  ReportTicketRow,
  ReportWindow,
} from './report-tickets';

export const TICKET_STATE_EVENT_KINDS = ['resolved', 'reopened'] as const;
export type TicketStateEventKind = (typeof TICKET_STATE_EVENT_KINDS)[number];

export interface ReportEscalationRow {
  id: string;
  conversationId: string;
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

export interface ReportFiringRow {
  ticketId: string;
  kind: string;
  step: string;
  firedAt: number;
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
  firings(workspaceId: string, window: ReportWindow): Promise<ReportFiringRow[]>;
  feedback(workspaceId: string, window: ReportWindow): Promise<ReportFeedbackRow[]>;
  /** Escalation work (create, note, share) dead-lettered, by when it was queued. */
  deadEscalationJobs(workspaceId: string, window: ReportWindow): Promise<ReportDeadJobRow[]>;
}

export function createReportsRepo({ db, dialect }: RepoContext): ReportsRepo {
  // The queue and priority the agent chose, read from the request without shipping its summary text to the app.
  const requestField = (field: 'queue' | 'priority') =>
    dialect === 'postgres'
      ? sql<string | null>`(request_json::jsonb ->> ${field})`
      : sql<string | null>`json_extract(request_json, ${`$.${field}`})`;

  return {
    ...createReportTicketReads(db),
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

    async escalations(workspaceId, window) {
      const rows = await db
        .selectFrom('escalations')
        .select(['id', 'conversation_id', 'ticket_id', 'status', 'created_at'])
        .select([requestField('queue').as('queue'), requestField('priority').as('priority')])
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        ticketId: r.ticket_id,
        status: r.status,
        createdAt: Number(r.created_at),
        queue: r.queue,
        priority: r.priority,
      }));
    },

    async firings(workspaceId, window) {
      const rows = await db
        .selectFrom('ladder_firings')
        .select(['ticket_id', 'kind', 'step', 'fired_at'])
        .where('workspace_id', '=', workspaceId)
        .where('fired_at', '>=', window.from)
        .where('fired_at', '<', window.to)
        .execute();
      return rows.map((r) => ({ ticketId: r.ticket_id, kind: r.kind, step: r.step, firedAt: Number(r.fired_at) }));
    },

    async feedback(workspaceId, window) {
      const rows = await db
        .selectFrom('triage_feedback')
        .select([
          'escalation_id',
          'created_at',
          'judged',
          'suggested_outcome',
          'suggested_priority',
          'final_queue',
          'final_priority',
          'overrode_keep_in_chat',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to)
        .execute();
      return rows.map((r) => ({
        escalationId: r.escalation_id,
        createdAt: Number(r.created_at),
        judged: r.judged === 1,
        suggestedOutcome: r.suggested_outcome,
        suggestedPriority: r.suggested_priority,
        finalQueue: r.final_queue,
        finalPriority: r.final_priority,
        overrodeKeepInChat: r.overrode_keep_in_chat === 1,
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
