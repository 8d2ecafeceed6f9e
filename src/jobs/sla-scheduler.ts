/**
 * The SLA scheduler: fires ladder steps as clocks cross 75 / 90 / 100 %.
 *
 * A tick works through what is due in chunks (200 clocks by default), each one transaction of a constant number
 * of statements (src/services/sla/due-chunk.ts): the due clocks are read with what their ladder needs and locked
 * (PostgreSQL: SKIP LOCKED, so instances take disjoint chunks), every due step is recorded once (`ladder_firings`)
 * with its outbox job, and the clocks are re-armed. Between chunks the tick yields to the event loop, so a storm
 * of due clocks never holds requests up for longer than one chunk. Steps that fell due while no instance ran all
 * fire on the first tick, oldest first, each carrying its original due time.
 */
import { fireDueChunk } from '../services/sla/due-chunk';
import type { PolicyCache } from '../services/sla/policy-cache';
import type { Store } from '../store';
import type { Clock } from '../util/clock';
import type { BackgroundJob } from './background-job';
import type { WorkerLogger } from './outbox-worker';
import { createPollingLoop } from './polling-loop';

export interface SlaSchedulerOptions {
  store: Store;
  clock: Clock;
  policies: PolicyCache;
  instanceId: string;
  logger: WorkerLogger;
  intervalMs: number;
  /** Clocks per transaction: small enough that one chunk's work stays well under 50 ms of the event loop. */
  chunkSize?: number;
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
}

export const DEFAULT_SLA_CHUNK = 200;

/** A macrotask turn: timers, I/O and requests waiting on the loop run before the next chunk starts. */
export const setImmediateYield = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { store, clock, policies, instanceId, logger } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_SLA_CHUNK;
  const chunksPerTick = options.chunksPerTick ?? 50;
  const retryMs = options.retryMs ?? 60_000;
  const yieldToLoop = options.yieldToLoop ?? setImmediateYield;
  let lastLagMs = 0;

  async function pass(): Promise<number> {
    let handled = 0;
    let fired = 0;
    let lagMs = 0;
    for (let chunk = 0; chunk < chunksPerTick; chunk += 1) {
      if (chunk > 0) await yieldToLoop();
      const now = clock.now();
      const result = await fireDueChunk(store, policies, { now, limit: chunkSize, instanceId, retryAt: now + retryMs });
      for (const failed of result.failed) logger.error(failed, 'SLA clock not processed');
      handled += result.clocks;
      fired += result.fired;
      lagMs = Math.max(lagMs, result.lagMs);
      if (result.fired > 0) options.onEnqueued?.();
      if (result.clocks < chunkSize) break;
    }
    lastLagMs = lagMs;
    if (fired > 0) logger.info({ clocks: handled, fired }, 'SLA ladder steps fired');
    return handled;
  }

  const loop = createPollingLoop({
    name: 'sla-scheduler',
    pass,
    isFull: (n) => n >= chunkSize * chunksPerTick,
    onError: (error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'SLA scheduler tick failed'),
  });
  return {
    name: 'sla-scheduler',
    lagMs: () => lastLagMs,
    runOnce: loop.runOnce,
    start: () => loop.start(options.intervalMs),
    stop: loop.stop,
  };
}
