/**
 * SLA storm: 10,000 clocks due in one minute (issue 17). The app's process fires them all (proc/sla-storm-commands.ts)
 * while this process sends the sidebar's repeated view on 10 kept-alive connections; the same views are timed for
 * as long again with no storm. Rows: the storm's total time (target: within the minute), the time per due clock
 * (≤ 0.2 ms on SQLite, ≤ 1 ms on PostgreSQL), the longest event-loop block (≤ 50 ms), and the sidebar's p99 during
 * the storm beside the p99 without it.
 *
 * Alone: `npx tsx bench/scenarios/sla-storm.ts [--quick]` (with DATABASE_URL: on PostgreSQL) seeds, runs the
 * 100-due tick rows and this scenario, and prints the rows.
 */
import { Agent } from 'node:http';
import { postOnce } from '../load';
import type { StormResult } from '../proc/sla-storm-commands';
import { atMost, type Row, row, waiting } from '../report/rows';
import type { BenchEnv } from '../setup';
import { percentile } from '../stats';
import { signedInitialize } from './sidebar';

export const STORM_DUE = 10_000;
const CONNECTIONS = 10;

/** Sends the repeated sidebar view on `CONNECTIONS` connections until `done()`; the latency of every answer, ms. */
async function views(env: BenchEnv, done: () => boolean): Promise<{ latencies: number[]; failures: number }> {
  const url = new URL('/intercom/initialize', env.appUrl);
  const item = signedInitialize(env);
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let failures = 0;
  const worker = async () => {
    while (!done()) {
      const started = performance.now();
      const { status } = await postOnce(url, item, agent);
      if (status === 200) latencies.push(performance.now() - started);
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return { latencies, failures };
}

export async function slaStormRows(env: BenchEnv): Promise<Row[]> {
  const names = await env.app.call<string[]>('jobNames');
  const perClockTarget = env.storeName.toLowerCase().includes('postgres') ? 1 : 0.2;
  if (!names.includes('sla-scheduler')) {
    return [
      waiting('sla.storm', `SLA storm: ${STORM_DUE.toLocaleString('en-US')} due in one minute`, 's', atMost(60), 'no sla-scheduler job'),
    ];
  }
  const due = await env.app.call<number>('slaStormPrepare', { due: STORM_DUE });
  // Warm the repeated view, then the storm with views alongside, then views alone for as long.
  await views(env, deadline(500));
  let stormDone = false;
  const [storm, during] = await Promise.all([
    env.app.call<StormResult>('slaStormRun', { due }).finally(() => {
      stormDone = true;
    }),
    views(env, () => stormDone),
  ]);
  const quiet = await views(env, deadline(Math.max(1_000, storm.ms)));
  const label = `SLA storm: ${due.toLocaleString('en-US')} due in one minute`;
  // A storm that handled fewer clocks than it set due measured nothing: its time would read as a target met (a
  // stopped scheduler, for one, ticks nothing; the mixed load before this only pauses its loop).
  if (due === 0 || storm.handled < due) {
    return [waiting('sla.storm', label, 's', atMost(60), `the scheduler handled ${storm.handled} of the ${due} clocks set due`)];
  }
  const perClock = storm.ms / Math.max(1, storm.handled);
  const p99During = percentile(during.latencies, 99) || Number.NaN;
  const p99Quiet = percentile(quiet.latencies, 99) || Number.NaN;
  const data = { ...storm, duringViews: during.latencies.length, quietViews: quiet.latencies.length, p99During, p99Quiet };
  return [
    row(
      'sla.storm',
      label,
      storm.ms / 1000,
      's',
      atMost(60),
      `${storm.handled.toLocaleString('en-US')} clocks in ${storm.ticks} tick(s), ${storm.fired.toLocaleString('en-US')} steps fired; app CPU ${(storm.cpuMs / 1000).toFixed(1)} s`,
      data,
    ),
    row(
      'sla.storm_per_clock',
      '…per due clock',
      perClock,
      'ms',
      atMost(perClockTarget),
      `wall time; app CPU ${(storm.cpuMs / Math.max(1, storm.handled)).toFixed(3)} ms per clock`,
    ),
    row(
      'sla.storm_block',
      '…longest event-loop block (CPU ms it used)',
      storm.blockCpuMs,
      'ms',
      atMost(50),
      `${storm.blockWallMs.toFixed(0)} ms of wall time on this machine; monitorEventLoopDelay max ${storm.loopMaxMs.toFixed(0)} ms, p99 ${storm.loopP99Ms.toFixed(0)} ms, mean ${storm.loopMeanMs.toFixed(1)} ms`,
    ),
    row(
      'sla.storm_sidebar_p99',
      '…sidebar p99 during the storm (repeated view, 10 connections)',
      p99During,
      'ms',
      null,
      `${p99Quiet.toFixed(1)} ms without a storm; ${during.latencies.length.toLocaleString('en-US')} views during, ${quiet.latencies.length.toLocaleString('en-US')} after, ${during.failures + quiet.failures} failed`,
    ),
  ];
}

function deadline(ms: number): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

/** Alone: seed, the 100-due tick rows, then the storm; prints the rows (no results.json). */
async function alone(): Promise<void> {
  const { parseOptions } = await import('../options');
  const { setUp } = await import('../setup');
  const { slaRows } = await import('./sla-tick');
  const { formatTable } = await import('../report/table');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const env = await setUp(parseOptions(process.argv.slice(2), process.env), log);
  try {
    const rows = [...(await slaRows(env)), ...(await slaStormRows(env))];
    log(`${env.storeName}\n${formatTable(rows)}`);
  } finally {
    await env.close();
  }
}

if (require.main === module) {
  alone().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
