/**
 * The reports at the issue's scale: one workspace with 20,000 tickets over a year (clocks, resolutions, ladder
 * steps, escalations, triage feedback, 120,000 conversations seen) in the benchmark's store, beside the other
 * workspaces' million tickets when run from `npm run bench`. Timed: the 90-day report read and rendered to HTML
 * (p50 of 7 after 2 warm-ups; target ≤ 300 ms), and the all-time CSV of the 20,000 tickets streamed page by page
 * (its time and how far the heap grew while it ran, which stays at a page's worth, not the whole file's).
 *
 * Alone: `npx tsx bench/scenarios/reports.ts` (SQLite in a temp file; `DATABASE_URL=postgres://…` for PostgreSQL).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { QUEUE_KEYS, QUEUE_LABELS } from '../../src/domain/model';
import { csvLine } from '../../src/domain/reports/csv';
import { NO_FILTERS } from '../../src/domain/reports/facts';
import { presetPeriod } from '../../src/domain/reports/period';
import { defaultSettings } from '../../src/domain/settings';
import { renderReport } from '../../src/http/reports/render';
import { buildHistory, insertHistory } from '../../src/sandbox/report-history';
import { createReportService } from '../../src/services/reports/report-service';
import { createSettingsService } from '../../src/services/settings-service';
import { createStore, type Database, migrateToLatest, type Store } from '../../src/store';
import { BENCH_NOW } from '../bench-clock';
import { atMost, type Row, row } from '../report/rows';
import { percentile } from '../stats';
import { openSpec, prepareStore, type StoreSpec } from '../store-engine';

const WORKSPACE = 'bench-reports';
const TICKETS = 20_000;
const DAY = 86_400_000;

/** The reports workspace seeded into `database`, and what one timed report needs: the service, the period, the page's context. */
export async function seedReportsWorkspace(database: Database, store: Store, log: (line: string) => void, tickets = TICKETS) {
  const now = BENCH_NOW;
  await store.workspaces.upsert(WORKSPACE, {
    name: 'Reports bench',
    region: 'us',
    apiBaseUrl: 'https://api.intercom.io',
    timezone: 'Europe/Berlin',
    token: null,
    installMode: 'oauth',
    installedAt: now - 400 * DAY,
    installedByAdminId: '1',
  });
  const policy = defaultSettings('Europe/Berlin').sla;
  const teams = Object.fromEntries(QUEUE_KEYS.map((q, i) => [q, { id: String(700 + i), name: QUEUE_LABELS[q] }])) as never;
  const history = buildHistory({
    workspaceId: WORKSPACE,
    now,
    days: 365,
    tickets,
    policy,
    teams,
    openFrom: now - 20 * DAY,
    idPrefix: 'rb',
  });
  const seedStart = performance.now();
  await insertHistory(database.db, history, 100);
  // A bulk load leaves PostgreSQL without statistics until autovacuum gets to it; without them it plans the clock
  // joins as nested loops over the whole workspace. A real workspace grows slowly and is analysed as it goes.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  log(
    `  seeded ${history.ticket_links.length.toLocaleString('en-US')} tickets for the reports in ${Math.round(performance.now() - seedStart)} ms`,
  );

  const clock = { now: () => now };
  const service = createReportService({ store, clock, settings: createSettingsService(store) });
  const workspace = (await store.workspaces.get(WORKSPACE))!;
  const period = presetPeriod(90, now, workspace.timezone);
  const ctx = {
    workspaceName: workspace.name,
    query: '?days=90',
    teams: [],
    ticketUrl: (id: string) => `https://app.intercom.com/${id}`,
  };
  return { service, workspace, period, ctx };
}

export async function reportRows(spec: StoreSpec, log: (line: string) => void, tickets = TICKETS): Promise<Row[]> {
  const database = openSpec(spec);
  const store = createStore(database);
  try {
    const { service, workspace, period, ctx } = await seedReportsWorkspace(database, store, log, tickets);
    // CPU time beside wall time: on a shared machine the wall time mostly says how long the process waited for a core.
    const once = async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await service.report(workspace, period, NO_FILTERS);
      const page = renderReport(report, period, NO_FILTERS, ctx);
      const used = process.cpuUsage(cpu);
      return {
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        bytes: page.length,
        tickets: report.input.tickets.length,
      };
    };
    await once();
    await once();
    const samples = [];
    for (let i = 0; i < 7; i += 1) samples.push(await once());
    const ms = samples.map((s) => s.ms);

    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let bytes = 0;
    let lines = 0;
    const csvStart = performance.now();
    for await (const pageRows of service.allTickets(WORKSPACE)) {
      for (const t of pageRows) {
        bytes += csvLine([t.ticketNumber, t.title, t.conversationId, t.createdAt, t.stateCategory, t.priority, t.queue, t.teamName]).length;
        lines += 1;
      }
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const csvMs = performance.now() - csvStart;
    return [
      row(
        'reports.p50',
        `90-day report, ${tickets.toLocaleString('en-US')}-ticket workspace, read + rendered, p50`,
        Math.round(percentile(ms, 50)),
        'ms',
        atMost(300),
        `p95 ${Math.round(percentile(ms, 95))} ms; CPU p50 ${Math.round(
          percentile(
            samples.map((x) => x.cpuMs),
            50,
          ),
        )} ms (this process; PostgreSQL's own work is not in it); ${samples[0]!.tickets.toLocaleString('en-US')} tickets in the window, ${Math.round(samples[0]!.bytes / 1024)} KB of HTML`,
        { samplesMs: ms, cpuMs: samples.map((x) => x.cpuMs), loadAverage: os.loadavg()[0] },
      ),
      row(
        'reports.csv',
        `All-time CSV, ${lines.toLocaleString('en-US')} tickets, streamed`,
        Math.round(csvMs),
        'ms',
        null,
        `${Math.round(bytes / 1024)} KB written; heap grew at most ${((heapPeak - heapBefore) / 1_048_576).toFixed(1)} MB`,
      ),
    ];
  } finally {
    await store.close();
  }
}

async function alone(): Promise<void> {
  const bench = await prepareStore(process.env['DATABASE_URL']);
  try {
    const database = openSpec(bench.spec);
    await migrateToLatest(database);
    await database.close();
    const rows = await reportRows(bench.spec, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`${await bench.describe()}\n`);
    for (const r of rows) process.stdout.write(`${r.label}: ${r.figure} ${r.unit} (${r.detail})\n`);
    process.stdout.write(`1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores\n`);
  } finally {
    await bench.cleanup();
  }
}

if (require.main === module) void alone();
