/**
 * Builds a workspace's report: reads the window (previous period's start to the current period's end) from the
 * store in parallel, turns the rows into facts and hands them to the pure report. The workspace always comes from
 * the caller's signed session; the period and filters are already validated (src/domain/reports/query.ts).
 */
import type { Filters } from '../../domain/reports/facts';
import type { PeriodChoice } from '../../domain/reports/period';
import { buildReport, type Report } from '../../domain/reports/report';
import type { ReportTicketListRow, Store, Workspace } from '../../store';
import type { Clock } from '../../util/clock';
import type { SettingsService } from '../settings-service';
import { deadJobFacts, escalationFacts, feedbackFacts, firingFacts, ticketFacts } from './facts-from-rows';

export interface ReportService {
  report(workspace: Workspace, period: PeriodChoice, filters: Filters): Promise<Report>;
  /** Every linked ticket, oldest first, one page at a time: the all-time CSV streams these without holding them all. */
  allTickets(workspaceId: string, pageSize?: number): AsyncGenerator<ReportTicketListRow[]>;
}

export function createReportService(deps: { store: Store; clock: Clock; settings: SettingsService }): ReportService {
  const { store } = deps;
  return {
    async report(workspace, period, filters) {
      const now = deps.clock.now();
      const window = { from: period.previous.from, to: period.current.to };
      const id = workspace.id;
      const ticketsRead = store.reports.tickets(id, window);
      const eventsRead = ticketsRead.then((rows) =>
        store.reports.stateEvents(
          id,
          rows.map((t) => t.ticketId),
        ),
      );
      const [settings, tickets, events, escalations, firings, feedback, dead, seenNow, seenBefore] = await Promise.all([
        deps.settings.get(id),
        ticketsRead,
        eventsRead,
        store.reports.escalations(id, window),
        store.reports.firings(id, window),
        store.reports.feedback(id, window),
        store.reports.deadEscalationJobs(id, window),
        store.reports.countSeen(id, period.current.from, period.current.to),
        store.reports.countSeen(id, period.previous.from, period.previous.to),
      ]);
      return buildReport({
        now,
        zone: workspace.timezone || 'UTC',
        policy: settings.sla,
        current: period.current,
        previous: period.previous,
        filters,
        tickets: ticketFacts(tickets, events),
        escalations: escalationFacts(escalations),
        firings: firingFacts(firings),
        feedback: feedbackFacts(feedback),
        deadJobs: deadJobFacts(dead),
        seen: { current: seenNow, previous: seenBefore },
      });
    },

    async *allTickets(workspaceId, pageSize = 500) {
      let after: { createdAt: number; ticketId: string } | null = null;
      for (;;) {
        const page = await store.reports.ticketPage(workspaceId, after, pageSize);
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        const last = page[page.length - 1]!;
        after = { createdAt: last.createdAt, ticketId: last.ticketId };
      }
    },
  };
}
