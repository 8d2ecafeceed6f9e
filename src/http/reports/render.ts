/**
 * The reports page: a GET form for the period and filters (works without script), then the seven sections, each
 * with its headline figures and trend, a chart, the same numbers as tables (for screen readers and copying), a CSV
 * link per table and the definitions behind a <details>. Every value goes through the escaping `html` tag.
 */
import { PRIORITIES, QUEUE_KEYS, TIERS } from '../../domain/model';
import { DEFINITIONS, INCIDENTS_NOT_FILTERED, SECTION_TITLES, type SectionId } from '../../domain/reports/definitions';
import type { Filters } from '../../domain/reports/facts';
import type { PeriodChoice } from '../../domain/reports/period';
import type { Report } from '../../domain/reports/report';
import type { ReportTable } from '../../domain/reports/table';
import { incidentsTable } from '../../domain/reports/incidents';
import { oldestTable } from '../../domain/reports/tables';
import { flag, html, page, SafeHtml } from '../settings/html';
import { barChart, lineChart } from './charts';
import { formatCell, formatValue, trendText } from './figures';

export interface PageContext {
  workspaceName: string;
  /** The query string of this view (already validated), appended to CSV links. */
  query: string;
  teams: readonly { id: string; name: string }[];
  ticketUrl: (ticketId: string) => string;
}

export const shell = (title: string, body: SafeHtml) => page(title, body, ['/reports/assets/reports.css']);

function select(name: string, label: string, options: readonly { value: string; label: string }[], chosen: string | null): SafeHtml {
  return html`<label>${label} <select name="${name}"><option value="">All</option>${options.map(
    (o) => html`<option value="${o.value}"${flag('selected', o.value === chosen)}>${o.label}</option>`,
  )}</select></label>`;
}

function periodForm(period: PeriodChoice | null, filters: Filters | null, ctx: PageContext): SafeHtml {
  const f = filters ?? { queue: null, priority: null, tier: null, team: null };
  const custom = period && period.preset === null ? period.current : null;
  const opt = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return html`<form method="get" action="/reports" class="report-form">
<fieldset><legend>Period</legend>
<label>Last <select name="days">${[7, 30, 90].map(
    (d) => html`<option value="${d}"${flag('selected', period?.preset === d)}>${d} days</option>`,
  )}<option value=""${flag('selected', custom !== null)}>(from–to below)</option></select></label>
<label>From <input type="date" name="from" value="${custom?.firstDay ?? ''}"></label>
<label>To <input type="date" name="to" value="${custom?.lastDay ?? ''}"></label>
</fieldset>
<fieldset><legend>Filters</legend>
${select('queue', 'Queue', opt(QUEUE_KEYS), f.queue)}
${select('priority', 'Priority', opt(PRIORITIES), f.priority)}
${select('tier', 'Tier', opt(TIERS), f.tier)}
${select(
  'team',
  'Owning team',
  ctx.teams.map((t) => ({ value: t.id, label: t.name })),
  f.team,
)}
</fieldset>
<button type="submit">Show</button>
</form>`;
}

function tableHtml(table: ReportTable, ctx: PageContext): SafeHtml {
  return html`<div class="report-table"><table id="t-${table.id}"><caption>${table.title}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${table.rows.length === 0 ? html`<tr><td colspan="${table.columns.length}">Nothing in this period.</td></tr>` : table.rows.map((r) => html`<tr>${r.map((c) => html`<td>${formatCell(c)}</td>`)}</tr>`)}</tbody>
</table>
<a class="csv" href="/reports/csv/${table.id}${ctx.query}" download="${table.id}.csv">Download CSV</a></div>`;
}

function section(id: SectionId, report: Report, chart: string | null, tables: SafeHtml[], note?: string): SafeHtml {
  return html`<section id="${id}" class="report-section"><h2>${SECTION_TITLES[id]}</h2>${note ? html`<p class="section-note">${note}</p>` : ''}
<dl class="figures">${report.figures[id].map((f) => {
    const trend = trendText(f);
    return html`<div class="figure" data-figure="${f.id}"><dt>${f.label}</dt><dd><span class="value">${formatValue(f.current, f.unit)}</span> <span class="trend ${trend.tone}">${trend.text}</span></dd></div>`;
  })}</dl>
<div class="chart-and-tables">${chart === null ? '' : html`<figure class="chart" aria-hidden="true">${new SafeHtml(chart)}</figure>`}${tables}</div>
<details><summary>How is this counted?</summary><ul>${DEFINITIONS[id].map((d) => html`<li>${d}</li>`)}</ul></details>
</section>`;
}

