/**
 * Builds a workspace's report: reads the window (previous period's start to the current period's end) from the
 * store in parallel, turns the rows into facts and hands them to the pure report. The workspace always comes from
 * the caller's signed session; the period and filters are already validated (src/domain/reports/query.ts).
 */
import type { Filters } from '../../domain/reports/facts';
import type { PeriodChoice } from '../../domain/reports/period';
import { buildReport, namedTickets, type Report, withDetails } from '../../domain/reports/report';
import { calendarKey } from '../../domain/reports/ticket-figures';
import type { SlaPolicy } from '../../domain/settings';
import type { ReportTicketListRow, ReportTicketRow, Store, Workspace } from '../../store';
import type { Clock } from '../../util/clock';
import type { SettingsService } from '../settings-service';
import { deadJobFacts, escalationFacts, feedbackFacts, incidentFacts, ticketFacts } from './facts-from-rows';
import { figuresFromStore, figuresWrites } from './ticket-figures';

export interface ReportService {
  report(workspace: Workspace, period: PeriodChoice, filters: Filters): Promise<Report>;
  /** Every linked ticket, oldest first, one page at a time: the all-time CSV streams these without holding them all. */
  allTickets(workspaceId: string, pageSize?: number): AsyncGenerator<ReportTicketListRow[]>;
}

export interface ReportServiceDeps {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  /** Storing worked-out figures failed (the report itself is unaffected). */
  onFillError?: (error: unknown) => void;
}

export function createReportService(deps: ReportServiceDeps): ReportService {
  const { store } = deps;

  /**
   * The tickets with their stored figures. Rows without figures (tickets from before migration 0011) or measured
   * under business hours since changed are worked out from their clocks now and stored for the next read; that
   * write only fills what is missing or outdated, so it never races a clock save's fresher figures.
   */
  async function measuredFacts(rows: readonly ReportTicketRow[], policy: SlaPolicy, workspaceId: string, now: number) {
    const first = ticketFacts(rows);
    if (first.unmeasured.length === 0) return first.facts;
    const worked = await figuresFromStore(store, workspaceId, first.unmeasured, policy);
    try {
      await store.reports.saveFigures(workspaceId, figuresWrites(worked, policy), now, 'fill');
    } catch (error) {
      // The report is right without the write; the next read works them out again.
      deps.onFillError?.(error);
    }
    const byId = new Map(worked.map((w) => [w.ticketId, w.figures]));
    return ticketFacts(rows, byId).facts;
  }

  /** The report with the number and title of the few tickets it names, read for those only. */
  async function named(report: Report, workspaceId: string): Promise<Report> {
    const rows = await store.reports.ticketDetails(workspaceId, namedTickets(report));
    return withDetails(report, new Map(rows.map((r) => [r.ticketId, { ticketNumber: r.ticketNumber, title: r.title }])));
  }

  return {
    async report(workspace, period, filters) {
      const now = deps.clock.now();
      const window = { from: period.previous.from, to: period.current.to };
      const id = workspace.id;
      const settings = await deps.settings.get(id);
      const [tickets, escalations, firings, feedback, dead, incidents, incidentLinks, seenNow, seenBefore] = await Promise.all([
        store.reports.tickets(id, window, calendarKey(settings.sla.businessHours)),
        store.reports.escalations(id, window),
        store.reports.firingCounts(id, period),
        store.reports.feedback(id, window),
        store.reports.deadEscalationJobs(id, window),
        store.reports.incidents(id, window),
        store.reports.incidentLinks(id, window),
        store.reports.countSeen(id, period.current.from, period.current.to),
        store.reports.countSeen(id, period.previous.from, period.previous.to),
      ]);
      const facts = await measuredFacts(tickets, settings.sla, workspace.id, now);
      const report = buildReport({
        now,
        zone: workspace.timezone || 'UTC',
        policy: settings.sla,
        current: period.current,
        previous: period.previous,
        filters,
        tickets: facts,
        escalations: escalationFacts(escalations),
        firings,
        feedback: feedbackFacts(feedback),
        deadJobs: deadJobFacts(dead),
        incidents: incidentFacts(incidents),
        incidentLinks,
        seen: { current: seenNow, previous: seenBefore },
      });
      return named(report, id);
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
