/**
 * `npm run bench [-- --quick] [--latency <ms>] [--no-pin] [--out <file>]`
 *
 * Seeds a store at realistic scale, starts the app against the fake Intercom, runs every scenario in one go and
 * prints one table: each figure, its target and its ratio to the target. Writes bench/results.json with the
 * machine, the store engine and the settings. Exits 0 whatever the figures say: it reports, it does not judge.
 * See bench/README.md for what each row measures.
 */
import { parseOptions, UsageError } from './options';
import type { memory } from './proc/rpc';
import { machineInfo, writeResults } from './report/results';
import { type Row, row, waiting } from './report/rows';
import { formatTable } from './report/table';
import { escalationRows } from './scenarios/escalation';
import { hostileMessageRows } from './scenarios/hostile-message';
import { reportRows } from './scenarios/reports';
import { mixedLoadRows } from './scenarios/mixed-load';
import { multiInstanceRows } from './scenarios/multi-instance';
import { coldView, sidebarRows } from './scenarios/sidebar';
import { slaStormRows } from './scenarios/sla-storm';
import { slaRows } from './scenarios/sla-tick';
import { summaryRows } from './scenarios/summary';
import { triageRows } from './scenarios/triage';
import { triageModelRows } from './scenarios/triage-model';
import { webhookRows } from './scenarios/webhooks';
import { type BenchEnv, setUp } from './setup';

/**
 * Table order: the issue's numbering (1 sidebar, 2 calls, 3 escalation, 4 summary, 5 SLA, 6 webhooks, 7 RSS), then
 * seeding; the hostile-message rows sit beside the summary.
 */
const ORDER = [
  'sidebar.rps50',
  'sidebar.p99_50',
  'sidebar.p99_10',
  'sidebar.fresh50',
  'sidebar.fresh_p99_10',
  'mixed.rps',
  'mixed.p99',
  'mixed.reused',
  ...[1, 2, 3].flatMap((n) => [`multi.rps_${n}`, `multi.p99_${n}`, `multi.reused_${n}`, `multi.duplicates_${n}`]),
  'sidebar.calls_warm',
  'sidebar.calls_cold',
  'escalation.p50',
  'escalation.calls',
  'summary.p50',
  'triage.p50_500',
  'triage.p50_8',
  'hostile.summary',
  'hostile.sidebar',
  'reports.p50',
  'reports.csv',
  'sla.none',
  'sla.due',
  'sla.storm',
  'sla.storm_per_clock',
  'sla.storm_block',
  'sla.storm_sidebar_p99',
  'webhooks.rate',
  'rss',
  'seed',
];
const rank = (r: Row) => (ORDER.includes(r.id) ? ORDER.indexOf(r.id) : ORDER.length);

const log = (line: string) => process.stdout.write(`${line}\n`);

