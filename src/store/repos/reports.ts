/**
 * What the reports read, and the two records they add (migration 0008). Reads are per workspace and bounded by
 * the report's window; the maths over the rows is the pure `src/domain/reports/`, so this file only selects.
 *
 * The window is [from, to): the previous period's start to the current period's end. A ticket belongs to it when
 * it was created in it, is open now (the backlog), or was resolved or reopened in it.
 */
import { sql } from 'kysely';
import type { Db, RepoContext } from './repo-helpers';

export const TICKET_STATE_EVENT_KINDS = ['resolved', 'reopened'] as const;
export type TicketStateEventKind = (typeof TICKET_STATE_EVENT_KINDS)[number];

export interface ReportWindow {
  from: number;
  to: number;
}

export interface ReportTicketRow {
  ticketId: string;
  ticketNumber: string | null;
  conversationId: string;
  title: string;
  createdAt: number;
  stateCategory: string;
  priority: string | null;
  queue: string | null;
  teamId: string | null;
  teamName: string | null;
  isOpen: boolean;
  /** The stored clock states (JSON, parsed by the caller), null when the ticket has no such clock. */
  responseClock: unknown;
  resolutionClock: unknown;
}

/** A ticket as the all-time CSV lists it: the snapshot only. */
export type ReportTicketListRow = Omit<ReportTicketRow, 'responseClock' | 'resolutionClock'>;

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

export interface ReportsRepo {
  /** Conversations the sidebar was shown in; a conversation already recorded keeps its first sighting. */
  recordSeen(workspaceId: string, seen: readonly { conversationId: string; at: number }[]): Promise<void>;
  /** One resolution or reopening of a linked ticket (idempotent: the same event applied twice is one row). */
  recordStateEvent(workspaceId: string, event: ReportStateEventRow): Promise<void>;
  /** First sightings in [from, to), counted. */
  countSeen(workspaceId: string, from: number, to: number): Promise<number>;
  tickets(workspaceId: string, window: ReportWindow): Promise<ReportTicketRow[]>;
  /** Every resolution and reopening of these tickets (those `tickets` returned), oldest first. */
  stateEvents(workspaceId: string, ticketIds: readonly string[]): Promise<ReportStateEventRow[]>;
  escalations(workspaceId: string, window: ReportWindow): Promise<ReportEscalationRow[]>;
  firings(workspaceId: string, window: ReportWindow): Promise<ReportFiringRow[]>;
  feedback(workspaceId: string, window: ReportWindow): Promise<ReportFeedbackRow[]>;
  /** Escalation work (create, note, share) dead-lettered, by when it was queued. */
  deadEscalationJobs(workspaceId: string, window: ReportWindow): Promise<ReportDeadJobRow[]>;
  /** Every linked ticket (without its clocks), oldest first, `pageSize` at a time after `after`: the all-time CSV's pages. */
  ticketPage(workspaceId: string, after: { createdAt: number; ticketId: string } | null, pageSize: number): Promise<ReportTicketListRow[]>;
}

/** Ids per `in (…)` list: well under SQLite's bound-parameter limit. */
const ID_CHUNK = 500;

/** The snapshot columns every ticket read of the reports selects. */
const SNAPSHOT_COLUMNS = [
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

function ticketQuery(db: Db) {
  return db
    .selectFrom('ticket_links as t')
    .leftJoin('sla_clocks as r', (j) =>
      j.onRef('r.workspace_id', '=', 't.workspace_id').onRef('r.ticket_id', '=', 't.ticket_id').on('r.kind', '=', 'response'),
    )
    .leftJoin('sla_clocks as s', (j) =>
      j.onRef('s.workspace_id', '=', 't.workspace_id').onRef('s.ticket_id', '=', 't.ticket_id').on('s.kind', '=', 'resolution'),
    )
    .select(SNAPSHOT_COLUMNS)
    .select(['r.state_json as response_json', 's.state_json as resolution_json']);
}

type TicketSelect = Awaited<ReturnType<ReturnType<typeof ticketQuery>['execute']>>[number];

function toTicketRow(row: TicketSelect): ReportTicketRow {
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
    responseClock: row.response_json === null ? null : JSON.parse(row.response_json),
    resolutionClock: row.resolution_json === null ? null : JSON.parse(row.resolution_json),
  };
}

export function createReportsRepo({ db, dialect }: RepoContext): ReportsRepo {
  // The queue and priority the agent chose, read from the request without shipping its summary text to the app.
  const requestField = (field: 'queue' | 'priority') =>
    dialect === 'postgres'
      ? sql<string | null>`(request_json::jsonb ->> ${field})`
      : sql<string | null>`json_extract(request_json, ${`$.${field}`})`;

  return {
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

    async tickets(workspaceId, window) {
      // Three reads that each use an index (created, open, events in the window), merged here: one query with an
      // OR across them makes both engines scan the workspace's every ticket.
      const base = () => ticketQuery(db).where('t.workspace_id', '=', workspaceId);
      const [created, open, touched] = await Promise.all([
        base().where('t.created_at', '>=', window.from).where('t.created_at', '<', window.to).execute(),
        base().where('t.is_open', '=', 1).execute(),
        db
          .selectFrom('ticket_state_events')
          .select('ticket_id')
          .distinct()
          .where('workspace_id', '=', workspaceId)
          .where('at', '>=', window.from)
          .where('at', '<', window.to)
          .execute(),
      ]);
      const rows = new Map<string, TicketSelect>();
      for (const row of [...created, ...open]) rows.set(row.ticket_id, row);
      const missing = touched.map((r) => r.ticket_id).filter((id) => !rows.has(id));
      for (let i = 0; i < missing.length; i += ID_CHUNK) {
        const more = await base()
          .where('t.ticket_id', 'in', missing.slice(i, i + ID_CHUNK))
          .execute();
        for (const row of more) rows.set(row.ticket_id, row);
      }
      return [...rows.values()].map(toTicketRow);
    },

    async stateEvents(workspaceId, ticketIds) {
      const out: ReportStateEventRow[] = [];
      for (let i = 0; i < ticketIds.length; i += ID_CHUNK) {
        const rows = await db
          .selectFrom('ticket_state_events')
          .select(['ticket_id', 'kind', 'at'])
          .where('workspace_id', '=', workspaceId)
          .where('ticket_id', 'in', ticketIds.slice(i, i + ID_CHUNK))
          .execute();
        for (const r of rows) out.push({ ticketId: r.ticket_id, kind: r.kind as TicketStateEventKind, at: Number(r.at) });
      }
      return out.sort((a, b) => a.at - b.at);
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

    async ticketPage(workspaceId, after, pageSize) {
      let query = db.selectFrom('ticket_links as t').select(SNAPSHOT_COLUMNS).where('t.workspace_id', '=', workspaceId);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('t.created_at', '>', after.createdAt),
            eb.and([eb('t.created_at', '=', after.createdAt), eb('t.ticket_id', '>', after.ticketId)]),
          ]),
        );
      }
      const rows = await query.orderBy('t.created_at').orderBy('t.ticket_id').limit(pageSize).execute();
      return rows.map((row) => {
        const { responseClock: _r, resolutionClock: _s, ...listed } = toTicketRow({ ...row, response_json: null, resolution_json: null });
        return listed;
      });
    },
  };
}
