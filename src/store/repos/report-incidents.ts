/**
 * The reports' reads of incidents (migration 0009). An incident belongs to the window when Handoff first linked it
 * (or started it) in the window, or it resolved in the window. Failed links never stood, so they neither open an
 * incident nor count; undone links opened it but no longer count as linked conversations.
 */
import type { ReportWindow } from './report-tickets';
import type { Db } from './repo-helpers';

export interface ReportIncidentRow {
  trackerId: string;
  ticketNumber: string | null;
  title: string;
  stateCategory: string;
  /** The earliest link Handoff made to it that did not fail. */
  firstLinkedAt: number;
  resolvedAt: number | null;
  /** Standing links now. */
  standing: number;
}

export interface ReportIncidentLinkRow {
  trackerId: string;
  createdAt: number;
}

export interface ReportIncidentReads {
  incidents(workspaceId: string, window: ReportWindow): Promise<ReportIncidentRow[]>;
  /** Links made in the window that still stand. */
  incidentLinks(workspaceId: string, window: ReportWindow): Promise<ReportIncidentLinkRow[]>;
}

export function createReportIncidentReads(db: Db): ReportIncidentReads {
  return {
    async incidents(workspaceId, { from, to }) {
      const links = db
        .selectFrom('incident_links')
        .select('tracker_id')
        .select((eb) => [eb.fn.min('created_at').as('first_linked_at'), eb.fn.count('active').as('standing')])
        .where('workspace_id', '=', workspaceId)
        .where('status', '!=', 'failed')
        .groupBy('tracker_id')
        .as('l');
      const rows = await db
        .selectFrom('incidents as i')
        .innerJoin(links, 'l.tracker_id', 'i.tracker_id')
        .select(['i.tracker_id', 'i.ticket_number', 'i.title', 'i.state_category', 'i.resolved_at', 'l.first_linked_at', 'l.standing'])
        .where('i.workspace_id', '=', workspaceId)
        .where((eb) =>
          eb.or([
            eb.and([eb('l.first_linked_at', '>=', from), eb('l.first_linked_at', '<', to)]),
            eb.and([eb('i.resolved_at', '>=', from), eb('i.resolved_at', '<', to)]),
          ]),
        )
        .execute();
      return rows.map((r) => ({
        trackerId: r.tracker_id,
        ticketNumber: r.ticket_number,
        title: r.title,
        stateCategory: r.state_category,
        firstLinkedAt: Number(r.first_linked_at),
        resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
        standing: Number(r.standing),
      }));
    },

    async incidentLinks(workspaceId, { from, to }) {
      const rows = await db
        .selectFrom('incident_links')
        .select(['tracker_id', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      return rows.map((r) => ({ trackerId: r.tracker_id, createdAt: Number(r.created_at) }));
    },
  };
}
