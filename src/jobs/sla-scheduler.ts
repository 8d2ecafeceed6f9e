/**
 * The SLA scheduler: fires ladder steps as clocks cross 75 / 90 / 100 %.
 *
 * A tick works through what is due in chunks, each one transaction of a constant number of statements
 * (src/services/sla/due-chunk.ts): the due clocks are read with what their ladder needs and locked (PostgreSQL:
 * SKIP LOCKED, so instances take disjoint chunks), every due step is recorded once (`ladder_firings`) with its
 * outbox job, and the clocks are re-armed. Between chunks the tick yields to the event loop, so a storm of due
 * clocks never holds requests up for longer than one chunk. On SQLite each chunk is sized by the CPU time the last
 * one used (src/jobs/chunk-budget.ts), so one chunk stays near 15 ms however much a clock costs on this host today.
 * Steps that fell due while no instance ran all fire on the first tick, oldest first, each carrying its original
 * due time.
 */
import { fireDueChunk } from '../services/sla/due-chunk';
import type { PolicyCache } from '../services/sla/policy-cache';
import type { DialectName, Store } from '../store';
import type { Clock } from '../util/clock';
import type { BackgroundJob } from './background-job';
import { type ChunkBudget, type ChunkCost, fixedChunks, nextChunkSize, processCpuMs, setImmediateYield } from './chunk-budget';
import type { WorkerLogger } from './outbox-worker';
import { createPollingLoop } from './polling-loop';

export interface SlaSchedulerOptions {
  store: Store;
  clock: Clock;
  policies: PolicyCache;
  instanceId: string;
  logger: WorkerLogger;
  intervalMs: number;
  /** Clocks per transaction, fixed: chunks are not sized by their cost (tests that count chunks pass it). */
  chunkSize?: number;
  /** How chunks are sized when `chunkSize` is not given (default: `DEFAULT_SLA_CHUNKS` for the store's engine). */
  chunkBudget?: ChunkBudget;
  /** The process's CPU time in ms, to measure a chunk by; tests pass their own. */
  cpuMs?: () => number;
  /** Chunks per tick; a tick that used them all runs again at once (catching up after downtime, say). */
  chunksPerTick?: number;
  /** How long a clock that could not be planned waits before it is tried again. */
  retryMs?: number;
  /** Lets the event loop run between chunks; tests pass their own to see, or break, what happens there. */
  yieldToLoop?: () => Promise<void>;
  /** Called after steps were enqueued (the outbox worker's `poke`, so actions go out without waiting a poll). */
  onEnqueued?: () => void;
}

export interface SlaScheduler extends BackgroundJob {
  /** How late the last tick found the most overdue clock it handled, in ms (0 when none was due): for /metrics. */
  lagMs(): number;
  /** Stops the loop's own ticks until `start` again; `runOnce` still ticks (the benchmark's storm drives it so). */
  pause(): Promise<void>;
}

/**
 * SQLite: a chunk is one synchronous stretch, so its CPU time is how long it holds the event loop. A chunk of 200
 * clocks took 25–130 ms of CPU on a loaded 2-core host (more while caches were cold): 15 ms leaves room in a 50 ms
 * block for the views served beside it and a garbage collection; below 20 clocks the chunk's own statements would
 * weigh on every clock. PostgreSQL: a chunk's statements are round trips, between which the event loop serves
 * requests, so a chunk's CPU time counts those requests too and would shrink chunks for work that is not theirs
 * (measured: 28 clocks a chunk, four times the CPU per clock). There the loop is held only by the in-memory planning
 * between two statements, which grows with the chunk: 100 clocks a chunk halves it against 200 (the storm's longest
 * block was 52-63 ms of CPU at 200 on a loaded host), and the round trips it adds leave the storm far within its
 * 1 ms per clock (0.32 ms at 200).
 */
export const DEFAULT_SLA_CHUNKS: Readonly<Record<DialectName, ChunkBudget>> = {
  sqlite: { budgetMs: 15, initial: 50, min: 20, max: 500 },
  postgres: fixedChunks(100),
};

export function createSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { store, clock, policies, instanceId, logger } = options;
  const { chunkSize } = options;
  const budget = chunkSize === undefined ? (options.chunkBudget ?? DEFAULT_SLA_CHUNKS[store.dialect]) : fixedChunks(chunkSize);
  const cpuMs = options.cpuMs ?? processCpuMs;
  const chunksPerTick = options.chunksPerTick ?? 50;
  const retryMs = options.retryMs ?? 60_000;
  const yieldToLoop = options.yieldToLoop ?? setImmediateYield;
  let lastLagMs = 0;
  /** The last chunk's cost, carried across ticks: a storm's next tick starts at the size the last one reached. */
  let lastChunk: ChunkCost | null = null;
  /** The last tick used all its chunks: more is probably due. */
  let lastTickFull = false;

  async function pass(): Promise<number> {
    let handled = 0;
    let fired = 0;
    let lagMs = 0;
    lastTickFull = false;
    for (let chunk = 0; chunk < chunksPerTick; chunk += 1) {
      if (chunk > 0) await yieldToLoop();
      const now = clock.now();
      const limit = nextChunkSize(budget, lastChunk);
      const cpuBefore = cpuMs();
      const result = await fireDueChunk(store, policies, { now, limit, instanceId, retryAt: now + retryMs });
      lastChunk = { limit, items: result.clocks, cpuMs: cpuMs() - cpuBefore };
      for (const failed of result.failed) logger.error(failed, 'SLA clock not processed');
      handled += result.clocks;
      fired += result.fired;
      lagMs = Math.max(lagMs, result.lagMs);
      if (result.fired > 0) options.onEnqueued?.();
      if (result.clocks < limit) break;
      lastTickFull = chunk === chunksPerTick - 1;
    }
    lastLagMs = lagMs;
    if (fired > 0) logger.info({ clocks: handled, fired }, 'SLA ladder steps fired');
    return handled;
  }

  const loop = createPollingLoop({
    name: 'sla-scheduler',
    pass,
    isFull: () => lastTickFull,
    onError: (error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'SLA scheduler tick failed'),
  });
  return {
    name: 'sla-scheduler',
    lagMs: () => lastLagMs,
    runOnce: loop.runOnce,
    start: () => loop.start(options.intervalMs),
    pause: loop.pause,
    stop: loop.stop,
  };
}
