/**
 * The reports' reads of linked tickets, and the per-ticket figures stored beside them (migration 0011). The window
 * is [from, to): the previous period's start to the current period's end. A ticket belongs to it when it was
 * created in it, is open now (the backlog), or was resolved or reopened in it.
 */
import type { ExpressionBuilder } from 'kysely';
import type { StoredFigures } from '../../domain/reports/figures-codec';
import type { Tables } from '../schema';
import { readAsCells } from './json-rows';
import { FIGURE_COLUMNS, LIST_COLUMNS, reportFigureColumns, TICKET_ROW, ticketQuery, toListRow, toTicketRow } from './report-ticket-rows';
import type { RepoContext } from './repo-helpers';

export { reportFigureColumns } from './report-ticket-rows';

export interface ReportWindow {
  from: number;
  to: number;
}

/** A window ticket as the report computes with it: the snapshot fields it counts by, and its stored figures. */
export interface ReportTicketRow {
  ticketId: string;
  createdAt: number;
  stateCategory: string;
  priority: string | null;
  queue: string | null;
  teamId: string | null;
  isOpen: boolean;
  /** The stored figures when they were measured with the calendar asked for; null without a row or under other hours. */
  figures: StoredFigures | null;
}

/** A ticket as the all-time CSV lists it: the snapshot only. */
export interface ReportTicketListRow {
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
}

/** What the page shows of a ticket beyond the figures (the oldest open ones only). */
export interface ReportTicketDetails {
  ticketId: string;
  ticketNumber: string | null;
  title: string;
}

/** A ticket's stored clock (its JSON, with the `basis` the SLA service keeps beside the state). */
export interface ReportClockRow {
  ticketId: string;
  kind: string;
  state: unknown;
}

export interface ReportFiguresWrite {
  ticketId: string;
  calendar: string;
  figures: StoredFigures;
}

export interface ReportTicketReads {
  /** The window's tickets, each with its figures if they were measured with `calendar` (a `calendarKey`). */
  tickets(workspaceId: string, window: ReportWindow, calendar: string): Promise<ReportTicketRow[]>;
  /** Number and title of these tickets (the page names only the oldest open few). */
  ticketDetails(workspaceId: string, ticketIds: readonly string[]): Promise<ReportTicketDetails[]>;
  /** Every linked ticket (snapshot only), oldest first, `pageSize` at a time after `after`: the all-time CSV's pages. */
  ticketPage(workspaceId: string, after: { createdAt: number; ticketId: string } | null, pageSize: number): Promise<ReportTicketListRow[]>;
  /** The stored clocks of these tickets (both kinds). */
  ticketClocks(workspaceId: string, ticketIds: readonly string[]): Promise<ReportClockRow[]>;
  /**
   * Stores tickets' figures. `replace` (the clock save's and the event's own transaction) always writes; `fill`
   * (a report working out missing or outdated rows) writes only where the row is missing or measured under another
   * calendar, so it can never overwrite figures a concurrent clock save wrote from newer clocks.
   */
  saveFigures(workspaceId: string, rows: readonly ReportFiguresWrite[], now: number, mode: 'replace' | 'fill'): Promise<void>;
}

/** Ids per `in (…)` list: well under SQLite's bound-parameter limit. */
const ID_CHUNK = 500;

/** Reads rows for a list of ids of any length, `ID_CHUNK` ids per query, results in order. */
export async function readInChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(...(await read(ids.slice(i, i + ID_CHUNK))));
  return out;
}

function parseOrNull(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function createReportTicketReads(ctx: RepoContext): ReportTicketReads {
  const { db } = ctx;
  return {
    async tickets(workspaceId, window, calendar) {
      // Three disjoint parts in one statement, each read through an index: created in the window; open now and
      // created outside it; closed, created outside it, with a resolution or reopening in it. One query with an OR
      // across them makes both engines scan the workspace's every ticket, and reading the events' ticket ids into
      // the app first (as this did) shipped ~9,000 ids to find the few tickets they add.
      const base = () => ticketQuery(db, calendar).where('t.workspace_id', '=', workspaceId);
      const outside = (eb: ExpressionBuilder<Tables & { t: Tables['ticket_links'] }, 't'>) =>
        eb.or([eb('t.created_at', '<', window.from), eb('t.created_at', '>=', window.to)]);
      const touched = db
        .selectFrom('ticket_state_events as e')
        .select('e.ticket_id')
        .where('e.workspace_id', '=', workspaceId)
        .where('e.at', '>=', window.from)
        .where('e.at', '<', window.to);
      const query = base()
        .where('t.created_at', '>=', window.from)
        .where('t.created_at', '<', window.to)
        .unionAll(base().where('t.is_open', '=', 1).where(outside))
        .unionAll(base().where('t.is_open', '=', 0).where(outside).where('t.ticket_id', 'in', touched));
      return (await readAsCells(ctx, query, TICKET_ROW)).map(toTicketRow);
    },

    async ticketDetails(workspaceId, ticketIds) {
      const rows = await readInChunks(ticketIds, (chunk) =>
        db
          .selectFrom('ticket_links')
          .select(['ticket_id', 'ticket_number', 'title'])
          .where('workspace_id', '=', workspaceId)
          .where('ticket_id', 'in', chunk)
          .execute(),
      );
      return rows.map((r) => ({ ticketId: r.ticket_id, ticketNumber: r.ticket_number, title: r.title }));
    },

    async ticketPage(workspaceId, after, pageSize) {
      let query = db.selectFrom('ticket_links as t').select(LIST_COLUMNS).where('t.workspace_id', '=', workspaceId);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('t.created_at', '>', after.createdAt),
            eb.and([eb('t.created_at', '=', after.createdAt), eb('t.ticket_id', '>', after.ticketId)]),
          ]),
        );
      }
      const rows = await query.orderBy('t.created_at').orderBy('t.ticket_id').limit(pageSize).execute();
      return rows.map(toListRow);
    },

    async ticketClocks(workspaceId, ticketIds) {
      const rows = await readInChunks(ticketIds, (chunk) =>
        db
          .selectFrom('sla_clocks')
          .select(['ticket_id', 'kind', 'state_json'])
          .where('workspace_id', '=', workspaceId)
          .where('ticket_id', 'in', chunk)
          .execute(),
      );
      return rows.map((r) => ({ ticketId: r.ticket_id, kind: r.kind, state: parseOrNull(r.state_json) }));
    },

    async saveFigures(workspaceId, rows, now, mode) {
      // 18 values a row: well under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += ID_CHUNK / 10) {
        const values = rows.slice(i, i + ID_CHUNK / 10).map((r) => ({
          workspace_id: workspaceId,
          ticket_id: r.ticketId,
          calendar: r.calendar,
          ...reportFigureColumns(r.figures),
          updated_at: now,
        }));
        await db
          .insertInto('ticket_report_figures')
          .values(values)
          .onConflict((oc) => {
            const update = oc.columns(['workspace_id', 'ticket_id']).doUpdateSet((eb) => ({
              calendar: eb.ref('excluded.calendar'),
              ...Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as never)])),
              updated_at: eb.ref('excluded.updated_at'),
            }));
            return mode === 'replace' ? update : update.whereRef('ticket_report_figures.calendar', '<>', 'excluded.calendar');
          })
          .execute();
      }
    },
  };
}
