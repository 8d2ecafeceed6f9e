/**
 * The SLA storm, inside the app's process: `due` running clocks (any kind, across every workspace) rewritten so that
 * their warn step fell due at instants spread over the last minute, then the scheduler ticked until nothing is
 * due, as its own loop would. Measured here: wall and CPU time, and the event loop's delay histogram over the storm
 * (perf_hooks.monitorEventLoopDelay: its maximum is the longest the loop was held up, by one chunk or anything else).
 * The parent sends sidebar views meanwhile (scenarios/sla-storm.ts).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { startClock } from '../../src/domain/sla';
import type { SlaScheduler } from '../../src/jobs/sla-scheduler';
import type { Database } from '../../src/store';
import { seededRandom } from '../../src/util/seeded-random';
import type { AppContext } from './app-context';

export interface StormResult {
  due: number;
  ms: number;
  cpuMs: number;
  ticks: number;
  handled: number;
  fired: number;
  /** Event-loop delay over the storm, ms: the maximum, p99 and mean of the 1 ms-resolution histogram (0: no sample). */
  loopMaxMs: number;
  loopP99Ms: number;
  loopMeanMs: number;
  /** The longest stretch between two turns of a 1 ms timer, in wall ms and in CPU ms used meanwhile. */
  blockWallMs: number;
  blockCpuMs: number;
}

/**
 * A 1 ms timer that notes, between two of its turns, the wall time and this process's CPU time. On a shared machine
 * the wall time of a block grows with whatever else runs; the CPU time it used does not, so both are reported.
 * The last stretch (to `stop`) counts too: a loop held for the whole storm gives the histogram no sample at all.
 */
function blockProbe() {
  let wallAt = performance.now();
  let cpuAt = process.cpuUsage();
  let wallMs = 0;
  let cpuMs = 0;
  const turn = () => {
    const cpu = process.cpuUsage(cpuAt);
    const now = performance.now();
    wallMs = Math.max(wallMs, now - wallAt);
    cpuMs = Math.max(cpuMs, (cpu.user + cpu.system) / 1000);
    wallAt = now;
    cpuAt = process.cpuUsage();
  };
  const timer = setInterval(turn, 1);
  return {
    stop() {
      turn();
      clearInterval(timer);
      return { blockWallMs: wallMs, blockCpuMs: cpuMs };
    },
  };
}

const TARGET_MS = 4 * 3_600_000;
const SPREAD_MS = 60_000;

/** Rewrites `due` running clocks so that their warn step fell due within the last minute; returns how many. */
export async function prepareStorm(db: Database['db'], now: number, due: number): Promise<number> {
  const { rows } = await sql<{ workspace_id: string; ticket_id: string; kind: 'response' | 'resolution' }>`
    select workspace_id, ticket_id, kind from sla_clocks where status = 'running'
    order by ticket_id, kind limit ${due}`.execute(db);
  const random = seededRandom(17);
  await db.transaction().execute(async (tx) => {
    for (const row of rows) {
      const warnAt = now - Math.floor(random() * SPREAD_MS);
      const startedAt = warnAt - Math.round(0.75 * TARGET_MS);
      const state = startClock({
        kind: row.kind,
        ticketCreatedAt: startedAt,
        targetMs: TARGET_MS,
        tightening: null,
        meterMode: 'calendar',
        now,
      });
      await tx
        .updateTable('sla_clocks')
        .set({ state_json: JSON.stringify(state), cycle: 0, next_fire_at: warnAt, next_step: 'warn', locked_by: null, locked_until: null })
        .where('workspace_id', '=', row.workspace_id)
        .where('ticket_id', '=', row.ticket_id)
        .where('kind', '=', row.kind)
        .execute();
      // A clock of an earlier run may have fired this cycle's warn already; the storm is about firing it now.
      await tx
        .deleteFrom('ladder_firings')
        .where('workspace_id', '=', row.workspace_id)
        .where('ticket_id', '=', row.ticket_id)
        .where('kind', '=', row.kind)
        .execute();
    }
  });
  return rows.length;
}

function prepare(ctx: AppContext, args: unknown): Promise<number> {
  const { due } = args as { due: number };
  return prepareStorm(ctx.database.db, ctx.clock.now(), due);
}

async function count(ctx: AppContext): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ladder_firings`.execute(ctx.database.db);
  return Number(rows[0]?.n ?? 0);
}

/** The app's own scheduler, as src/wiring/jobs.ts built it. */
function scheduler(ctx: AppContext): SlaScheduler {
  const job = ctx.application.jobs.find((candidate) => candidate.name === 'sla-scheduler');
  if (!job || !('pause' in job)) throw new Error('no sla-scheduler job is wired');
  return job as SlaScheduler;
}

async function run(ctx: AppContext, args: unknown): Promise<StormResult> {
  const { due } = args as { due: number };
  // Ticked here as its loop would tick it (another tick at once while one comes back with work): the loop itself is
  // paused or never started, so these are the only ticks and their time is the storm's.
  const job = scheduler(ctx);
  const firingsBefore = await count(ctx);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const probe = blockProbe();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let handled = 0;
  let ticks = 0;
  for (let round = 0; round < 10_000; round += 1) {
    const n = await job.runOnce();
    if (n === 0) break;
    handled += n;
    ticks += 1;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const block = probe.stop();
  histogram.disable();
  const ns = 1e6;
  return {
    due,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ticks,
    handled,
    fired: (await count(ctx)) - firingsBefore,
    loopMaxMs: finite(histogram.max / ns),
    loopP99Ms: finite(histogram.percentile(99) / ns),
    loopMeanMs: finite(histogram.mean / ns),
    ...block,
  };
}

export function slaStormCommands(current: () => AppContext) {
  return {
    slaStormPrepare: (args: unknown) => prepare(current(), args),
    slaStormRun: (args: unknown) => run(current(), args),
    /** The mixed load runs the scheduler's loop as production does, then pauses it: the storm ticks it later. */
    pauseSlaScheduler: () => scheduler(current()).pause(),
  };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
