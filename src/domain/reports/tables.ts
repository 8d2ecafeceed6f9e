/** Every table of a report by id, in page order: what the page shows beside its charts and what each CSV link downloads. */
import { STATE_LABELS } from '../model';
import { incidentsTable } from './incidents';
import { localTime } from './period';
import type { Report } from './report';
import type { ReportTable } from './table';

const DAY_MS = 86_400_000;

export function oldestTable(report: Report): ReportTable {
  const { now, zone } = report.input;
  return {
    id: 'oldest-open',
    title: 'Oldest open tickets',
    columns: ['Ticket', 'Title', 'Queue', 'Priority', 'State', 'Opened', 'Age (days)'],
    rows: report.backlog.oldest.map((t) => [
      report.details.get(t.ticketId)?.ticketNumber ?? t.ticketId,
      report.details.get(t.ticketId)?.title ?? '',
      t.queue,
      t.priority,
      STATE_LABELS[t.state],
      localTime(t.createdAt, zone),
      Math.floor(((now - t.createdAt) / DAY_MS) * 10) / 10,
    ]),
  };
}

export function reportTables(report: Report): ReportTable[] {
  return [
    report.escalation.weekly,
    incidentsTable(report.input),
    report.attainment.byPriorityTier,
    report.attainment.byQueue,
    report.attainment.ladder,
    report.backlog.byState,
    report.backlog.byQueue,
    report.backlog.aging,
    oldestTable(report),
    report.speed.byPriority,
    report.speed.byQueue,
    report.speed.weekly,
    report.outcomes.table,
    report.triage.byQueue,
    report.triage.corrections,
  ];
}
