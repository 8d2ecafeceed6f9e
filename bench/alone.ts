/**
 * One scenario on its own, with the run's usual set-up (seeded store, fake Intercom, app child), so a figure can be
 * measured again without the ten minutes of everything else, or old and new code compared in alternating runs:
 *
 *   npx tsx bench/alone.ts escalation [--quick] [--latency <ms>] [--no-pin] [--out <file>]
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/alone.ts fresh --quick
 *   DATABASE_URL=postgres://… npx tsx bench/alone.ts multi-instance --quick
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/alone.ts storm --quick   (the SLA storm without the 100-due rows before it)
 *   DATABASE_URL=postgres://… npx tsx bench/alone.ts mixed --quick
 *
 * Prints the scenario's rows as `npm run bench` would. With `--out` (or `--results`, meaning the store's own file:
 * bench/results.json, or bench/results.postgres.json on PostgreSQL) its rows are merged into that results file: rows
 * of the same id are replaced, the others stay, and each merged row's data says when, on which store and under which
 * load it was measured, since the rest of the file may come from another run.
 */
import { existsSync } from 'node:fs';
import { parseOptions, UsageError } from './options';
import { machineInfo, mergeRows } from './report/results';
import type { Row } from './report/rows';
import { formatTable } from './report/table';
import { escalationRows } from './scenarios/escalation';
import { freshRows } from './scenarios/fresh';
import { mixedLoadRows } from './scenarios/mixed-load';
import { multiInstanceRows } from './scenarios/multi-instance';
import { slaStormRows } from './scenarios/sla-storm';
import { webhookRows } from './scenarios/webhooks';
import { type BenchEnv, setUp } from './setup';

const SCENARIOS: Record<string, (env: BenchEnv, log: (line: string) => void) => Promise<Row[]>> = {
  escalation: escalationRows,
  fresh: freshRows,
  mixed: mixedLoadRows,
  'multi-instance': multiInstanceRows,
  storm: slaStormRows,
  webhooks: webhookRows,
};

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  const scenario = name ? SCENARIOS[name] : undefined;
  if (!scenario) throw new UsageError(`Usage: npx tsx bench/alone.ts <${Object.keys(SCENARIOS).join('|')}> [bench options]`);
  const results = rest.includes('--results');
  const flags = rest.filter((arg) => arg !== '--results');
  const merge = results || flags.some((arg) => arg === '--out' || arg.startsWith('--out='));
  const options = parseOptions(flags, process.env);
  const machine = machineInfo();
  log(
    `${name} alone${options.quick ? ' (quick)' : ''} on ${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${machine.loadAverageAtStart}`,
  );
  const env = await setUp(options, log);
  process.once('SIGINT', () => {
    void env.close().finally(() => process.exit(130));
  });
  let rows: Row[];
  try {
    rows = await scenario(env, log);
  } finally {
    await env.close();
  }
  log(`\n${formatTable(rows)}\n`);
  if (merge) {
    if (!existsSync(options.resultsPath)) throw new UsageError(`${options.resultsPath} does not exist: run npm run bench first`);
    mergeRows(options.resultsPath, rows, { machine, store: env.storeName, quick: options.quick, latencyMs: options.latencyMs });
    log(`Merged ${rows.length} row(s) into ${options.resultsPath}.`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof UsageError ? error.message : `Failed: ${error instanceof Error ? error.stack : String(error)}`}\n`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