/** A scenario that throws becomes a row saying so; the others still run. */
async function attempt(id: string, label: string, unit: string, fn: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await fn();
  } catch (error) {
    return [waiting(id, label, unit, null, `failed: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

async function scenarios(env: BenchEnv): Promise<Row[]> {
  const rows: Row[] = [];
  const { seed, options } = env;
  rows.push(
    row(
      'seed',
      'Seed store',
      seed.ms / 1000,
      's',
      null,
      `${seed.workspaces.toLocaleString('en-US')} workspaces, ${seed.tickets.toLocaleString('en-US')} tickets, ${seed.clocks.toLocaleString('en-US')} running clocks; ${env.storeName}`,
    ),
  );
  log('Sidebar: first view after start');
  const cold = await coldView(env);
  rows.push(
    row(
      'sidebar.calls_cold',
      'Intercom calls per sidebar view, cold',
      cold.calls,
      'calls',
      null,
      `first view after start took ${cold.ms.toFixed(1)} ms`,
    ),
  );
  // Early, while every seeded clock is still minutes from its first ladder step (see seed/rows.ts).
  log('SLA scheduler tick');
  rows.push(...(await attempt('sla.none', 'SLA tick', 'ms', () => slaRows(env))));
  log(`Sidebar under load (${options.loadSeconds} s per run after ${options.warmupSeconds} s warm-up; ${env.cpu.note})`);
  rows.push(...(await attempt('sidebar.rps50', 'Sidebar initialize', 'req/s', () => sidebarRows(env, cold.canvas, log))));
  log(`Escalation submit (fake latency ${options.latencyMs} ms)`);
  rows.push(...(await attempt('escalation.p50', 'Escalation submit', 'ms', () => escalationRows(env, log))));
  log('Mixed load: views over many conversations while webhooks arrive and the SLA scheduler runs');
  rows.push(...(await attempt('mixed.rps', 'Mixed load', 'views/s', () => mixedLoadRows(env, log))));
  log('Webhook ingest');
  rows.push(...(await attempt('webhooks.rate', 'Webhook ingest', 'notif/s', () => webhookRows(env, log))));
  log('Handoff summary');
  rows.push(...summaryRows(env.fake, env.demo, options.summaryIterations, env.now()));
  log('Triage engine');
  rows.push(...triageRows(options.summaryIterations));
  log('Triage with the model (500-part chat)');
  rows.push(...(await attempt('triage.with_model_500', 'Triage with the model', 'ms', async () => triageModelRows())));
  log('Hostile customer message (25, 50, 100 KB beside a normal one)');
  rows.push(...(await attempt('hostile.summary', 'Hostile message', 'ms', () => hostileMessageRows(env))));
  log('Reports (a 20,000-ticket workspace beside the others)');
  rows.push(...(await attempt('reports.p50', '90-day report', 'ms', () => reportRows(env.store.spec, log))));
  if (env.store.spec.engine === 'postgres') {
    log('Several instances on one PostgreSQL (1, 2, 3) sharing the mixed load');
    rows.push(...(await attempt('multi.rps_1', 'Several instances', 'views/s', () => multiInstanceRows(env, log))));
  }
  // Last: the storm leaves 10,000 ladder jobs queued, which would otherwise reach the fake during later scenarios.
  log('SLA storm: 10,000 clocks due in one minute, sidebar views alongside');
  rows.push(...(await attempt('sla.storm', 'SLA storm', 's', () => slaStormRows(env))));
  const app = await env.app.call<ReturnType<typeof memory>>('memory');
  rows.push(
    row('rss', 'Peak RSS of the app', app.peakRssMb, 'MB', null, `${app.rssMb.toFixed(0)} MB at the end; maxRSS of the app's process`),
  );
  if (env.fake.violations.length > 0) log(`Warning: the fake Intercom saw ${env.fake.violations.length} off-spec request(s)`);
  return rows;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const machine = machineInfo();
  const started = performance.now();
  log(
    `Handoff benchmark${options.quick ? ' (quick)' : ''} on ${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${machine.loadAverageAtStart}`,
  );
  const env = await setUp(options, log);
  // Ctrl-C still removes the temporary store (or PostgreSQL schema) and stops the children.
  process.once('SIGINT', () => {
    void env.close().finally(() => process.exit(130));
  });
  let rows: Row[];
  try {
    rows = await scenarios(env);
  } finally {
    await env.close();
  }
  rows.sort((a, b) => rank(a) - rank(b));
  const durationSeconds = Math.round((performance.now() - started) / 1000);
  log(`\n${formatTable(rows)}\n`);
  writeResults(options.resultsPath, {
    machine,
    store: env.storeName,
    cpuPinning: env.cpu.note,
    options: {
      quick: options.quick,
      sizes: options.sizes,
      latencyMs: options.latencyMs,
      loadSeconds: options.loadSeconds,
      warmupSeconds: options.warmupSeconds,
      escalations: options.escalations,
      webhooks: options.webhooks,
    },
    durationSeconds,
    fakeSpecViolations: env.fake.violations.length,
    rows,
  });
  log(`Wrote ${options.resultsPath} (${durationSeconds} s in all).`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof UsageError ? error.message : `Benchmark failed: ${error instanceof Error ? error.stack : String(error)}`}\n`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
