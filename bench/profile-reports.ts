/**
 * `npx tsx bench/profile-reports.ts [reports]`: where the 90-day report's CPU goes. Seeds the reports scenario's
 * workspace (20,000 tickets, `bench/scenarios/reports.ts`) into a fresh store, warms up, then builds and renders the
 * report under V8's sampling profiler (node:inspector). Prints the CPU of reading + computing and of rendering, and
 * the self time by part of the code, largest first. With DATABASE_URL set, on PostgreSQL (its server's work is not
 * in this process's profile).
 */
import { Session } from 'node:inspector/promises';
import { NO_FILTERS } from '../src/domain/reports/facts';
import { calendarKey } from '../src/domain/reports/ticket-figures';
import { createSettingsService } from '../src/services/settings-service';
import { renderReport } from '../src/http/reports/render';
import { createStore, migrateToLatest } from '../src/store';
import { seedReportsWorkspace } from './scenarios/reports';
import { openSpec, prepareStore } from './store-engine';
import { type ProfileNode, printShares, summarise } from './report/cpu-profile';

/** Self time is attributed to the first of these the frame's script path contains; the rest is "other". */
const PARTS: readonly [string, string][] = [
  ['node_modules/kysely', 'kysely'],
  ['node_modules/better-sqlite3', 'better-sqlite3 (JS side)'],
  ['node_modules/pg', 'pg (driver)'],
  ['node_modules/echarts', 'echarts'],
  ['node_modules/zrender', 'zrender (echarts SVG)'],
  ['node_modules/luxon', 'luxon (time zones)'],
  ['/src/domain/sla', 'SLA calendar (src/domain/sla)'],
  ['/src/domain/reports/', 'report sections (src/domain/reports)'],
  ['/src/services/reports/', 'rows → facts (src/services/reports)'],
  ['/src/store', 'store (our repositories)'],
  ['/src/http/reports', 'HTML and chart options (src/http/reports)'],
];

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const reports = Number(process.argv[2] ?? 5);
  const bench = await prepareStore(process.env['DATABASE_URL']);
  const database = openSpec(bench.spec);
  const store = createStore(database);
  try {
    await migrateToLatest(database);
    const { service, workspace, period, ctx } = await seedReportsWorkspace(database, store, (line) => console.log(line));
    const once = async () => {
      const start = process.cpuUsage();
      const report = await service.report(workspace, period, NO_FILTERS);
      const built = cpuMs(start);
      const render = process.cpuUsage();
      renderReport(report, period, NO_FILTERS, ctx);
      return { built, rendered: cpuMs(render) };
    };
    await once();
    await once();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const runs: { built: number; rendered: number }[] = [];
    for (let i = 0; i < reports; i += 1) runs.push(await once());
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const mean = (pick: (r: { built: number; rendered: number }) => number) =>
      (runs.reduce((s, r) => s + pick(r), 0) / runs.length).toFixed(0);
    console.log(
      `${reports} reports, CPU per report (profiler on): read + compute ${mean((r) => r.built)} ms, render ${mean((r) => r.rendered)} ms`,
    );
    const { busy, byPart, byFunction } = summarise(profile.nodes as ProfileNode[], profile.samples ?? [], PARTS);
    console.log('Self time by part:');
    printShares(byPart, busy, 18);
    console.log('Top functions (self time):');
    printShares(byFunction, busy, 25);
    // Each of the report's reads alone: the CPU this process spends on it (for SQLite that includes the engine).
    const window = { from: period.previous.from, to: period.current.to };
    const settings = await createSettingsService(store).get(workspace.id);
    const reads: [string, () => Promise<unknown>][] = [
      ['tickets', () => store.reports.tickets(workspace.id, window, calendarKey(settings.sla.businessHours))],
      ['escalations', () => store.reports.escalations(workspace.id, window)],
      ['firing counts', () => store.reports.firingCounts(workspace.id, period)],
      ['feedback', () => store.reports.feedback(workspace.id, window)],
      ['dead jobs', () => store.reports.deadEscalationJobs(workspace.id, window)],
      ['incidents', () => store.reports.incidents(workspace.id, window)],
      ['seen', () => store.reports.countSeen(workspace.id, period.current.from, period.current.to)],
    ];
    console.log('Reads alone, CPU ms (mean of 3), rows:');
    for (const [name, read] of reads) {
      let rows = 0;
      const start = process.cpuUsage();
      for (let i = 0; i < 3; i += 1) {
        const result = await read();
        rows = Array.isArray(result) ? result.length : 1;
      }
      console.log(`  ${(cpuMs(start) / 3).toFixed(0).padStart(5)} ms  ${name} (${rows} rows)`);
    }
  } finally {
    await store.close();
    await bench.cleanup();
  }
}

void main();