const column = (table: ReportTable, i: number) => table.rows.map((r) => r[i] ?? null);
const labels = (table: ReportTable) => table.rows.map((r) => String(r[0]));

function oldestHtml(report: Report, ctx: PageContext): SafeHtml {
  const table = oldestTable(report);
  const links = report.backlog.oldest.map((t) => ctx.ticketUrl(t.ticketId));
  return html`<div class="report-table"><table id="t-${table.id}"><caption>${table.title}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${table.rows.map((r, i) => html`<tr><td><a href="${links[i] ?? '#'}" rel="noreferrer" target="_blank">${formatCell(r[0] ?? null)}</a></td>${r.slice(1).map((c) => html`<td>${formatCell(c)}</td>`)}</tr>`)}</tbody>
</table>
<a class="csv" href="/reports/csv/${table.id}${ctx.query}" download="${table.id}.csv">Download CSV</a></div>`;
}

export function renderReport(report: Report, period: PeriodChoice, filters: Filters, ctx: PageContext): string {
  const { escalation, attainment, backlog, speed, outcomes, triage } = report;
  const weekly = escalation.weekly;
  const p = report.input.current;
  const body = html`<main class="reports">
<header><h1>Handoff reports</h1><p>${ctx.workspaceName}: ${p.firstDay} to ${p.lastDay} (${p.days} days), compared with ${report.input.previous.firstDay} to ${report.input.previous.lastDay}.</p>
<p><a href="/reports/tickets.csv">Download every ticket, all time (CSV)</a></p></header>
${periodForm(period, filters, ctx)}
${section('escalation', report, lineChart('Escalations per week', labels(weekly), [{ name: 'Escalations', values: column(weekly, 1) }]), [tableHtml(weekly, ctx)])}
${section('incidents', report, null, [tableHtml(incidentsTable(report.input), ctx)], INCIDENTS_NOT_FILTERED)}
${section(
  'attainment',
  report,
  barChart(
    'SLA met, breached, running by queue (resolution)',
    labels(attainment.byQueue),
    [
      { name: 'Met %', values: column(attainment.byQueue, 6), stack: 'a' },
      { name: 'Breached %', values: column(attainment.byQueue, 7), stack: 'a' },
      { name: 'Running %', values: column(attainment.byQueue, 8), stack: 'a' },
    ],
    '%',
  ),
  [tableHtml(attainment.byPriorityTier, ctx), tableHtml(attainment.byQueue, ctx), tableHtml(attainment.ladder, ctx)],
)}
${section(
  'backlog',
  report,
  barChart('Age of open tickets', labels(backlog.aging), [
    { name: 'Calendar days', values: column(backlog.aging, 1) },
    { name: 'Business days', values: column(backlog.aging, 2) },
  ]),
  [tableHtml(backlog.byState, ctx), tableHtml(backlog.byQueue, ctx), tableHtml(backlog.aging, ctx), oldestHtml(report, ctx)],
)}
${section(
  'speed',
  report,
  lineChart(
    'Median business hours per week',
    labels(speed.weekly),
    [
      { name: 'First response', values: column(speed.weekly, 2) },
      { name: 'Resolution', values: column(speed.weekly, 5) },
    ],
    ' h',
  ),
  [tableHtml(speed.byPriority, ctx), tableHtml(speed.byQueue, ctx), tableHtml(speed.weekly, ctx)],
)}
${section('outcomes', report, null, [tableHtml(outcomes.table, ctx)])}
${section('triage', report, null, [tableHtml(triage.byQueue, ctx), tableHtml(triage.corrections, ctx)])}
</main>`;
  return shell('Handoff reports', body);
}

/** The page with the form and a message instead of figures: bad input, or no access. */
export function renderReportMessage(
  title: string,
  text: string,
  ctx: PageContext | null,
  action?: { href: string; label: string },
): string {
  return shell(
    title,
    html`<main class="reports"><h1>${title}</h1><p class="notice" role="alert">${text}</p>${action ? html`<p><a href="${action.href}">${action.label}</a></p>` : ''}${ctx ? periodForm(null, null, ctx) : ''}</main>`,
  );
}
