/**
 * How many items a background job takes into its next synchronous stretch of work, sized by the CPU time the last
 * one used (the SLA scheduler's chunks of due clocks, the webhook processor's transactions on SQLite). On SQLite a chunk's transaction holds the event loop from its first statement to its commit
 * (better-sqlite3 is synchronous and the awaits between are microtasks), so a fixed chunk that is cheap on an idle
 * core blocks sidebar views for too long on a cold cache or a busy host. Measuring and adapting keeps each chunk near
 * its budget whatever the item costs today; the bounds keep the per-chunk statements amortised (never below `min`)
 * and one misleadingly cheap chunk from inviting a huge one (at most double the last).
 */

export interface ChunkBudget {
  /** CPU time one chunk should take, ms. */
  budgetMs: number;
  /** The first chunk's size, before anything was measured. */
  initial: number;
  min: number;
  max: number;
}

/** What the last chunk took: its size limit, the items it held and the CPU time it used. */
export interface ChunkCost {
  limit: number;
  items: number;
  cpuMs: number;
}

/** Pure: the next chunk's size limit after `last` (null: nothing measured yet). */
export function nextChunkSize(budget: ChunkBudget, last: ChunkCost | null): number {
  const clamp = (n: number) => Math.max(budget.min, Math.min(budget.max, Math.floor(n)));
  if (!last) return clamp(budget.initial);
  // A chunk that was not full found the end of what was due: its cost is mostly the chunk's own statements and says
  // little about an item's, so the size stays (the next full chunk is measured again).
  if (last.items < last.limit) return clamp(last.limit);
  const perItemMs = last.cpuMs / last.items;
  const fits = perItemMs > 0 ? budget.budgetMs / perItemMs : Number.POSITIVE_INFINITY;
  return clamp(Math.min(fits, 2 * last.limit));
}

/** A budget that never moves: `size` items a chunk, whatever they cost. */
export function fixedChunks(size: number): ChunkBudget {
  return { budgetMs: Number.POSITIVE_INFINITY, initial: size, min: size, max: size };
}

/** The CPU time this process has used, ms (every thread: what a synchronous stretch costs the event loop and more). */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A macrotask turn: timers, I/O and requests waiting on the loop run before the next chunk starts. */
export const setImmediateYield = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How a job paces its synchronous stretches: their size, the clock they are measured by and the yield between. */
export interface ChunkPacing {
  budget: ChunkBudget;
  cpuMs: () => number;
  yieldToLoop: () => Promise<void>;
}

/**
 * Runs `work` over `items` in consecutive groups, in order, each sized by the cost of the one before (`last` for the
 * first), with a turn of the event loop between two groups. Returns the last group's cost, for the next call.
 */
export async function inSizedChunks<T>(
  items: readonly T[],
  pacing: ChunkPacing,
  last: ChunkCost | null,
  work: (group: readonly T[]) => Promise<void>,
): Promise<ChunkCost | null> {
  let cost = last;
  for (let start = 0; start < items.length; ) {
    if (start > 0) await pacing.yieldToLoop();
    const limit = nextChunkSize(pacing.budget, cost);
    const group = items.slice(start, start + limit);
    const before = pacing.cpuMs();
    await work(group);
    cost = { limit, items: group.length, cpuMs: pacing.cpuMs() - before };
    start += group.length;
  }
  return cost;
}
